import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../../../test/support/app.js';
import { seedPartners } from '../../../../../test/support/factories.js';
import type { Locale } from '../../../../contract/common.js';
import { addDays } from '../../../../domain/venue-calendar.js';
import { sessionChanges, trainingSessions } from '../../../db/schema/index.js';
import { systemContext } from '../../context.js';
import { formatDay } from '../../messages/dates.js';
import { gapsIn } from '../../messages/message-gaps.js';
import { kuwaitToday } from '../../nominations/test-fixtures.js';
import { createNation } from '../../partners/nations.service.js';
import { makeActivity, seedSessionBasics } from '../test-data.js';
import { sendAnnouncementDigest, utcDay } from './announcements.js';
import {
  noticesOf,
  outboxOf,
  queuedJobs,
  runSessionChangeJobs,
  userSpeaking,
} from './test-fixtures.js';

describe('announcing a session tells the nations it is released to', () => {
  let t: TestApp;
  let registrar: Browser;
  const npocs: Record<string, { id: string; email: string }> = {};
  const today = kuwaitToday();
  const opens = addDays(today, -1);
  const closes = addDays(today, 20);
  const day = utcDay(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await t.db.db.transaction((tx) =>
      createNation(systemContext(tx, 'test'), {
        code: 'JOR',
        name: { en: 'Jordan', ar: 'الأردن' },
        frameworkCode: 'MD',
        status: 'member',
        joinedOn: '1995-01-01',
      }),
    );
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-ALL', {
      title: { en: 'Crisis management', fr: 'Gestion de crise' },
    });
    await makeActivity(t.db.db, 'CT-KWT', { releasability: { nations: ['KWT'] } });
    await makeActivity(t.db.db, 'CT-MD', { releasability: { frameworks: ['MD'] } });
    const staff = await userSpeaking(t.db.db, ['registrar'], 'en');
    registrar = await signIn(t.app, staff.email, staff.password);
    const people: [string, string, Locale][] = [
      ['kwtAr', 'KWT', 'ar'],
      ['kwtEn', 'KWT', 'en'],
      ['qat', 'QAT', 'fr'],
      ['jor', 'JOR', 'en'],
    ];
    for (const [name, nation, locale] of people) {
      npocs[name] = await userSpeaking(t.db.db, ['npoc'], locale, nation);
    }
    for (const [code, activity] of [
      ['AN-1', 'CT-ALL'],
      ['AN-2', 'CT-KWT'],
      ['AN-3', 'CT-MD'],
      ['AN-4', 'CT-ALL'],
    ] as const) {
      await plan(code, activity);
      await move(code, 'announced');
    }
    // Taken back before its job ran: nations no longer see it; no notice, no digest line.
    await move('AN-4', 'draft');
    await runSessionChangeJobs(t);
  });
  afterAll(() => t.close());

  const npoc = (name: string) => {
    const found = npocs[name];
    if (!found) throw new Error(`no ${name}`);
    return found;
  };

  async function plan(code: string, activityCode: string) {
    const start = addDays(today, 45);
    const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
      code,
      activityCode,
      startDate: start,
      endDate: addDays(start, 2),
      venueCode: 'KWI-NIRC',
      capacity: 12,
      nominationOpens: opens,
      nominationCloses: closes,
      quotas: [
        { nationCode: 'KWT', seats: 4 },
        { nationCode: 'QAT', seats: 1 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  async function move(code: string, to: string) {
    const url = `/api/v1/sessions/${code}/transitions`;
    const moved = await call(t.app, registrar, 'POST', url, { to });
    expect(moved.statusCode, moved.body).toBe(200);
  }

  it('puts one notice per session under the bell of each NPOC it is released to', async () => {
    const codes = async (name: string) =>
      (await noticesOf(t.db.db, npoc(name).id, 'session-announced')).map((n) => n.params);
    expect(await codes('kwtAr')).toEqual([
      { sessionCode: 'AN-1', quota: '4', closesDate: closes },
      { sessionCode: 'AN-2', quota: '4', closesDate: closes },
    ]);
    expect((await codes('qat')).map((p) => [p.sessionCode, p.quota])).toEqual([['AN-1', '1']]);
    expect((await codes('jor')).map((p) => [p.sessionCode, p.quota])).toEqual([
      ['AN-1', '0'],
      ['AN-3', '0'],
    ]);
  });

  it('queues one digest for the day, due when the day is over, and no e-mail before', async () => {
    const jobs = await queuedJobs(t, 'session.announcement-digest');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ day });
    expect(jobs[0]?.run_at.toISOString()).toBe(`${addDays(day, 1)}T00:00:00.000Z`);
    expect(await outboxOf(t.db.db, 'sessions-announced')).toEqual([]);
  });

  it('e-mails each NPOC one digest listing their sessions with quota and deadline', async () => {
    expect(await sendAnnouncementDigest(t.db.db, day)).toBe(4);
    const mails = await outboxOf(t.db.db, 'sessions-announced');
    const to = (name: string) => mails.filter((m) => m.toAddress === npoc(name).email);
    for (const name of ['kwtAr', 'kwtEn', 'qat', 'jor']) expect(to(name), name).toHaveLength(1);
    const [arabic] = to('kwtAr');
    expect(arabic?.locale).toBe('ar');
    expect(arabic?.subject).toBe('دورات جديدة مفتوحة أمام دولتكم (الكويت)');
    expect(arabic?.body).toContain('• AN-1, Crisis management:');
    expect(arabic?.body).toContain('• AN-2, Course CT-KWT:');
    expect(arabic?.body).toContain('حصتكم: 4 مقاعد.');
    expect(arabic?.body).toContain(`آخر موعد للترشيح: ${formatDay(closes, 'ar')}`);
    expect(arabic?.body).not.toContain('AN-3');
    expect(arabic?.body).not.toContain('AN-4');
    const [french] = to('qat');
    expect(french?.body).toContain('• AN-1, Gestion de crise:');
    expect(french?.body).toContain('Votre quota : 1 place.');
    expect(french?.body).toContain(`Candidatures jusqu'au ${formatDay(closes, 'fr')}`);
    expect(french?.body).not.toContain('AN-2');
    const [jordan] = to('jor');
    expect(jordan?.body).toContain('• AN-3, Course CT-MD:');
    expect(jordan?.body).toContain('No quota for your nation; 7 seats are open to all.');
    for (const mail of mails)
      expect(gapsIn(mail, mail.locale as Locale), mail.toAddress).toEqual([]);
  });

  it('sends nothing twice, and leaves the next day’s announcements to that day', async () => {
    await plan('AN-5', 'CT-ALL');
    await move('AN-5', 'announced');
    const [session] = await t.db.db
      .select({ id: trainingSessions.id })
      .from(trainingSessions)
      .where(eq(trainingSessions.code, 'AN-5'));
    const tomorrow = addDays(day, 1);
    await t.db.db
      .update(sessionChanges)
      .set({ createdAt: new Date(`${tomorrow}T06:00:00Z`) })
      .where(eq(sessionChanges.sessionId, String(session?.id)));
    expect(await sendAnnouncementDigest(t.db.db, day)).toBe(0);
    expect(await outboxOf(t.db.db, 'sessions-announced')).toHaveLength(4);
    expect(await sendAnnouncementDigest(t.db.db, tomorrow)).toBe(4);
    const next = (await outboxOf(t.db.db, 'sessions-announced')).slice(4);
    expect(next.every((m) => m.body.includes('AN-5') && !m.body.includes('AN-1'))).toBe(true);
  });
});
