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
import type { Nomination } from '../../../contract/nominations.js';
import {
  activities,
  auditLog,
  nominations,
  outboxMessages,
  participants,
  trainingSessions,
} from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { makePerson, openSession, runQueuedJobs, submitNominations } from './test-fixtures.js';

describe('roles on events and invitations by name', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocQat: Browser;
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
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(() => t.close());

  const invite = (code: string, invitees: { participantId: string; role: string }[]) =>
    call(t.app, registrar, 'POST', `/api/v1/sessions/${code}/invitations`, { invitees });
  const rsvp = (who: Browser, id: string, answer: string, reason?: string) =>
    call(t.app, who, 'POST', `/api/v1/invitations/${id}/rsvp`, { answer, reason });

  it('sets roles the kind allows, refuses others, and keeps one head per delegation', async () => {
    await openSession(t.db.db, 'CT-1', 'CT-COURSE', { quotas: [] });
    await openSession(t.db.db, 'DLG-R', 'GULF-DIALOGUE', { quotas: [] });
    const [onCourse] = await submitNominations(t, npocKwt, 'CT-1', 'KWT', 1);
    // An event takes no nominations (422 `invitation_only`): its people are invited, one by one.
    const onEvent: string[] = [];
    for (const participantId of [
      await makePerson(t.db.db, 'KWT'),
      await makePerson(t.db.db, 'KWT'),
    ]) {
      const created = await invite('DLG-R', [{ participantId, role: 'participant' }]);
      expect(created.statusCode, created.body).toBe(201);
      onEvent.push(created.json<{ items: Invitation[] }>().items[0]?.nominationId ?? '');
    }
    const setRole = (who: Browser, id: string | undefined, role: string) =>
      call(t.app, who, 'PUT', `/api/v1/nominations/${id}/role`, { role });

    const refused = expectProblem(
      await setRole(registrar, onCourse, 'speaker'),
      422,
      'role_not_allowed',
    );
    expect(refused).toMatchObject({ allowed: [] });
    expectProblem(await setRole(registrar, onEvent[0], 'chef'), 400, 'validation_failed');

    const set = await setRole(registrar, onEvent[0], 'head-of-delegation');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<Nomination>().eventRole).toBe('head-of-delegation');
    expectProblem(await setRole(npocKwt, onEvent[1], 'head-of-delegation'), 422, 'delegation_head');
    // The nation's own NPOC sets its people's roles; another nation's NPOC finds nothing.
    expect((await setRole(npocKwt, onEvent[1], 'delegate')).statusCode).toBe(200);
    expectProblem(await setRole(npocQat, onEvent[1], 'observer'), 404, 'not_found');

    const audited = await t.db.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'nomination.role-set'), eq(auditLog.entityId, onEvent[0] ?? '')),
      );
    expect(audited).toEqual([{ after: { eventRole: 'head-of-delegation' } }]);
  });

  it('invites a delegation by name, answers it, and never overbooks under concurrent accepts', async () => {
    await openSession(t.db.db, 'DLG-1', 'GULF-DIALOGUE', { capacity: 3, quotas: [] });
    const head = await makePerson(t.db.db, 'QAT', { familyNameLatin: 'Al-Thani' });
    const vips = [await makePerson(t.db.db, 'QAT'), await makePerson(t.db.db, 'QAT')];
    const kuwaiti = await makePerson(t.db.db, 'KWT');

    // A course gives seats through nominations; a delegation has one head, of one nation.
    await openSession(t.db.db, 'CT-2', 'CT-COURSE', { quotas: [] });
    expectProblem(
      await invite('CT-2', [{ participantId: head, role: 'vip' }]),
      422,
      'seats_by_quota',
    );
    expectProblem(
      await invite('DLG-1', [
        { participantId: head, role: 'vip' },
        { participantId: vips[0] ?? '', role: 'vip' },
      ]),
      422,
      'delegation_head',
    );
    expectProblem(
      await invite('DLG-1', [
        { participantId: head, role: 'head-of-delegation' },
        { participantId: kuwaiti, role: 'vip' },
      ]),
      400,
      'validation_failed',
    );
    expect(
      (
        await call(t.app, npocQat, 'POST', '/api/v1/sessions/DLG-1/invitations', {
          invitees: [{ participantId: head, role: 'vip' }],
        })
      ).statusCode,
    ).toBe(403);

    const created = await invite('DLG-1', [
      { participantId: head, role: 'head-of-delegation' },
      ...vips.map((participantId) => ({ participantId, role: 'vip' })),
    ]);
    expect(created.statusCode, created.body).toBe(201);
    const invited = created.json<{ items: Invitation[] }>().items;
    expect(invited.map((i) => [i.role, i.rsvp])).toEqual([
      ['head-of-delegation', 'pending'],
      ['vip', 'pending'],
      ['vip', 'pending'],
    ]);
    const [kwtInvitation] = (
      await invite('DLG-1', [{ participantId: kuwaiti, role: 'speaker' }])
    ).json<{
      items: Invitation[];
    }>().items;
    expectProblem(
      await invite('DLG-1', [{ participantId: kuwaiti, role: 'speaker' }]),
      409,
      'already_nominated',
    );

    // Qatar's NPOC hears of it by e-mail, in the NPOC's language, with the role.
    await runQueuedJobs(t);
    const mails = await t.db.db
      .select({ subject: outboxMessages.subject, body: outboxMessages.body })
      .from(outboxMessages)
      .where(eq(outboxMessages.event, 'invitation-received'));
    expect(mails.some((m) => m.subject.includes('head of delegation'))).toBe(true);
    expect(mails.every((m) => m.body.includes('/invitations'))).toBe(true);

    // Each nation sees its own; another nation's invitation is not found.
    const seen = (await call(t.app, npocQat, 'GET', '/api/v1/invitations')).json<{
      items: Invitation[];
    }>();
    expect(seen.items.map((i) => i.nationCode)).toEqual(['QAT', 'QAT', 'QAT']);
    expect(seen.items.every((i) => i.answers.join() === 'accept,decline')).toBe(true);
    expectProblem(
      await rsvp(npocQat, kwtInvitation?.nominationId ?? '', 'accept'),
      404,
      'not_found',
    );

    // Four people, three seats, everyone accepting at once: exactly three get one.
    const everyone = [...invited.map((i) => i.nominationId), kwtInvitation?.nominationId ?? ''];
    const answers = await Promise.all(
      everyone.map((id, n) => rsvp(n < 3 ? npocQat : npocKwt, id, 'accept')),
    );
    const codes = answers.map((a) =>
      a.statusCode === 200 ? 'ok' : a.json<{ code: string }>().code,
    );
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(codes.filter((c) => c !== 'ok')).toEqual(['no_seat']);
    const [session] = await t.db.db
      .select({ taken: trainingSessions.seatsTaken })
      .from(trainingSessions)
      .where(eq(trainingSessions.code, 'DLG-1'));
    expect(session?.taken).toBe(3);

    // Declining an accepted invitation gives its seat back; a declined one takes no answer.
    const acceptedIndex = codes.indexOf('ok');
    const accepted = everyone[acceptedIndex] ?? '';
    const who = acceptedIndex < 3 ? npocQat : npocKwt;
    const declined = await rsvp(who, accepted, 'decline', 'The minister travels that week.');
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json<Invitation>()).toMatchObject({ rsvp: 'declined', answers: [] });
    expectProblem(await rsvp(who, accepted, 'accept'), 409, 'not_invited');
    const [after] = await t.db.db
      .select({ taken: trainingSessions.seatsTaken })
      .from(trainingSessions)
      .where(eq(trainingSessions.code, 'DLG-1'));
    expect(after?.taken).toBe(2);
    const loser = everyone[codes.indexOf('no_seat')] ?? '';
    const late = await rsvp(everyone.indexOf(loser) < 3 ? npocQat : npocKwt, loser, 'accept');
    expect(late.json<Invitation>().rsvp).toBe('accepted');

    // The registrar reads the RSVP state of every invitee; every answer is audited.
    const board = (await call(t.app, registrar, 'GET', '/api/v1/invitations?session=DLG-1')).json<{
      items: Invitation[];
    }>();
    expect(board.items.map((i) => i.rsvp).sort()).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'declined',
    ]);
    const audit = await t.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, everyone));
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'nomination.invited')).toHaveLength(4);
    expect(actions.filter((a) => a === 'invitation.accepted')).toHaveLength(4);
    expect(actions.filter((a) => a === 'invitation.declined')).toHaveLength(1);
  });

  it('lets the invited person answer for themselves', async () => {
    await openSession(t.db.db, 'DLG-2', 'GULF-DIALOGUE', { capacity: 5, quotas: [] });
    const self = await signInAs(t, ['participant'], 'QAT');
    const person = await makePerson(t.db.db, 'QAT');
    await t.db.db
      .update(participants)
      .set({ userId: self.userId })
      .where(eq(participants.id, person));
    const other = await makePerson(t.db.db, 'QAT');
    const [mine, theirs] = (
      await invite('DLG-2', [
        { participantId: person, role: 'head-of-delegation' },
        { participantId: other, role: 'delegate' },
      ])
    ).json<{ items: Invitation[] }>().items;
    const own = (await call(t.app, self, 'GET', '/api/v1/invitations')).json<{
      items: Invitation[];
    }>();
    expect(own.items.map((i) => i.nominationId)).toEqual([mine?.nominationId]);
    expectProblem(await rsvp(self, theirs?.nominationId ?? '', 'accept'), 404, 'not_found');
    const answered = await rsvp(self, mine?.nominationId ?? '', 'decline');
    expect(answered.json<Invitation>().rsvp).toBe('declined');
    const [row] = await t.db.db
      .select({ status: nominations.status, seat: nominations.seatSource })
      .from(nominations)
      .where(eq(nominations.id, mine?.nominationId ?? ''));
    expect(row).toEqual({ status: 'declined', seat: null });
  });

  it('offers no answer once the session has started, and refuses one', async () => {
    await openSession(t.db.db, 'DLG-3', 'GULF-DIALOGUE', { capacity: 5, quotas: [] });
    const person = await makePerson(t.db.db, 'QAT');
    const [invitation] = (
      await invite('DLG-3', [{ participantId: person, role: 'delegate' }])
    ).json<{ items: Invitation[] }>().items;
    expect(invitation?.answers).toEqual(['accept', 'decline']);
    // The session's first day comes (today, on any clock within a day of Kuwait's).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await t.db.db
      .update(trainingSessions)
      .set({ startDate: yesterday })
      .where(eq(trainingSessions.code, 'DLG-3'));
    const seen = (await call(t.app, npocQat, 'GET', '/api/v1/invitations?session=DLG-3')).json<{
      items: Invitation[];
    }>();
    expect(seen.items.map((i) => i.answers)).toEqual([[]]);
    expectProblem(
      await rsvp(npocQat, invitation?.nominationId ?? '', 'accept'),
      409,
      'session_started',
    );
    // Once over, it is listed after the sessions still to come, which may need an answer.
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    await t.db.db
      .update(trainingSessions)
      .set({ startDate: day(8), endDate: day(7) })
      .where(eq(trainingSessions.code, 'DLG-3'));
    const all = (await call(t.app, registrar, 'GET', '/api/v1/invitations')).json<{
      items: Invitation[];
    }>();
    const codes = all.items.map((i) => i.sessionCode);
    expect(codes.at(-1)).toBe('DLG-3');
    expect(codes.indexOf('DLG-1')).toBeLessThan(codes.indexOf('DLG-3'));
  });
});
