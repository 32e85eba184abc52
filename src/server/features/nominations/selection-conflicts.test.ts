import { and, eq } from 'drizzle-orm';
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
import type {
  BulkDecisionResult,
  Nomination,
  SelectionBoard,
  SelectionConflict,
} from '../../../contract/nominations.js';
import { addDays } from '../../../domain/venue-calendar.js';
import { auditLog, nominations } from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { kuwaitToday, makePerson, openSession } from './test-fixtures.js';

describe('a person selected on one session is not selected on an overlapping one', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let director: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC', { title: { en: 'Counter-terrorism basics' } });
    await makeActivity(t.db.db, 'CT-ADV', { title: { en: 'Counter-terrorism advanced' } });
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'QAT');
    director = await signInAs(t, ['course_director']);
  });
  afterAll(() => t.close());

  const decide = (id: string, body: Record<string, unknown>, who = registrar) =>
    call(t.app, who, 'POST', `/api/v1/nominations/${id}/transitions`, body);

  /** The same person nominated to each session, submitted while no selection blocks it. */
  async function nominate(participantId: string, ...sessions: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const sessionCode of sessions) {
      const created = await call(t.app, npoc, 'POST', '/api/v1/nominations', {
        sessionCode,
        participantId,
        submit: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json<Nomination>().id);
    }
    return ids;
  }

  /** Two sessions of five days whose second starts two days into the first. */
  async function overlapping(a: string, b: string, capacity = 20) {
    await openSession(t.db.db, a, 'CT-BASIC', { capacity, quotas: [], startsIn: 60 });
    await openSession(t.db.db, b, 'CT-ADV', { capacity, quotas: [], startsIn: 62 });
  }

  it('refuses the second selection with 409 naming the other session', async () => {
    await overlapping('OVL-A', 'OVL-B');
    const person = await makePerson(t.db.db, 'QAT');
    const [onA, onB] = await nominate(person, 'OVL-A', 'OVL-B');
    if (!onA || !onB) throw new Error('fixtures');
    expect((await decide(onA, { action: 'select' })).statusCode).toBe(200);

    const refused = await decide(onB, { action: 'select' });
    const problem = expectProblem(refused, 409, 'selection_conflict');
    const start = addDays(kuwaitToday(), 60);
    expect(problem.detail).toContain('OVL-A');
    expect(refused.json<{ conflicts: SelectionConflict[] }>().conflicts).toEqual([
      {
        nominationId: onA,
        sessionCode: 'OVL-A',
        activityTitle: { en: 'Counter-terrorism basics' },
        startDate: start,
        endDate: addDays(start, 4),
      },
    ]);
    const [row] = await t.db.db
      .select({ status: nominations.status })
      .from(nominations)
      .where(eq(nominations.id, onB));
    expect(row?.status).toBe('submitted');
  });

  it('selects over the conflict with a written reason, kept in the timeline and the audit', async () => {
    await overlapping('OVR-A', 'OVR-B');
    const person = await makePerson(t.db.db, 'QAT');
    const [onA, onB] = await nominate(person, 'OVR-A', 'OVR-B');
    if (!onA || !onB) throw new Error('fixtures');
    expect((await decide(onA, { action: 'select' })).statusCode).toBe(200);

    const reason = 'Speaks on the opening day of OVR-B only, then returns to OVR-A.';
    const selected = await decide(onB, { action: 'select', overrideConflict: { reason } });
    expect(selected.statusCode, selected.body).toBe(200);
    const nomination = selected.json<Nomination>();
    expect(nomination.status).toBe('selected');
    expect(nomination.timeline.at(-1)).toMatchObject({
      action: 'select-over-conflict',
      toStatus: 'selected',
      reason,
    });
    const [audit] = await t.db.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'nomination.select'), eq(auditLog.entityId, onB)));
    expect(audit?.after).toMatchObject({
      status: 'selected',
      conflictOverride: { reason, sessions: ['OVR-A'] },
    });
  });

  it('refuses an empty or over-long reason, an override with another action, and a director', async () => {
    await openSession(t.db.db, 'BAD-A', 'CT-BASIC', { quotas: [], startsIn: 60 });
    // Its course director decides on it, but only a registrar overrides a conflict.
    await openSession(t.db.db, 'BAD-B', 'CT-ADV', {
      quotas: [],
      startsIn: 62,
      directorId: director.userId,
    });
    const person = await makePerson(t.db.db, 'QAT');
    const [onA, onB] = await nominate(person, 'BAD-A', 'BAD-B');
    if (!onA || !onB) throw new Error('fixtures');
    expect((await decide(onA, { action: 'select' })).statusCode).toBe(200);

    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      expectProblem(
        await decide(onB, { action: 'select', overrideConflict: { reason } }),
        400,
        'validation_failed',
      );
    }
    expectProblem(
      await decide(onB, { action: 'select', overrideConflict: {} }),
      400,
      'validation_failed',
    );
    const waitlisting = expectProblem(
      await decide(onB, { action: 'waitlist', overrideConflict: { reason: 'Because' } }),
      400,
      'validation_failed',
    );
    expect(waitlisting.errors?.[0]?.field).toBe('overrideConflict');
    expectProblem(
      await decide(onB, { action: 'select', overrideConflict: { reason: 'Because' } }, director),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, null, 'POST', `/api/v1/nominations/${onB}/transitions`, {
        action: 'select',
        overrideConflict: { reason: 'Because' },
      }),
      401,
      'unauthenticated',
    );
  });

  it('lets a person be selected on sessions that only follow each other', async () => {
    await openSession(t.db.db, 'SEQ-A', 'CT-BASIC', { quotas: [], startsIn: 60 });
    await openSession(t.db.db, 'SEQ-B', 'CT-ADV', { quotas: [], startsIn: 65 });
    const person = await makePerson(t.db.db, 'QAT');
    const [onA, onB] = await nominate(person, 'SEQ-A', 'SEQ-B');
    if (!onA || !onB) throw new Error('fixtures');
    expect((await decide(onA, { action: 'select' })).statusCode).toBe(200);
    expect((await decide(onB, { action: 'select' })).statusCode).toBe(200);
  });

  it('lets exactly one of two concurrent selections of a person on overlapping sessions through', async () => {
    await overlapping('RACE-A', 'RACE-B', 50);
    const pairs: [string, string][] = [];
    for (let i = 0; i < 12; i += 1) {
      const person = await makePerson(t.db.db, 'QAT');
      const [onA, onB] = await nominate(person, 'RACE-A', 'RACE-B');
      if (!onA || !onB) throw new Error('fixtures');
      pairs.push([onA, onB]);
    }
    const answers = await Promise.all(
      pairs.flatMap(([onA, onB]) => [
        decide(onA, { action: 'select' }),
        decide(onB, { action: 'select' }),
      ]),
    );
    for (let i = 0; i < pairs.length; i += 1) {
      const pair = [answers[2 * i], answers[2 * i + 1]];
      const codes = pair.map((a) =>
        a?.statusCode === 200 ? 'ok' : a?.json<{ code: string }>().code,
      );
      expect(codes.sort()).toEqual(['ok', 'selection_conflict']);
    }
    const selected = await t.db.pool.query<{ n: number }>(
      `select count(*)::int as n from nominations n join training_sessions s on s.id = n.session_id
        where s.code in ('RACE-A', 'RACE-B') and n.status = 'selected'`,
    );
    expect(selected.rows[0]?.n).toBe(pairs.length);
  });

  it('reports a conflict per row of a bulk selection, and selects them all with an override', async () => {
    await overlapping('BULK-A', 'BULK-B');
    const clashing = await makePerson(t.db.db, 'QAT');
    const free = await makePerson(t.db.db, 'QAT');
    const [onA] = await nominate(clashing, 'BULK-A');
    const [clashOnB] = await nominate(clashing, 'BULK-B');
    const [freeOnB] = await nominate(free, 'BULK-B');
    if (!onA || !clashOnB || !freeOnB) throw new Error('fixtures');
    expect((await decide(onA, { action: 'select' })).statusCode).toBe(200);

    const bulk = (body: Record<string, unknown>) =>
      call(t.app, registrar, 'POST', '/api/v1/sessions/BULK-B/nominations/bulk', body);
    const first = await bulk({ nominationIds: [clashOnB, freeOnB], action: 'select' });
    expect(first.statusCode, first.body).toBe(200);
    const results = first.json<BulkDecisionResult>().results;
    expect(results.find((r) => r.nominationId === freeOnB)).toMatchObject({ ok: true });
    expect(results.find((r) => r.nominationId === clashOnB)).toMatchObject({
      ok: false,
      code: 'selection_conflict',
      conflicts: [{ sessionCode: 'BULK-A', nominationId: onA }],
    });

    expectProblem(
      await bulk({
        nominationIds: [clashOnB],
        action: 'reject',
        reason: 'No',
        overrideConflict: { reason: 'x' },
      }),
      400,
      'validation_failed',
    );
    const second = await bulk({
      nominationIds: [clashOnB],
      action: 'select',
      overrideConflict: { reason: 'The nation needs him on both; agreed with the director.' },
    });
    expect(second.json<BulkDecisionResult>().results).toMatchObject([
      { ok: true, status: 'selected' },
    ]);
  });

  it('promotes past a waitlisted person selected elsewhere, who stays waitlisted and is told why', async () => {
    await openSession(t.db.db, 'PROMO-A', 'CT-BASIC', { capacity: 1, quotas: [], startsIn: 60 });
    await openSession(t.db.db, 'PROMO-B', 'CT-ADV', { quotas: [], startsIn: 61 });
    const seated = await makePerson(t.db.db, 'QAT');
    const busy = await makePerson(t.db.db, 'QAT');
    const next = await makePerson(t.db.db, 'QAT');
    const [seatedOnA] = await nominate(seated, 'PROMO-A');
    const [busyOnA, busyOnB] = await nominate(busy, 'PROMO-A', 'PROMO-B');
    const [nextOnA] = await nominate(next, 'PROMO-A');
    if (!seatedOnA || !busyOnA || !busyOnB || !nextOnA) throw new Error('fixtures');
    expect((await decide(seatedOnA, { action: 'select' })).statusCode).toBe(200);
    // The busy person is first in line (submitted earlier), then selected on PROMO-B.
    expect((await decide(busyOnA, { action: 'waitlist' })).statusCode).toBe(200);
    expect((await decide(nextOnA, { action: 'waitlist' })).statusCode).toBe(200);
    expect((await decide(busyOnB, { action: 'select' })).statusCode).toBe(200);

    const withdrawn = await call(
      t.app,
      npoc,
      'POST',
      `/api/v1/nominations/${seatedOnA}/transitions`,
      {
        action: 'withdraw',
        reason: 'Operational duty',
      },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const board = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/PROMO-A/selection-board')
    ).json<SelectionBoard>();
    const status = (id: string) => board.nominations.find((n) => n.id === id);
    expect(status(nextOnA)?.status).toBe('selected');
    const passedOver = status(busyOnA);
    expect(passedOver?.status).toBe('waitlisted');
    expect(passedOver?.waitlist?.selectedElsewhere).toMatchObject({ sessionCode: 'PROMO-B' });
    expect(passedOver?.waitlist?.reason).toContain('not promoted automatically');
  });
});
