import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { SessionResults } from '../../../contract/results.js';
import { addDays } from '../../../domain/venue-calendar.js';
import { auditLog, nominations, participantResults } from '../../db/schema/index.js';
import { kuwaitToday, makePerson } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import {
  DAYS,
  deliveredSession,
  markDays,
  seatedNomination,
  setEvaluationLevels,
} from './test-fixtures.js';

describe('session results', () => {
  let t: TestApp;
  let director: Browser;
  let otherDirector: Browser;
  let instructor: Browser;
  let registrar: Browser;
  let npoc: Browser;
  /** Nominations of L2-A (level 2): full, 80%, 60%, none, withdrawn. */
  let n: { full: string; eighty: string; sixty: string; none: string; gone: string };
  let l1Nomination: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-L2');
    await setEvaluationLevels(db, 'CT-L2', [1, 2]);
    await makeActivity(db, 'CT-L1');
    const directorUser = await makeUser(db, ['course_director']);
    const instructorUser = await makeUser(db, ['instructor']);
    director = await signIn(t.app, directorUser.email, directorUser.password);
    instructor = await signIn(t.app, instructorUser.email, instructorUser.password);
    otherDirector = await signInAs(t, ['course_director']);
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');

    const l2 = await deliveredSession(db, 'L2-A', 'CT-L2', {
      directorId: directorUser.id,
      instructorIds: [instructorUser.id],
    });
    const seat = async (nation: string, status?: 'selected' | 'withdrawn') =>
      seatedNomination(db, l2, await makePerson(db, nation), nation, status);
    n = {
      full: await seat('KWT'),
      eighty: await seat('KWT'),
      sixty: await seat('QAT'),
      none: await seat('QAT'),
      gone: await seat('KWT', 'withdrawn'),
    };
    // Four working days (the 10th is a holiday); a mark on the holiday does not count.
    await markDays(db, n.full, ['present', 'present', 'present', 'present']);
    await markDays(
      db,
      n.eighty,
      ['present', 'present', 'excused', 'present', 'absent'],
      [...DAYS, '2027-03-10'],
    );
    await markDays(db, n.sixty, ['present', 'absent', 'present', 'absent']);
    await markDays(db, n.gone, ['present', null, null, null]);

    const l1 = await deliveredSession(db, 'L1-A', 'CT-L1', { directorId: directorUser.id });
    l1Nomination = await seatedNomination(db, l1, await makePerson(db, 'KWT'), 'KWT');
    await deliveredSession(db, 'EARLY-A', 'CT-L1', {
      directorId: directorUser.id,
      status: 'confirmed',
    });
  });
  afterAll(() => t.close());

  const url = (code: string, rest = '') => `/api/v1/sessions/${code}/results${rest}`;
  const get = (who: Browser | null, code = 'L2-A') => call(t.app, who, 'GET', url(code));
  const confirm = (who: Browser | null, results: object[], code = 'L2-A') =>
    call(t.app, who, 'PUT', url(code), { results });
  const byId = (body: SessionResults) => new Map(body.participants.map((p) => [p.nominationId, p]));

  it('lists participants with attendance, the proposal and its reason', async () => {
    const response = await get(director);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SessionResults>();
    expect(body).toMatchObject({
      sessionCode: 'L2-A',
      completionPercent: 80,
      usesLevel2: true,
      closed: false,
      delivered: true,
      unconfirmed: 5,
      workingDays: [...DAYS],
    });
    const rows = byId(body);
    expect(rows.get(n.full)).toMatchObject({
      attendance: { days: 4, present: 4, absent: 0, excused: 0, unmarked: 0 },
      proposed: { status: 'completed', reason: 'rule-met', countedDays: 4, percent: 100 },
      status: null,
    });
    // 3 present of 3 counted (one excused): completes.
    expect(rows.get(n.eighty)?.proposed).toMatchObject({ status: 'completed', percent: 100 });
    expect(rows.get(n.eighty)?.attendance).toMatchObject({ present: 3, excused: 1, absent: 0 });
    expect(rows.get(n.sixty)?.proposed).toEqual({
      status: 'partially-attended',
      reason: 'rule-not-met',
      countedDays: 4,
      percent: 50,
    });
    expect(rows.get(n.none)?.proposed).toMatchObject({
      status: 'no-show',
      reason: 'no-day-present',
    });
    expect(rows.get(n.none)?.attendance.unmarked).toBe(4);
    expect(rows.get(n.gone)?.proposed).toMatchObject({ status: 'withdrawn', reason: 'withdrawn' });
    expect(rows.get(n.gone)?.nominationStatus).toBe('withdrawn');
  });

  it('proposes nothing for the days a running session has not held yet', async () => {
    // Running now at the venue: started three days ago, ends in a week.
    const today = kuwaitToday();
    const sessionId = await deliveredSession(t.db.db, 'NOW-A', 'CT-L1', {
      dates: { startDate: addDays(today, -3), endDate: addDays(today, 7) },
    });
    const seat = async () =>
      seatedNomination(t.db.db, sessionId, await makePerson(t.db.db, 'KWT'), 'KWT');
    const [always, never, absent] = [await seat(), await seat(), await seat()];

    const first = (await get(registrar, 'NOW-A')).json<SessionResults>();
    const held = first.heldDays;
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((day) => day <= today)).toBe(true);
    expect(first.workingDays.filter((day) => day <= today)).toEqual(held);
    expect(first.workingDays.length).toBeGreaterThan(held.length);
    await markDays(
      t.db.db,
      always,
      held.map(() => 'present'),
      held,
    );
    await markDays(
      t.db.db,
      absent,
      held.map(() => 'absent'),
      held,
    );

    const response = await get(registrar, 'NOW-A');
    expect(response.statusCode, response.body).toBe(200);
    const rows = byId(response.json<SessionResults>());
    // Only the days held count: present on each of them is the rule met so far.
    expect(rows.get(always)).toMatchObject({
      attendance: { days: held.length, present: held.length, unmarked: 0 },
      proposed: { status: 'completed', countedDays: held.length, percent: 100 },
    });
    // Nobody is a no-show before the last day, marked absent or not marked at all.
    expect(rows.get(never)).toMatchObject({
      attendance: { days: held.length, unmarked: held.length },
      proposed: null,
    });
    expect(rows.get(absent)?.proposed).toBeNull();
  });

  it('refuses the anonymous, other roles and other directors; unknown sessions are not found', async () => {
    expectProblem(await get(null), 401, 'unauthenticated');
    expectProblem(await get(npoc), 403, 'forbidden');
    expectProblem(await get(instructor), 403, 'forbidden');
    expectProblem(await get(otherDirector), 403, 'forbidden');
    expectProblem(await get(registrar, 'NOPE-1'), 404, 'not_found');
    expectProblem(await get(director, 'bad code'), 400, 'validation_failed');
    expect((await get(registrar)).statusCode).toBe(200);
  });

  it('changes the completion rule within 50-100%', async () => {
    const rule = (who: Browser | null, body: object) =>
      call(t.app, who, 'PUT', url('L2-A', '/rule'), body);
    expectProblem(await rule(director, { completionPercent: 49 }), 400, 'validation_failed');
    expectProblem(await rule(director, { completionPercent: 101 }), 400, 'validation_failed');
    expectProblem(await rule(director, { completionPercent: 80.5 }), 400, 'validation_failed');
    expectProblem(
      await rule(director, { completionPercent: 60, extra: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(await rule(null, { completionPercent: 50 }), 401, 'unauthenticated');
    expectProblem(await rule(instructor, { completionPercent: 50 }), 403, 'forbidden');
    expectProblem(await rule(otherDirector, { completionPercent: 50 }), 403, 'forbidden');

    const lowered = await rule(director, { completionPercent: 50 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    const body = lowered.json<SessionResults>();
    expect(body.completionPercent).toBe(50);
    expect(byId(body).get(n.sixty)?.proposed?.status).toBe('completed');
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'results.rule-changed'));
    expect(audit.at(-1)?.after).toEqual({ completionPercent: 50 });

    const back = await rule(director, { completionPercent: 80 });
    expect(byId(back.json<SessionResults>()).get(n.sixty)?.proposed?.status).toBe(
      'partially-attended',
    );
  });

  it('rejects bad entries as a whole and writes nothing', async () => {
    const cases: [object[], string][] = [
      [
        [{ nominationId: n.full, status: 'completed', postTestScore: 101 }],
        'results.0.postTestScore',
      ],
      [[{ nominationId: n.full, status: 'completed', preTestScore: -1 }], 'results.0.preTestScore'],
      [[{ nominationId: n.full, status: 'passed' }], 'results.0.status'],
      [
        [
          { nominationId: n.full, status: 'completed' },
          { nominationId: l1Nomination, status: 'completed' },
        ],
        'results.1.nominationId',
      ],
      [
        [
          { nominationId: n.full, status: 'completed' },
          { nominationId: n.full, status: 'failed' },
        ],
        'results.1.nominationId',
      ],
    ];
    for (const [results, field] of cases) {
      const problem = expectProblem(await confirm(director, results), 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    expectProblem(await confirm(director, []), 400, 'validation_failed');
    const stored = await t.db.db
      .select()
      .from(participantResults)
      .where(eq(participantResults.nominationId, n.full));
    expect(stored).toEqual([]);
  });

  it('refuses scores on an activity without level 2', async () => {
    const problem = expectProblem(
      await confirm(
        director,
        [{ nominationId: l1Nomination, status: 'completed', preTestScore: 50 }],
        'L1-A',
      ),
      400,
      'validation_failed',
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'results.0.preTestScore', code: 'level2_not_used' }),
    ]);
    const ok = await confirm(
      director,
      [{ nominationId: l1Nomination, status: 'completed', preTestScore: null }],
      'L1-A',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<SessionResults>().participants[0]).toMatchObject({
      status: 'completed',
      preTestScore: null,
    });
  });

  it('refuses results before the session is under way', async () => {
    const early = await get(director, 'EARLY-A');
    expect(early.json<SessionResults>().delivered).toBe(false);
    expectProblem(
      await confirm(director, [{ nominationId: n.full, status: 'completed' }], 'EARLY-A'),
      409,
      'session_not_delivered',
    );
    expectProblem(
      await call(t.app, director, 'POST', url('EARLY-A', '/close')),
      409,
      'session_not_delivered',
    );
  });

  it('refuses confirmations from the anonymous and from other roles', async () => {
    const body = [{ nominationId: n.full, status: 'completed' }];
    expectProblem(await confirm(null, body), 401, 'unauthenticated');
    expectProblem(await confirm(npoc, body), 403, 'forbidden');
    expectProblem(await confirm(instructor, body), 403, 'forbidden');
    expectProblem(await confirm(otherDirector, body), 403, 'forbidden');
  });

  it('confirms statuses and scores, copies them to the nomination and audits each', async () => {
    const response = await confirm(director, [
      { nominationId: n.full, status: 'completed', preTestScore: 55.5, postTestScore: 90 },
      { nominationId: n.eighty, status: 'completed' },
      { nominationId: n.sixty, status: 'failed', postTestScore: 40 },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SessionResults>();
    expect(body.unconfirmed).toBe(2);
    const rows = byId(body);
    expect(rows.get(n.full)).toMatchObject({
      status: 'completed',
      preTestScore: 55.5,
      postTestScore: 90,
      confirmedByName: expect.stringContaining('course_director'),
    });
    expect(rows.get(n.full)?.confirmedAt).toEqual(expect.any(String));
    expect(rows.get(n.sixty)).toMatchObject({
      status: 'failed',
      proposed: { status: 'partially-attended' },
    });

    const stored = await t.db.db
      .select({ id: nominations.id, result: nominations.result })
      .from(nominations)
      .where(inArray(nominations.id, [n.full, n.eighty, n.sixty, n.none]));
    expect(new Map(stored.map((r) => [r.id, r.result]))).toEqual(
      new Map([
        [n.full, 'completed'],
        [n.eighty, 'completed'],
        [n.sixty, 'failed'],
        [n.none, null],
      ]),
    );
    const [row] = await t.db.db
      .select()
      .from(participantResults)
      .where(eq(participantResults.nominationId, n.sixty));
    expect(row).toMatchObject({ proposedStatus: 'partially-attended', status: 'failed' });
    expect(row?.confirmedBy).toBe(director.userId);

    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'result.confirmed'), eq(auditLog.entityId, n.full)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(director.userId);
    expect(audit[0]?.after).toMatchObject({ status: 'completed', preTestScore: '55.5' });

    // Omitted scores stay; the same answer again changes and audits nothing.
    const again = await confirm(director, [{ nominationId: n.full, status: 'completed' }]);
    expect(byId(again.json<SessionResults>()).get(n.full)?.postTestScore).toBe(90);
    const after = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'result.confirmed'), eq(auditLog.entityId, n.full)));
    expect(after).toHaveLength(1);
  });

  it('will not close while someone is unconfirmed, and names them', async () => {
    const problem = expectProblem(
      await call(t.app, director, 'POST', url('L2-A', '/close')),
      409,
      'results_unconfirmed',
    );
    const unconfirmed = (problem as unknown as { unconfirmed: { nominationId: string }[] })
      .unconfirmed;
    expect(unconfirmed.map((u) => u.nominationId).sort()).toEqual([n.none, n.gone].sort());
  });

  it('closes, then refuses every change until a registrar reopens with a reason', async () => {
    await confirm(director, [
      { nominationId: n.none, status: 'no-show' },
      { nominationId: n.gone, status: 'withdrawn' },
    ]);
    expectProblem(await call(t.app, null, 'POST', url('L2-A', '/close')), 401, 'unauthenticated');
    expectProblem(await call(t.app, instructor, 'POST', url('L2-A', '/close')), 403, 'forbidden');
    expectProblem(
      await call(t.app, otherDirector, 'POST', url('L2-A', '/close')),
      403,
      'forbidden',
    );
    const closed = await call(t.app, director, 'POST', url('L2-A', '/close'));
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<SessionResults>()).toMatchObject({
      closed: true,
      unconfirmed: 0,
      closedByName: expect.stringContaining('course_director'),
    });

    expectProblem(
      await confirm(director, [{ nominationId: n.sixty, status: 'completed' }]),
      409,
      'results_closed',
    );
    expectProblem(
      await call(t.app, registrar, 'PUT', url('L2-A', '/rule'), { completionPercent: 60 }),
      409,
      'results_closed',
    );
    expectProblem(
      await call(t.app, director, 'POST', url('L2-A', '/close')),
      409,
      'results_closed',
    );

    const reopen = (who: Browser | null, body: object) =>
      call(t.app, who, 'POST', url('L2-A', '/reopen'), body);
    expectProblem(await reopen(null, { reason: 'x' }), 401, 'unauthenticated');
    expectProblem(await reopen(director, { reason: 'Typo in a status' }), 403, 'forbidden');
    expectProblem(await reopen(registrar, { reason: '   ' }), 400, 'validation_failed');
    expectProblem(await reopen(registrar, {}), 400, 'validation_failed');

    const reopened = await reopen(registrar, { reason: 'The post-test of one was mis-scored' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<SessionResults>().closed).toBe(false);
    const [audit] = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'results.reopened'));
    expect(audit?.actorId).toBe(registrar.userId);
    expect(audit?.after).toEqual({
      closed: false,
      reason: 'The post-test of one was mis-scored',
    });
    expectProblem(await reopen(registrar, { reason: 'Again' }), 409, 'results_not_closed');

    const changed = await confirm(director, [
      { nominationId: n.sixty, status: 'partially-attended', postTestScore: 45 },
    ]);
    expect(changed.statusCode, changed.body).toBe(200);
    const [nomination] = await t.db.db
      .select({ result: nominations.result })
      .from(nominations)
      .where(eq(nominations.id, n.sixty));
    expect(nomination?.result).toBe('partially-attended');
    const closes = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'results.closed'));
    expect(closes).toHaveLength(1);
  });
});
