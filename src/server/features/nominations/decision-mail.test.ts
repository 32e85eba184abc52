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
import { LOCALES, type Locale } from '../../../contract/common.js';
import type { Nomination } from '../../../contract/nominations.js';
import { outboxMessages, users } from '../../db/schema/index.js';
import { gapsIn } from '../messages/message-gaps.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { makePerson, openSession, runQueuedJobs } from './test-fixtures.js';

/**
 * Every e-mail a registrar's decisions send, through the code that really sends them, read by
 * an NPOC in each language: none has a gap, and each copy names the participant it is about.
 */
describe('e-mails of the decisions on a nomination', () => {
  let t: TestApp;
  let registrar: Browser;
  const npocEmails = new Set<string>();
  let npoc: Browser | null = null;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    await openSession(t.db.db, 'DM-A', 'CT-BASIC');
    const staff = await makeUser(t.db.db, ['registrar']);
    registrar = await signIn(t.app, staff.email, staff.password);
    for (const locale of LOCALES) {
      const user = await makeUser(t.db.db, ['npoc'], 'KWT');
      await t.db.db.update(users).set({ locale }).where(eq(users.email, user.email));
      npocEmails.add(user.email);
      npoc ??= await signIn(t.app, user.email, user.password);
    }
  });
  afterAll(() => t.close());

  async function decide(givenNamesLatin: string, familyNameLatin: string, decision: object) {
    const person = await makePerson(t.db.db, 'KWT', { givenNamesLatin, familyNameLatin });
    const created = await call(t.app, npoc, 'POST', '/api/v1/nominations', {
      sessionCode: 'DM-A',
      participantId: person,
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<Nomination>().id;
    const url = `/api/v1/nominations/${id}/transitions`;
    const decided = await call(t.app, registrar, 'POST', url, decision);
    expect(decided.statusCode, decided.body).toBe(200);
  }

  it('tells each NPOC in their language, whole, naming the participant', async () => {
    // Rejected before anyone waits, so the freed seat promotes nobody.
    await decide('Chaïma', 'Benaïssa', {
      action: 'reject',
      reason: 'Le quota du pays est atteint ; aucune place ne reste dans le contingent ouvert.',
    });
    await decide('Abdullah', 'Al-Sabah', { action: 'waitlist' });
    await decide('Khalid', 'Al-Mutairi', { action: 'select' });
    await runQueuedJobs(t);

    const mails = await t.db.db.select().from(outboxMessages);
    const toNpocs = mails.filter((m) => npocEmails.has(m.toAddress));
    const seen = toNpocs.map((m) => `${m.event}/${m.locale}`).sort();
    expect(seen).toEqual(
      ['joining-instructions', 'nomination-rejected', 'nomination-waitlisted']
        .flatMap((event) => LOCALES.map((locale) => `${event}/${locale}`))
        .sort(),
    );
    const about: Record<string, string> = {
      'nomination-waitlisted': 'Abdullah Al-Sabah',
      'nomination-rejected': 'Chaïma Benaïssa',
      'joining-instructions': 'Khalid Al-Mutairi',
    };
    for (const mail of toNpocs) {
      const where = `${mail.event} / ${mail.locale}`;
      expect(gapsIn(mail, mail.locale as Locale), where).toEqual([]);
      expect(mail.subject, where).toContain(about[mail.event]);
      expect(mail.body, where).toContain(about[mail.event]);
    }
    // The participant's own copy and their account invitation are whole too.
    const others = mails.filter((m) => !npocEmails.has(m.toAddress));
    expect(others.map((m) => m.event).sort()).toEqual([
      'account-invitation',
      'joining-instructions',
    ]);
    for (const mail of others) expect(gapsIn(mail, mail.locale as Locale)).toEqual([]);
  });
});
