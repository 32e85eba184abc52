import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type {
  Plan,
  PlanAccepted,
  PlanComparison,
  PlanDemand,
  PlanSession,
} from '../../../contract/plans.js';
import { islamicHolidays } from '../../../domain/hijri-holidays.js';
import { weekOf } from '../../../domain/plan-calendar.js';
import {
  auditLog,
  plannedActivities,
  programmeGoals,
  programmeObjectives,
  programmes,
  sessionInstructors,
  trainingSessions,
} from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { KUWAIT, makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { runPlan } from './run.js';

const YEAR = 2027;

describe('annual plan', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let director: string;
  let instructor: string;

  /** An agreed programme of a nation planning seats on activities in the year. */
  async function agreedProgramme(
    nation: string,
    lines: { activityId: string; seats: number; priority: number }[],
  ) {
    const db = t.db.db;
    const [p] = await db
      .insert(programmes)
      .values({
        nationCode: nation,
        title: { en: `${nation} programme` },
        startYear: 2026,
        endYear: 2029,
        status: 'agreed',
      })
      .returning();
    const [o] = await db
      .insert(programmeObjectives)
      .values({ programmeId: p?.id ?? '', position: 1, title: { en: 'O' } })
      .returning();
    const [g] = await db
      .insert(programmeGoals)
      .values({ objectiveId: o?.id ?? '', position: 1, title: { en: 'G' } })
      .returning();
    for (const l of lines) {
      await db.insert(plannedActivities).values({
        goalId: g?.id ?? '',
        activityId: l.activityId,
        years: [YEAR],
        seatsPlanned: l.seats,
        priority: l.priority,
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    const taught = await makeActivity(t.db.db, 'CT-PLAN');
    const untaught = await makeActivity(t.db.db, 'CT-NOSTAFF');
    director = (await makeUser(t.db.db, ['course_director'])).id;
    instructor = (await makeUser(t.db.db, ['instructor'])).id;
    // Last year's run tells who may lead and teach the course.
    const [past] = await t.db.db
      .insert(trainingSessions)
      .values({
        code: 'CT-PLAN-PAST',
        activityId: taught,
        startDate: '2026-05-03',
        endDate: '2026-05-07',
        venueCode: KUWAIT.code,
        capacity: 24,
        nominationOpens: '2026-02-01',
        nominationCloses: '2026-04-01',
        nominationDeadline: new Date('2026-04-01T20:59:59Z'),
        status: 'completed',
        directorId: director,
      })
      .returning();
    await t.db.db
      .insert(sessionInstructors)
      .values({ sessionId: past?.id ?? '', userId: instructor });
    await agreedProgramme('KWT', [
      { activityId: taught, seats: 30, priority: 1 },
      { activityId: untaught, seats: 8, priority: 2 },
    ]);
    await agreedProgramme('QAT', [{ activityId: taught, seats: 10, priority: 2 }]);
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(async () => t?.close());

  it('tabulates the seats asked per activity and nation, with totals', async () => {
    const res = await call(t.app, registrar, 'GET', `/api/v1/plans/${YEAR}/demand`);
    expect(res.statusCode, res.body).toBe(200);
    const demand = res.json<PlanDemand>();
    expect(demand.totalSeats).toBe(48);
    expect(demand.cells.map((c) => [c.activityCode, c.nationCode, c.seats, c.priority])).toEqual([
      ['CT-NOSTAFF', 'KWT', 8, 2],
      ['CT-PLAN', 'KWT', 30, 1],
      ['CT-PLAN', 'QAT', 10, 2],
    ]);
    expect(demand.nations).toEqual([
      { code: 'KWT', seats: 38 },
      { code: 'QAT', seats: 10 },
    ]);
  });

  it('refuses a year out of range and anyone without plans.manage', async () => {
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/plans/1999/demand'),
      400,
      'validation_failed',
    );
    expectProblem(await call(t.app, npoc, 'GET', `/api/v1/plans/${YEAR}/demand`), 403, 'forbidden');
    expectProblem(
      await call(t.app, npoc, 'POST', `/api/v1/plans/${YEAR}/versions`, {}),
      403,
      'forbidden',
    );
  });

  let first: Plan;
  it('plans runs that meet the seats, clear of Ramadan and the Eids, and explains the rest', async () => {
    const res = await call(t.app, registrar, 'POST', `/api/v1/plans/${YEAR}/versions`, {
      timeLimitSeconds: 30,
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<Plan>();
    expect(first.version).toBe(1);
    expect(first.status).toBe('proposed');
    const runs = first.sessions.filter((s) => s.activityCode === 'CT-PLAN');
    expect(runs).toHaveLength(2);
    expect(first.seatsMet).toBe(40);
    expect(first.score).toBeCloseTo(first.bound, 5);
    const seats = (n: string) => runs.reduce((s, r) => s + (r.quotas[n] ?? 0), 0);
    expect([seats('KWT'), seats('QAT')]).toEqual([30, 10]);
    for (const r of runs) {
      expect(r.capacity).toBe(24);
      expect(r.directorId).not.toBeNull();
      expect(r.serves.reduce((s, x) => s + x.seats, 0)).toBe(
        Object.values(r.quotas).reduce((s, x) => s + x, 0),
      );
    }
    // No two runs share a person in the same week, and none touches Ramadan or an Eid.
    expect(runs[0]?.week).not.toBe(runs[1]?.week);
    const closed = islamicHolidays(YEAR);
    for (const r of runs) {
      for (const p of closed) expect(r.endDate < p.from || r.startDate > p.to).toBe(true);
      expect(r.startDate <= '2027-03-10' && r.endDate >= '2027-03-10').toBe(false);
    }
    expect(first.unmet).toEqual([
      expect.objectContaining({
        activityCode: 'CT-NOSTAFF',
        nationCode: 'KWT',
        seats: 8,
        reason: 'no-staff',
      }),
    ]);
  });

  it('plans a year without an agreed programme as an empty plan', async () => {
    const res = await call(t.app, registrar, 'POST', '/api/v1/plans/2031/versions', {
      timeLimitSeconds: 5,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Plan>()).toMatchObject({ sessions: [], unmet: [], seatsDemanded: 0 });
  });

  it('lets the registrar add, move and remove runs, checked as the planner would, then announce them', async () => {
    const base = `/api/v1/plans/2031/versions/1/sessions`;
    const venueCode = first.sessions[0]?.venueCode ?? '';
    const added = await call(t.app, registrar, 'POST', base, {
      activityCode: 'CT-PLAN',
      week: 30,
      venueCode,
    });
    expect(added.statusCode, added.body).toBe(201);
    const run = added.json<PlanSession>();
    expect(run).toMatchObject({ locked: true, week: 30, quotas: {} });
    const ramadan = islamicHolidays(2031).find((p) => p.kind === 'ramadan');
    const inRamadan = weekOf(2031, ramadan?.from ?? '') + 1;
    expectProblem(
      await call(t.app, registrar, 'POST', `${base}/${run.id}/move`, { week: inRamadan }),
      409,
      'plan_week_unavailable',
    );
    const moved = await call(t.app, registrar, 'POST', `${base}/${run.id}/move`, { week: 40 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<PlanSession>().startDate > run.startDate).toBe(true);
    const again = await call(t.app, registrar, 'POST', base, {
      activityCode: 'CT-PLAN',
      week: 20,
      venueCode,
    });
    const removed = await call(
      t.app,
      registrar,
      'DELETE',
      `${base}/${again.json<PlanSession>().id}`,
    );
    expect(removed.json<Plan>().sessions.map((s) => s.id)).toEqual([run.id]);
    const accepted = await call(t.app, registrar, 'POST', '/api/v1/plans/2031/versions/1/accept', {
      announce: true,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const code = accepted.json<PlanAccepted>().sessions[0]?.code ?? '';
    const [row] = await t.db.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.code, code));
    expect(row?.status).toBe('announced');
    expectProblem(
      await call(t.app, registrar, 'DELETE', `${base}/${run.id}`),
      409,
      'plan_already_accepted',
    );
  });

  let second: Plan;
  it('keeps a locked session where it is when the year is planned again, and compares versions', async () => {
    const locked = first.sessions.find((s) => s.activityCode === 'CT-PLAN');
    if (!locked) throw new Error('no run');
    const lock = await call(
      t.app,
      registrar,
      'PATCH',
      `/api/v1/plans/${YEAR}/versions/1/sessions/${locked.id}`,
      { locked: true },
    );
    expect(lock.statusCode, lock.body).toBe(200);
    const res = await call(t.app, registrar, 'POST', `/api/v1/plans/${YEAR}/versions`, {
      basedOn: 1,
      timeLimitSeconds: 30,
      minGapWeeks: 8,
    });
    expect(res.statusCode, res.body).toBe(201);
    second = res.json<Plan>();
    expect(second.basedOn).toBe(1);
    const kept = second.sessions.find((s) => s.locked);
    expect(kept).toMatchObject({ startDate: locked.startDate, venueCode: locked.venueCode });
    const other = second.sessions.find((s) => s.activityCode === 'CT-PLAN' && !s.locked);
    expect(Math.abs((other?.week ?? 0) - (kept?.week ?? 0))).toBeGreaterThanOrEqual(8);

    const cmp = await call(t.app, registrar, 'GET', `/api/v1/plans/${YEAR}/compare?from=1&to=2`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const c = cmp.json<PlanComparison>();
    expect(c.nations.map((n) => n.nationCode)).toEqual(['KWT', 'QAT']);
    for (const n of c.nations) expect(n.change).toBe(n.to - n.from);
    expectProblem(
      await call(t.app, registrar, 'GET', `/api/v1/plans/${YEAR}/compare?from=1&to=9`),
      404,
      'not_found',
    );
  });

  it('accepts a version into draft sessions with their quotas, seen by an NPOC only once announced', async () => {
    const before = await call(t.app, npoc, 'GET', '/api/v1/sessions');
    expect(before.body).not.toContain('P2-');
    const res = await call(t.app, registrar, 'POST', `/api/v1/plans/${YEAR}/versions/2/accept`);
    expect(res.statusCode, res.body).toBe(200);
    const { sessions } = res.json<{ sessions: { code: string }[] }>();
    expect(sessions.length).toBe(second.sessions.length);
    const rows = await t.db.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.code, sessions[0]?.code ?? ''));
    expect(rows[0]?.status).toBe('draft');
    const [audit] = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'plan.accepted'));
    expect(audit).toBeDefined();
    // A draft is the centre's: the NPOC does not see it.
    const drafts = await call(t.app, npoc, 'GET', '/api/v1/sessions');
    expect(drafts.body).not.toContain(sessions[0]?.code);
    const announce = await call(
      t.app,
      registrar,
      'POST',
      `/api/v1/sessions/${sessions[0]?.code}/transitions`,
      { to: 'announced' },
    );
    expect(announce.statusCode, announce.body).toBe(200);
    const after = await call(t.app, npoc, 'GET', '/api/v1/sessions');
    expect(after.body).toContain(sessions[0]?.code);
    expectProblem(
      await call(t.app, registrar, 'POST', `/api/v1/plans/${YEAR}/versions/1/accept`),
      409,
      'plan_already_accepted',
    );
    const listed = await call(t.app, registrar, 'GET', `/api/v1/plans/${YEAR}/versions`);
    expect(
      listed.json<{ items: { version: number; status: string }[] }>().items.map((p) => p.status),
    ).toEqual(['accepted', 'superseded']);
  });

  it('solves between two transactions, and refuses to save when the inputs changed meanwhile', async () => {
    const db = t.db.db;
    const opened: string[] = [];
    let change = false;
    const inTransaction = async <T>(
      work: (ctx: ReturnType<typeof systemContext>) => Promise<T>,
    ) => {
      // The first transaction is over before the next opens: the solver held none.
      expect(opened.at(-1)).not.toBe('open');
      if (change && opened.length === 2) {
        // A registrar adds a seat while the solver works.
        await db.update(plannedActivities).set({ seatsPlanned: sql`seats_planned + 1` });
      }
      opened.push('open');
      const result = await db.transaction((tx) => work(systemContext(tx, 'test')));
      opened.push('closed');
      return result;
    };
    const versions = async () =>
      (await call(t.app, registrar, 'GET', `/api/v1/plans/${YEAR}/versions`)).json<{
        items: unknown[];
      }>().items.length;
    const before = await versions();
    const saved = await runPlan(inTransaction, YEAR, { timeLimitSeconds: 5 });
    expect(opened).toEqual(['open', 'closed', 'open', 'closed']);
    expect(saved.version).toBe(before + 1);

    opened.length = 0;
    change = true;
    const refused = await runPlan(inTransaction, YEAR, { timeLimitSeconds: 5 }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 409, code: 'plan_inputs_changed' });
    expect(await versions()).toBe(before + 1);
    await db.update(plannedActivities).set({ seatsPlanned: sql`seats_planned - 1` });
  });
});
