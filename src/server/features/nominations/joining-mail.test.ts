import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import type { Locale } from '../../../contract/common.js';
import type { Nomination } from '../../../contract/nominations.js';
import { outboxMessages, users } from '../../db/schema/index.js';
import { INSTRUCTIONS_TO_FOLLOW } from '../messages/default-templates/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { makePerson, openSession, runQueuedJobs } from './test-fixtures.js';

/**
 * The joining-instructions e-mail, read as its recipients read it: once its main paragraph went
 * out empty in every language (the template asked for one value, the code gave another), and
 * the NPOC's copy did not say whom it was about.
 */
const INSTRUCTIONS = {
  en: 'Report to the centre reception at 07:30 on the first day, in service dress.',
  fr: 'Présentez-vous à l’accueil du centre à 7 h 30 le premier jour, en tenue de service.',
  ar: 'يُرجى الحضور إلى استقبال المركز الساعة 07:30 في اليوم الأول بالزي الرسمي.',
};
const KUWAIT = { en: 'Kuwait', fr: 'Koweït', ar: 'الكويت' };

describe('joining instructions e-mail', () => {
  let t: TestApp;
  let registrar: Browser;
  const npocs: Partial<Record<Locale, Browser>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    await openSession(t.db.db, 'JI-A', 'CT-BASIC');
    await openSession(t.db.db, 'JI-B', 'CT-BASIC');
    const staff = await makeUser(t.db.db, ['registrar']);
    registrar = await signIn(t.app, staff.email, staff.password);
    // One NPOC of Kuwait per language, so each language's copy is read.
    for (const locale of ['en', 'fr', 'ar'] as const) {
      const npoc = await makeUser(t.db.db, ['npoc'], 'KWT');
      await t.db.db.update(users).set({ locale }).where(eq(users.email, npoc.email));
      npocs[locale] = await signIn(t.app, npoc.email, npoc.password);
    }
    const edited = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/JI-A', {
      joiningInstructions: INSTRUCTIONS,
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });
  afterAll(() => t.close());

  async function select(sessionCode: string, familyNameLatin: string) {
    const person = await makePerson(t.db.db, 'KWT', {
      familyNameLatin,
      givenNamesLatin: 'Salem',
      email: `${familyNameLatin.toLowerCase()}@kwt.example`,
    });
    const created = await call(t.app, npocs.en ?? null, 'POST', '/api/v1/nominations', {
      sessionCode,
      participantId: person,
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<Nomination>().id;
    const selected = await call(t.app, registrar, 'POST', `/api/v1/nominations/${id}/transitions`, {
      action: 'select',
    });
    expect(selected.statusCode, selected.body).toBe(200);
    await runQueuedJobs(t);
    return t.db.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.event, 'joining-instructions'))
      .then((rows) => rows.filter((row) => row.body.includes(`Salem ${familyNameLatin}`)));
  }

  /** Nothing left unfilled, no empty paragraph where a value should have been. */
  function expectWhole(body: string) {
    expect(body).not.toMatch(/\{\{|\}\}/);
    expect(body).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
    expect(body).not.toMatch(/\(\s*\)/);
  }

  it('gives the participant and each NPOC the instructions in their language, naming whom it is about', async () => {
    const mails = await select('JI-A', 'Al-Ali');
    // The participant (session language, English) and the three NPOCs.
    expect(mails).toHaveLength(4);
    for (const mail of mails) {
      const locale = mail.locale as Locale;
      expectWhole(mail.body);
      expect(mail.body).toContain(INSTRUCTIONS[locale]);
      expect(mail.body).toContain('Salem Al-Ali');
      expect(mail.body).toContain(KUWAIT[locale]);
      expect(mail.subject).toContain('JI-A');
      // An NPOC gets one per participant: the subject tells them apart.
      expect(mail.subject).toContain('Salem Al-Ali');
    }
    expect(mails.map((m) => m.locale).sort()).toEqual(['ar', 'en', 'en', 'fr']);
  });

  it('says the instructions will follow while the centre has written none', async () => {
    const mails = await select('JI-B', 'Al-Sabah');
    expect(mails).toHaveLength(4);
    for (const mail of mails) {
      expectWhole(mail.body);
      expect(mail.body).toContain(INSTRUCTIONS_TO_FOLLOW[mail.locale as Locale]);
    }
  });
});
