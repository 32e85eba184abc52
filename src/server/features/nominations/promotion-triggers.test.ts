import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import type { SelectionBoard } from '../../../contract/nominations.js';
import type { Session } from '../../../contract/sessions.js';
import { addDays } from '../../../domain/venue-calendar.js';
import {
  auditLog,
  nominationEvents,
  nominations,
  notifications,
  trainingSessions,
} from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { releaseDueQuotas } from './quota-release.js';
import { kuwaitToday, openSession, runQueuedJobs, submitNominations } from './test-fixtures.js';

describe('the waitlist is promoted whenever a seat can be given', () => {
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

  async function expectOk(answer: Promise<{ statusCode: number; body: string }>) {
    const response = await answer;
    expect(response.statusCode, response.body).toBe(200);
  }

  const editSession = (code: string, body: Record<string, unknown>) =>
    call(t.app, registrar, 'PATCH', `/api/v1/sessions/${code}`, body);

  /**
   * A full session (`selected` seats, all from the pool) with a waitlist behind it, in the order
   * given: the state every trigger starts from.
   */
  async function fullWithWaitlist(code: string, selected: number, waiting: number) {
    const sessionId = await openSession(t.db.db, code, 'CT-BASIC', {
      capacity: selected,
      quotas: [],
    });
    const seated = await submitted(npocQat, code, 'QAT', selected);
    for (const id of seated) await expectOk(decide(id, 'select'));
    const waitlisted = await submitted(npocQat, code, 'QAT', waiting);
    for (const id of waitlisted) await expectOk(decide(id, 'waitlist'));
    return { sessionId, seated, waitlisted };
  }

  /** Seats freed behind the application's back, as old data or a past bug left them. */
  async function freeSeatsBehindTheScenes(sessionId: string, capacity: number) {
    await t.db.db
      .update(trainingSessions)
      .set({ capacity })
      .where(eq(trainingSessions.id, sessionId));
  }

  async function statusOf(ids: readonly string[]) {
    const rows = await t.db.db
      .select({ id: nominations.id, status: nominations.status })
      .from(nominations)
      .where(inArray(nominations.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r.status]));
    return ids.map((id) => byId.get(id));
  }

  async function seatsOf(sessionId: string) {
    const [row] = await t.db.db
      .select({ capacity: trainingSessions.capacity, taken: trainingSessions.seatsTaken })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId));
    const selected = await t.db.db
      .select({ id: nominations.id })
      .from(nominations)
      .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'selected')));
    return { ...row, selected: selected.length };
  }

  it('promotes as far as seats allow and no further, quotas owed first', async () => {
    const { sessionId, waitlisted } = await fullWithWaitlist('RAISE', 2, 4);
    const [kwt] = await submitted(npocKwt, 'RAISE', 'KWT', 1);
    if (!kwt) throw new Error('fixtures');
    await expectOk(decide(kwt, 'waitlist'));
    // Three seats more: one in a new KWT quota, two in the pool; five people wait.
    const edited = await editSession('RAISE', {
      capacity: 5,
      quotas: [{ nationCode: 'KWT', seats: 1 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Session>().seats.taken).toBe(5);

    expect(await statusOf([kwt, ...waitlisted])).toEqual([
      'selected',
      'selected',
      'selected',
      'waitlisted',
      'waitlisted',
    ]);
    const seatSources = await t.db.db
      .select({ id: nominations.id, source: nominations.seatSource })
      .from(nominations)
      .where(eq(nominations.id, kwt));
    expect(seatSources[0]?.source).toBe('quota');
    expect(await seatsOf(sessionId)).toEqual({ capacity: 5, taken: 5, selected: 5 });

    // Each promotion is told and recorded as a promotion is.
    const promotedIds = [kwt, waitlisted[0] ?? '', waitlisted[1] ?? ''];
    const events = await t.db.db
      .select({ reason: nominationEvents.reason })
      .from(nominationEvents)
      .where(
        and(
          inArray(nominationEvents.nominationId, promotedIds),
          eq(nominationEvents.action, 'promote'),
        ),
      );
    expect(events.map((e) => e.reason)).toEqual(Array(3).fill('capacity raised to 5'));
    const audits = await t.db.db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'nomination.promoted'), inArray(auditLog.entityId, promotedIds)),
      );
    expect(audits).toHaveLength(3);
    await runQueuedJobs(t);
    const bells = await t.db.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.kind, 'nomination-promoted'));
    expect(bells.length).toBeGreaterThanOrEqual(3);
  });

  it('promotes after a withdrawal and a rejection even when neither frees a seat', async () => {
    const { sessionId, waitlisted } = await fullWithWaitlist('FREED', 2, 5);
    const [w1, w2, w3, w4, w5] = waitlisted;
    if (!w1 || !w2 || !w3 || !w4 || !w5) throw new Error('fixtures');
    await freeSeatsBehindTheScenes(sessionId, 4);

    const withdrawn = await call(t.app, npocQat, 'POST', `/api/v1/nominations/${w5}/transitions`, {
      action: 'withdraw',
      reason: 'Operational duty',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await statusOf([w1, w2, w3, w4])).toEqual([
      'selected',
      'selected',
      'waitlisted',
      'waitlisted',
    ]);

    await freeSeatsBehindTheScenes(sessionId, 5);
    await expectOk(decide(w4, 'reject', 'Not this time'));
    expect(await statusOf([w3, w4])).toEqual(['selected', 'rejected']);
    expect(await seatsOf(sessionId)).toEqual({ capacity: 5, taken: 5, selected: 5 });
  });

  it('keeps a deliberate waitlisting while seats are free, and promotes the others', async () => {
    const sessionId = await openSession(t.db.db, 'HOLD', 'CT-BASIC', { capacity: 5, quotas: [] });
    const [a, b, c, d] = await submitted(npocQat, 'HOLD', 'QAT', 4);
    if (!a || !b || !c || !d) throw new Error('fixtures');
    await expectOk(decide(a, 'waitlist'));
    expect(await statusOf([a])).toEqual(['waitlisted']);

    // Waitlisting b gives a, who was waiting before, one of the free seats; b is kept waiting.
    await expectOk(decide(b, 'waitlist'));
    expect(await statusOf([a, b])).toEqual(['selected', 'waitlisted']);

    // A bulk waitlisting is deliberate for every row of it.
    const bulk = await call(t.app, registrar, 'POST', '/api/v1/sessions/HOLD/nominations/bulk', {
      action: 'waitlist',
      nominationIds: [c, d],
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(await statusOf([b, c, d])).toEqual(['selected', 'waitlisted', 'waitlisted']);
    expect(await seatsOf(sessionId)).toMatchObject({ taken: 2, selected: 2 });
  });

  it('promotes nobody while paused, and as far as seats allow when resumed', async () => {
    const { sessionId, waitlisted } = await fullWithWaitlist('PAUSE', 2, 4);
    const paused = await editSession('PAUSE', { promotionPaused: true });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json<Session>().promotionPaused).toBe(true);
    const [audit] = await t.db.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.updated'), eq(auditLog.entityId, sessionId)));
    expect(audit).toMatchObject({
      before: { promotionPaused: false },
      after: { promotionPaused: true },
    });

    await expectOk(editSession('PAUSE', { capacity: 5 }));
    const [first] = waitlisted;
    if (!first) throw new Error('fixtures');
    await expectOk(decide(first, 'reject', 'Not this time'));
    expect(await seatsOf(sessionId)).toEqual({ capacity: 5, taken: 2, selected: 2 });
    const board = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/PAUSE/selection-board')
    ).json<SelectionBoard>();
    expect(board.promotionPaused).toBe(true);

    const resumed = await editSession('PAUSE', { promotionPaused: false });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json<Session>()).toMatchObject({ promotionPaused: false, seats: { taken: 5 } });
    expect(await statusOf(waitlisted)).toEqual(['rejected', 'selected', 'selected', 'selected']);
  });

  it('promotes after the quota release unless paused', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const opened = async (code: string) => {
      await openSession(t.db.db, code, 'CT-BASIC', {
        capacity: 3,
        quotas: [{ nationCode: 'KWT', seats: 3 }],
        quotaReleaseOn: addDays(kuwaitToday(), 1),
      });
      const ids = await submitted(npocQat, code, 'QAT', 2);
      for (const id of ids) await expectOk(decide(id, 'waitlist'));
      return ids;
    };
    const promptly = await opened('REL-ON');
    const held = await opened('REL-OFF');
    await expectOk(editSession('REL-OFF', { promotionPaused: true }));

    const released = await releaseDueQuotas(t.db.db, tomorrow);
    expect(released).toEqual([
      { sessionCode: 'REL-ON', released: 3, promoted: 2 },
      { sessionCode: 'REL-OFF', released: 3, promoted: 0 },
    ]);
    expect(await statusOf([...promptly, ...held])).toEqual([
      'selected',
      'selected',
      'waitlisted',
      'waitlisted',
    ]);
  });

  it('never overbooks when two changes promote at once', async () => {
    const { sessionId } = await fullWithWaitlist('RACE', 2, 6);
    const [raise, raiseMore] = await Promise.all([
      editSession('RACE', { capacity: 4 }),
      editSession('RACE', { capacity: 5 }),
    ]);
    // Whichever commits second either adds its seats or finds its capacity below the seats given.
    expect([raise.statusCode, raiseMore.statusCode]).toContain(200);
    for (const answer of [raise, raiseMore]) {
      expect([200, 409], answer.body).toContain(answer.statusCode);
    }
    const seats = await seatsOf(sessionId);
    expect(seats.taken).toBe(seats.capacity);
    expect(seats.selected).toBe(seats.capacity);

    // A withdrawal and a capacity edit together: every seat given once, none twice.
    const { sessionId: other, seated } = await fullWithWaitlist('RACE-2', 3, 4);
    const [leaving] = seated;
    if (!leaving) throw new Error('fixtures');
    const answers = await Promise.all([
      call(t.app, npocQat, 'POST', `/api/v1/nominations/${leaving}/transitions`, {
        action: 'withdraw',
        reason: 'Operational duty',
      }),
      editSession('RACE-2', { capacity: 5 }),
    ]);
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    expect(await seatsOf(other)).toEqual({ capacity: 5, taken: 5, selected: 5 });
  });

  it('passes over a waitlisted nomination another transaction is deciding on, without waiting', async () => {
    const { sessionId, waitlisted } = await fullWithWaitlist('BUSY', 2, 3);
    const [busy, w2, w3] = waitlisted;
    if (!busy || !w2 || !w3) throw new Error('fixtures');
    // Another transaction holds the first in line, as a decision on it does before it asks for
    // the session row the promotion holds: waiting for it would deadlock.
    const other = await t.db.pool.connect();
    try {
      await other.query('begin');
      await other.query('select id from nominations where id = $1 for update', [busy]);
      const raised = editSession('BUSY', { capacity: 4 });
      const deadline = Date.now() + 15_000;
      let statuses = await statusOf([busy, w2, w3]);
      while (statuses[2] !== 'selected' && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
        statuses = await statusOf([busy, w2, w3]);
      }
      expect(statuses).toEqual(['waitlisted', 'selected', 'selected']);
      expect((await raised).statusCode).toBe(200);
    } finally {
      await other.query('rollback');
      other.release();
    }
    expect(await seatsOf(sessionId)).toEqual({ capacity: 4, taken: 4, selected: 4 });
  });

  it('neither deadlocks nor overbooks when a registrar selects a waitlisted one during a promotion', async () => {
    for (const round of [1, 2, 3, 4]) {
      const code = `CLASH-${round}`;
      const { sessionId, waitlisted } = await fullWithWaitlist(code, 2, 3);
      const [chosen] = waitlisted;
      if (!chosen) throw new Error('fixtures');
      const [selected, raised] = await Promise.all([
        decide(chosen, 'select'),
        editSession(code, { capacity: 4 }),
      ]);
      // The selection waits for the promotion's seats, then takes one or finds none left.
      expect([200, 409], selected.body).toContain(selected.statusCode);
      expect(raised.statusCode, raised.body).toBe(200);
      expect(await seatsOf(sessionId)).toEqual({ capacity: 4, taken: 4, selected: 4 });
    }
  });
});
