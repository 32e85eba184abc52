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
import { expectProblem } from '../../../../test/support/problem.js';
import type { Invitation } from '../../../contract/invitations.js';
import type { NationPortal, SelectionBoard } from '../../../contract/nominations.js';
import {
  activities,
  auditLog,
  nominations,
  outboxMessages,
  trainingSessions,
  users,
} from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { makePerson, openSession, runQueuedJobs } from './test-fixtures.js';

/**
 * What an event's seats by invitation mean beyond the invitation itself: no nation nominates,
 * the centre may take an invitation back, and the NPOC's and registrar's views show them.
 */
describe('seats by invitation', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocQat: Browser;
  let nominatorQat: Browser;
  let npocKwt: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-COURSE');
    await makeActivity(t.db.db, 'GULF-DIALOGUE');
    await t.db.db
      .update(activities)
      .set({ type: 'dialogue-event', evaluationLevels: [1] })
      .where(eq(activities.code, 'GULF-DIALOGUE'));
    registrar = await signInAs(t, ['registrar']);
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    nominatorQat = await signInAs(t, ['nominator'], 'QAT');
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    // Qatar's NPOC reads Arabic: the withdrawal's e-mail must come in it.
    await t.db.db.update(users).set({ locale: 'ar' }).where(eq(users.id, npocQat.userId));
  });
  afterAll(() => t.close());

  const invite = (code: string, invitees: { participantId: string; role: string }[]) =>
    call(t.app, registrar, 'POST', `/api/v1/sessions/${code}/invitations`, { invitees });
  const withdraw = (who: Browser, id: string, body: object = { reason: 'Panel dropped.' }) =>
    call(t.app, who, 'POST', `/api/v1/invitations/${id}/withdraw`, body);
  const seatsTaken = async (code: string) =>
    (
      await t.db.db
        .select({ taken: trainingSessions.seatsTaken })
        .from(trainingSessions)
        .where(eq(trainingSessions.code, code))
    )[0]?.taken;

  it('refuses an ordinary nomination on a session whose seats are by invitation, writing nothing', async () => {
    const sessionId = await openSession(t.db.db, 'DLG-N', 'GULF-DIALOGUE', { quotas: [] });
    await openSession(t.db.db, 'CT-N', 'CT-COURSE', { quotas: [] });
    const person = await makePerson(t.db.db, 'QAT');
    const auditBefore = await t.db.db.$count(auditLog);
    for (const who of [npocQat, nominatorQat]) {
      for (const submit of [true, false]) {
        const refused = expectProblem(
          await call(t.app, who, 'POST', '/api/v1/nominations', {
            sessionCode: 'DLG-N',
            participantId: person,
            submit,
          }),
          422,
          'invitation_only',
        );
        expect(refused.detail).toContain('invitation');
      }
    }
    expect(await t.db.db.$count(nominations, eq(nominations.sessionId, sessionId))).toBe(0);
    expect(await t.db.db.$count(auditLog)).toBe(auditBefore);
    // Another nation's unknown session stays a 404, and a course still takes the nomination.
    expectProblem(
      await call(t.app, npocQat, 'POST', '/api/v1/nominations', {
        sessionCode: 'DLG-NONE',
        participantId: person,
        submit: true,
      }),
      404,
      'not_found',
    );
    const course = await call(t.app, npocQat, 'POST', '/api/v1/nominations', {
      sessionCode: 'CT-N',
      participantId: person,
      submit: true,
    });
    expect(course.statusCode, course.body).toBe(201);
  });

  it('lets the centre withdraw a pending or accepted invitation: seat freed, NPOC told, audited', async () => {
    await openSession(t.db.db, 'DLG-W', 'GULF-DIALOGUE', { capacity: 4, quotas: [] });
    const people = [
      await makePerson(t.db.db, 'QAT'),
      await makePerson(t.db.db, 'QAT'),
      await makePerson(t.db.db, 'QAT'),
    ];
    const created = await invite('DLG-W', [
      { participantId: people[0] ?? '', role: 'head-of-delegation' },
      { participantId: people[1] ?? '', role: 'vip' },
      { participantId: people[2] ?? '', role: 'delegate' },
    ]);
    expect(created.statusCode, created.body).toBe(201);
    const [head, vip, delegate] = created
      .json<{ items: Invitation[] }>()
      .items.map((i) => i.nominationId) as [string, string, string];
    const rsvp = (id: string, answer: string) =>
      call(t.app, npocQat, 'POST', `/api/v1/invitations/${id}/rsvp`, { answer });
    expect((await rsvp(vip, 'accept')).statusCode).toBe(200);
    expect((await rsvp(delegate, 'decline')).statusCode).toBe(200);
    expect(await seatsTaken('DLG-W')).toBe(1);
    await runQueuedJobs(t);

    // Only the centre withdraws; a reason is required; an ordinary nomination is no invitation.
    expect((await withdraw(npocQat, vip)).statusCode).toBe(403);
    expect((await withdraw(npocKwt, vip)).statusCode).toBe(403);
    expectProblem(await withdraw(registrar, vip, {}), 400, 'validation_failed');
    expectProblem(await withdraw(registrar, vip, { reason: '   ' }), 400, 'validation_failed');
    const [ordinary] = await t.db.db
      .select({ id: nominations.id })
      .from(nominations)
      .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
      .where(eq(trainingSessions.code, 'CT-N'));
    expectProblem(await withdraw(registrar, ordinary?.id ?? ''), 404, 'not_found');

    // The accepted one: its seat is given back.
    const taken = await withdraw(registrar, vip, { reason: 'The VIP panel was dropped.' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json<Invitation>()).toMatchObject({ rsvp: 'withdrawn', answers: [] });
    expect(await seatsTaken('DLG-W')).toBe(0);
    // The pending one.
    const pending = await withdraw(registrar, head, { reason: 'The delegation was replaced.' });
    expect(pending.json<Invitation>().rsvp).toBe('withdrawn');

    // Already withdrawn, or declined by the nation: 409 with a stable code, nothing changed.
    for (const id of [vip, delegate]) {
      const closed = expectProblem(await withdraw(registrar, id), 409, 'invitation_closed');
      expect(closed).toMatchObject({ rsvp: id === vip ? 'withdrawn' : 'declined' });
    }
    // The nation cannot answer a withdrawn invitation any more.
    expectProblem(await rsvp(head, 'accept'), 409, 'not_invited');

    const audit = await t.db.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'invitation.withdrawn'), inArray(auditLog.entityId, [vip, head])),
      );
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => (a.after as { reason: string }).reason).sort()).toEqual([
      'The VIP panel was dropped.',
      'The delegation was replaced.',
    ]);

    // Qatar's NPOC hears of each by e-mail, in Arabic, with the reason.
    await runQueuedJobs(t);
    const mails = await t.db.db
      .select({
        userId: outboxMessages.userId,
        subject: outboxMessages.subject,
        body: outboxMessages.body,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.event, 'invitation-withdrawn'));
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.userId === npocQat.userId)).toBe(true);
    expect(mails.every((m) => m.subject.startsWith('سحب دعوة'))).toBe(true);
    expect(mails.some((m) => m.body.includes('The VIP panel was dropped.'))).toBe(true);
  });

  it("counts the nation's invitations on My nation and offers no nomination for an event", async () => {
    await openSession(t.db.db, 'DLG-P', 'GULF-DIALOGUE', { capacity: 6, quotas: [] });
    const [a, b] = [await makePerson(t.db.db, 'KWT'), await makePerson(t.db.db, 'KWT')];
    const created = await invite('DLG-P', [
      { participantId: a, role: 'head-of-delegation' },
      { participantId: b, role: 'speaker' },
    ]);
    const [first] = created.json<{ items: Invitation[] }>().items;
    const accepted = await call(
      t.app,
      npocKwt,
      'POST',
      `/api/v1/invitations/${first?.nominationId}/rsvp`,
      { answer: 'accept' },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);

    // The accepted seat is the invitee's: the nation cannot pass it on to someone else.
    expectProblem(
      await call(
        t.app,
        npocKwt,
        'POST',
        `/api/v1/nominations/${first?.nominationId}/substitution`,
        {
          participantId: await makePerson(t.db.db, 'KWT'),
          reason: 'The head of delegation is ill.',
        },
      ),
      422,
      'invitation_only',
    );

    const kwt = (await call(t.app, npocKwt, 'GET', '/api/v1/portal/nation')).json<NationPortal>();
    expect(kwt.invitations).toEqual({ pending: 1, accepted: 1 });
    expect(kwt.openSessions.find((s) => s.code === 'DLG-P')).toMatchObject({
      seats: 'invitation',
      invited: 1,
    });
    expect(kwt.openSessions.find((s) => s.code === 'CT-N')).toMatchObject({
      seats: 'quota',
      invited: 0,
    });
    const waiting = kwt.actions.filter((x) => x.kind === 'invitation');
    expect(waiting.map((x) => x.sessionCode)).toEqual(['DLG-P']);
    expect(waiting[0]?.participantName?.latin).toMatch(/^Family\d+, Given\d+$/);
    // No deadline action for a session that takes no nomination.
    expect(kwt.actions.some((x) => x.kind === 'deadline' && x.sessionCode === 'DLG-P')).toBe(false);

    // Qatar's portal counts only Qatar's (its DLG-W invitations are all closed).
    const qat = (await call(t.app, npocQat, 'GET', '/api/v1/portal/nation')).json<NationPortal>();
    expect(qat.invitations).toEqual({ pending: 0, accepted: 0 });
    expect(qat.actions.filter((x) => x.kind === 'invitation')).toEqual([]);
  });

  it("shows each person's role on the registrar's selection board of an event", async () => {
    const board = await call(t.app, registrar, 'GET', '/api/v1/sessions/DLG-P/selection-board');
    expect(board.statusCode, board.body).toBe(200);
    const roles = board
      .json<SelectionBoard>()
      .nominations.map((n) => [n.eventRole, n.status, n.invitedAt !== null])
      .sort();
    expect(roles).toEqual([
      ['head-of-delegation', 'selected', true],
      ['speaker', 'invited', true],
    ]);
  });
});
