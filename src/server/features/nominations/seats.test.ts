import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Nomination, SelectionBoard } from '../../../contract/nominations.js';
import { addDays } from '../../../domain/venue-calendar.js';
import {
  nominations,
  notifications,
  sessionQuotas,
  trainingSessions,
} from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { releaseDueQuotas } from './quota-release.js';
import { kuwaitToday, openSession, runQueuedJobs, submitNominations } from './test-fixtures.js';

describe('seats', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
  });
  afterAll(() => t.close());

  const submitted = (who: Browser, session: string, nation: string, count: number) =>
    submitNominations(t, who, session, nation, count);

  const decide = (id: string, action: string, reason?: string) =>
    call(t.app, registrar, 'POST', `/api/v1/nominations/${id}/transitions`, { action, reason });

  it('gives exactly the capacity under 200 parallel selections', async () => {
    const sessionId = await openSession(t.db.db, 'RUSH', 'CT-BASIC', {
      capacity: 30,
      quotas: [
        { nationCode: 'KWT', seats: 10 },
        { nationCode: 'QAT', seats: 5 },
      ],
    });
    const ids = [
      ...(await submitted(npocKwt, 'RUSH', 'KWT', 100)),
      ...(await submitted(npocQat, 'RUSH', 'QAT', 100)),
    ];
    const answers = await Promise.all(ids.map((id) => decide(id, 'select')));
    const codes = answers.map((a) =>
      a.statusCode === 200 ? 'ok' : a.json<{ code: string }>().code,
    );
    expect(codes.filter((c) => c === 'ok')).toHaveLength(30);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'no_seat')).toBe(true);

    const selected = await t.db.db
      .select({ nation: nominations.nationCode, source: nominations.seatSource })
      .from(nominations)
      .where(eq(nominations.status, 'selected'));
    expect(selected).toHaveLength(30);
    const [session] = await t.db.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId));
    expect(session).toMatchObject({ seatsTaken: 30, poolTaken: 15 });
    const quotas = await t.db.db
      .select()
      .from(sessionQuotas)
      .where(eq(sessionQuotas.sessionId, sessionId));
    expect(Object.fromEntries(quotas.map((q) => [q.nationCode, q.taken]))).toEqual({
      KWT: 10,
      QAT: 5,
    });
    expect(selected.filter((s) => s.source === 'quota')).toHaveLength(15);
  });

  it('promotes the next waitlisted nomination when a selected one is withdrawn', async () => {
    await openSession(t.db.db, 'SMALL', 'CT-BASIC', {
      capacity: 2,
      quotas: [{ nationCode: 'QAT', seats: 1 }],
    });
    const [q1, q2] = await submitted(npocQat, 'SMALL', 'QAT', 2);
    const [k1] = await submitted(npocKwt, 'SMALL', 'KWT', 1);
    if (!q1 || !q2 || !k1) throw new Error('fixtures');
    expect((await decide(q1, 'select')).json<Nomination>().seatSource).toBe('quota');
    expect((await decide(k1, 'select')).json<Nomination>().seatSource).toBe('pool');
    expectProblem(await decide(q2, 'select'), 409, 'no_seat');
    expect((await decide(q2, 'waitlist')).statusCode).toBe(200);

    const withdrawn = await call(t.app, npocQat, 'POST', `/api/v1/nominations/${q1}/transitions`, {
      action: 'withdraw',
      reason: 'Operational duty',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const promoted = (
      await call(t.app, npocQat, 'GET', `/api/v1/nominations/${q2}`)
    ).json<Nomination>();
    expect(promoted).toMatchObject({ status: 'selected', seatSource: 'quota' });
    expect(promoted.timeline.at(-1)).toMatchObject({ action: 'promote', actorName: null });
    await runQueuedJobs(t);
    const bells = await t.db.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.kind, 'nomination-promoted'));
    expect(bells.length).toBeGreaterThan(0);

    // A rejection of a selected nomination frees its seat too; nobody waits, so it stays free.
    expect((await decide(k1, 'reject', 'Did not report')).statusCode).toBe(200);
    const board = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/SMALL/selection-board')
    ).json<SelectionBoard>();
    expect(board).toMatchObject({ seatsTaken: 1, pool: { seats: 1, taken: 0 } });
  });

  it('returns unused quota to the pool on the release day and promotes who now fits', async () => {
    const today = kuwaitToday();
    await openSession(t.db.db, 'RELEASE', 'CT-BASIC', {
      capacity: 3,
      quotas: [
        { nationCode: 'KWT', seats: 2 },
        { nationCode: 'QAT', seats: 1 },
      ],
      quotaReleaseOn: addDays(today, 1),
    });
    const [q1, q2] = await submitted(npocQat, 'RELEASE', 'QAT', 2);
    if (!q1 || !q2) throw new Error('fixtures');
    expect((await decide(q1, 'select')).statusCode).toBe(200);
    expectProblem(await decide(q2, 'select'), 409, 'no_seat');
    expect((await decide(q2, 'waitlist')).statusCode).toBe(200);

    expect(await releaseDueQuotas(t.db.db)).toEqual([]);
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const released = await releaseDueQuotas(t.db.db, tomorrow);
    expect(released).toEqual([{ sessionCode: 'RELEASE', released: 2, promoted: 1 }]);
    expect(await releaseDueQuotas(t.db.db, tomorrow)).toEqual([]);

    const board = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/RELEASE/selection-board')
    ).json<SelectionBoard>();
    expect(board.quotasReleased).toBe(true);
    expect(board.quotas.find((q) => q.nationCode === 'KWT')).toMatchObject({ seats: 0, taken: 0 });
    expect(board.pool).toEqual({ seats: 2, taken: 1 });
    expect(board.nominations.find((n) => n.id === q2)?.status).toBe('selected');
  });
});
