import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { notifications, outboxMessages } from '../../db/schema/index.js';
import { userSpeaking } from '../sessions/changes/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import {
  makeActivityRequiring,
  makePerson,
  openSession,
  runQueuedJobs,
  submitNominations,
} from './test-fixtures.js';

/**
 * The NPOC of a nomination hears of every decision the centre takes on it, under the bell and
 * by e-mail, in their own language: a seat (with joining instructions), the waitlist, a
 * rejection and its reason, a promotion from the waitlist, an eligibility override.
 */
describe("a nomination's NPOC is told of each decision on it", () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let npocUser: Awaited<ReturnType<typeof userSpeaking>>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-DEC');
    await makeActivityRequiring(t.db.db, 'CT-SENIOR', { rankMin: 'OF-5' });
    await openSession(t.db.db, 'DEC-1', 'CT-DEC', {
      capacity: 2,
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    await openSession(t.db.db, 'DEC-2', 'CT-SENIOR');
    registrar = await signInAs(t, ['registrar']);
    npocUser = await userSpeaking(t.db.db, ['npoc'], 'ar', 'KWT');
    npoc = await signIn(t.app, npocUser.email, npocUser.password);
  });
  afterAll(() => t.close());

  async function decide(id: string, action: string, reason?: string) {
    const url = `/api/v1/nominations/${id}/transitions`;
    const response = await call(t.app, registrar, 'POST', url, { action, reason });
    expect(response.statusCode, response.body).toBe(200);
    await runQueuedJobs(t);
  }

  /** What the NPOC got about one nomination: notice kinds and e-mail events, in order. */
  async function toldAbout(nominationId: string) {
    const notes = await t.db.db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, npocUser.id))
      .orderBy(asc(notifications.id));
    const mails = await t.db.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.userId, npocUser.id)))
      .orderBy(asc(outboxMessages.id));
    return {
      notices: notes.filter((n) => n.link === `/nominations/${nominationId}`).map((n) => n.kind),
      mails: mails.filter((m) => m.body.includes(`/nominations/${nominationId}`)),
    };
  }

  it('a selection, a waitlisting, a rejection and a promotion', async () => {
    const [first, second, third] = await submitNominations(t, npoc, 'DEC-1', 'KWT', 3);
    if (!first || !second || !third) throw new Error('nominations missing');
    await decide(first, 'select');
    await decide(second, 'select');
    await decide(third, 'waitlist');
    await decide(second, 'reject', 'Not the profile the course needs.');

    const selected = await toldAbout(first);
    expect(selected.notices).toEqual(['nomination-selected']);
    expect(selected.mails.map((m) => [m.event, m.locale])).toEqual([
      ['joining-instructions', 'ar'],
    ]);

    const rejected = await toldAbout(second);
    expect(rejected.notices).toEqual(['nomination-selected', 'nomination-rejected']);
    const rejection = rejected.mails.find((m) => m.event === 'nomination-rejected');
    expect(rejection?.locale).toBe('ar');
    expect(rejection?.body).toContain('Not the profile the course needs.');

    // The rejection freed a seat: the waitlisted nomination took it.
    const promoted = await toldAbout(third);
    expect(promoted.notices).toEqual(['nomination-waitlisted', 'nomination-promoted']);
    expect(promoted.mails.map((m) => m.event)).toEqual([
      'nomination-waitlisted',
      'joining-instructions',
    ]);
  });

  it('an eligibility override, with its justification', async () => {
    const person = await makePerson(t.db.db, 'KWT', { rankCode: 'OF-3' });
    const created = await call(t.app, npoc, 'POST', '/api/v1/nominations', {
      sessionCode: 'DEC-2',
      participantId: person,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const overridden = await call(t.app, registrar, 'POST', `/api/v1/nominations/${id}/override`, {
      justification: 'Acting as a colonel in the ministry.',
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    await runQueuedJobs(t);
    const told = await toldAbout(id);
    expect(told.notices).toEqual(['nomination-overridden']);
    expect(told.mails.map((m) => [m.event, m.locale])).toEqual([['nomination-overridden', 'ar']]);
    expect(told.mails[0]?.body).toContain('Acting as a colonel in the ministry.');
    expect(told.mails[0]?.body).toMatch(/[\u0600-\u06FF]{5,}/);
  });
});
