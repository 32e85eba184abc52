import { eq } from 'drizzle-orm';
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
import type { Nomination, NominationSummary } from '../../../contract/nominations.js';
import { auditLog, outboxMessages } from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { makeActivityRequiring, makePerson, openSession, runQueuedJobs } from './test-fixtures.js';

type Page = { items: NominationSummary[]; nextCursor: string | null };

describe('nominations', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;
  let nominatorKwt: Browser;
  let observer: Browser;
  let kwt: string[];
  let qat: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    await makeActivity(t.db.db, 'MD-ONLY', { releasability: { frameworks: ['MD'] } });
    await makeActivityRequiring(t.db.db, 'CYB-ADV', {
      languages: [{ language: 'en', minimum: '3222' }],
    });
    await openSession(t.db.db, 'CT-A', 'CT-BASIC');
    await openSession(t.db.db, 'MD-A', 'MD-ONLY');
    await openSession(t.db.db, 'CYB-A', 'CYB-ADV');
    await openSession(t.db.db, 'CT-LATE', 'CT-BASIC', {
      opens: '2026-01-01',
      closes: '2026-01-31',
    });
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    nominatorKwt = await signInAs(t, ['nominator'], 'KWT');
    observer = await signInAs(t, ['observer']);
    kwt = [
      await makePerson(t.db.db, 'KWT'),
      await makePerson(t.db.db, 'KWT'),
      await makePerson(t.db.db, 'KWT', { languageProfiles: [{ language: 'en', profile: '2211' }] }),
    ];
    qat = await makePerson(t.db.db, 'QAT');
  });
  afterAll(() => t.close());

  const nominate = (who: Browser | null, body: object) =>
    call(t.app, who, 'POST', '/api/v1/nominations', body);
  const move = (who: Browser, id: string, action: string, reason?: string) =>
    call(t.app, who, 'POST', `/api/v1/nominations/${id}/transitions`, { action, reason });

  it('runs the chain: a nominator proposes, the NPOC submits, the registrar selects', async () => {
    const proposed = await nominate(nominatorKwt, {
      sessionCode: 'CT-A',
      participantId: kwt[0],
      motivation: 'Leads the cyber cell',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const nomination = proposed.json<Nomination>();
    expect(nomination.status).toBe('proposed');
    expect(nomination.eligibility.eligible).toBe(true);

    const submitted = await move(npocKwt, nomination.id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Nomination>()).toMatchObject({ status: 'submitted', priority: 1 });

    const selected = await move(registrar, nomination.id, 'select');
    expect(selected.statusCode, selected.body).toBe(200);
    const after = selected.json<Nomination>();
    expect(after).toMatchObject({ status: 'selected', seatSource: 'quota' });
    expect(after.timeline.map((e) => `${e.fromStatus}->${e.toStatus}`)).toEqual([
      'null->proposed',
      'proposed->submitted',
      'submitted->selected',
    ]);

    const audit = await t.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, nomination.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['nomination.created', 'nomination.submit', 'nomination.select']),
    );
    // The joining kit is written by the decision's job, not in the seat transaction.
    expect(
      await t.db.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.event, 'joining-instructions')),
    ).toEqual([]);
    await runQueuedJobs(t);
    const mail = await t.db.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.event, 'joining-instructions'));
    expect(mail.length).toBeGreaterThanOrEqual(2);
    const ics = mail[0]?.attachments[0];
    expect(ics?.contentType).toContain('text/calendar');
    expect(ics?.content).toContain('BEGIN:VEVENT');
    expect(ics?.content).toContain('CT-A');
    // Links in e-mails are whole addresses, never paths.
    expect(mail[0]?.body).toMatch(/https?:\/\/[^\s]+\//);
  });

  it('keeps each nation to its own nominations', async () => {
    const qatNomination = await nominate(npocQat, {
      sessionCode: 'CT-A',
      participantId: qat,
      submit: true,
    });
    expect(qatNomination.statusCode, qatNomination.body).toBe(201);
    const id = qatNomination.json<Nomination>().id;
    expectProblem(await call(t.app, npocKwt, 'GET', `/api/v1/nominations/${id}`), 404, 'not_found');
    expectProblem(await move(npocKwt, id, 'withdraw', 'not ours'), 404, 'not_found');
    const kwtList = (await call(t.app, npocKwt, 'GET', '/api/v1/nominations')).json<Page>();
    expect(kwtList.items.every((n) => n.nationCode === 'KWT')).toBe(true);
    const all = (await call(t.app, observer, 'GET', '/api/v1/nominations')).json<Page>();
    expect(new Set(all.items.map((n) => n.nationCode))).toEqual(new Set(['KWT', 'QAT']));
  });

  it('refuses bad nominations and writes nothing', async () => {
    expectProblem(
      await nominate(npocKwt, { sessionCode: 'CT-LATE', participantId: kwt[1] }),
      409,
      'window_closed',
    );
    expectProblem(
      await nominate(npocKwt, { sessionCode: 'MD-A', participantId: kwt[1] }),
      404,
      'not_found',
    );
    expectProblem(
      await nominate(npocKwt, { sessionCode: 'CT-A', participantId: qat }),
      404,
      'not_found',
    );
    expectProblem(
      await nominate(npocKwt, { sessionCode: 'CT-A', participantId: kwt[0] }),
      409,
      'already_nominated',
    );
    expectProblem(
      await nominate(observer, { sessionCode: 'CT-A', participantId: kwt[1] }),
      403,
      'forbidden',
    );
    expectProblem(
      await nominate(null, { sessionCode: 'CT-A', participantId: kwt[1] }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await nominate(npocKwt, { sessionCode: 'CT-A', participantId: 'not-a-uuid' }),
      400,
      'validation_failed',
    );
    const list = (
      await call(t.app, registrar, 'GET', '/api/v1/nominations?sessionCode=CT-LATE')
    ).json<Page>();
    expect(list.items).toEqual([]);
  });

  it('explains a failed language rule, blocks submission, and lets a registrar override', async () => {
    const refused = await nominate(npocKwt, {
      sessionCode: 'CYB-A',
      participantId: kwt[2],
      submit: true,
    });
    const problem = expectProblem(refused, 422, 'not_eligible') as unknown as {
      eligibility: Nomination['eligibility'];
    };
    const language = problem.eligibility.lines.find((line) => line.rule === 'language');
    expect(language).toMatchObject({ outcome: 'fail', params: { required: '3222', held: '2211' } });

    const draft = await nominate(npocKwt, { sessionCode: 'CYB-A', participantId: kwt[2] });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json<Nomination>().id;
    expectProblem(await move(npocKwt, id, 'submit'), 422, 'not_eligible');
    expectProblem(
      await call(t.app, npocKwt, 'POST', `/api/v1/nominations/${id}/override`, {
        justification: 'Interpreter provided by the nation',
      }),
      403,
      'forbidden',
    );
    const overridden = await call(t.app, registrar, 'POST', `/api/v1/nominations/${id}/override`, {
      justification: 'Interpreter provided by the nation',
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json<Nomination>().overridden).toBe(true);
    const submitted = await move(npocKwt, id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('answers a decision the state does not allow with 409 naming the allowed moves', async () => {
    const created = await nominate(npocKwt, { sessionCode: 'CYB-A', participantId: kwt[1] });
    const id = created.json<Nomination>().id;
    const problem = expectProblem(await move(npocKwt, id, 'select'), 409, 'invalid_transition');
    expect(problem.detail).toContain('submit');
    expectProblem(await move(npocKwt, id, 'withdraw'), 400, 'validation_failed');
    expect((await move(npocKwt, id, 'withdraw', 'changed plans')).statusCode).toBe(200);
    expectProblem(await move(npocKwt, id, 'submit'), 409, 'invalid_transition');
  });

  it('decides in bulk, each row on its own', async () => {
    const people = [await makePerson(t.db.db, 'QAT'), await makePerson(t.db.db, 'QAT')];
    const ids: string[] = [];
    for (const participantId of people) {
      const created = await nominate(npocQat, {
        sessionCode: 'CYB-A',
        participantId,
        submit: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json<Nomination>().id);
    }
    const bulk = await call(t.app, registrar, 'POST', '/api/v1/sessions/CYB-A/nominations/bulk', {
      nominationIds: [...ids, '00000000-0000-4000-8000-000000000000'],
      action: 'waitlist',
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const results = bulk.json<{
      results: { ok: boolean; status: string | null; code: string | null }[];
    }>().results;
    expect(results.map((r) => r.status ?? r.code)).toEqual([
      'waitlisted',
      'waitlisted',
      'not_found',
    ]);
    expectProblem(
      await call(t.app, registrar, 'POST', '/api/v1/sessions/CYB-A/nominations/bulk', {
        nominationIds: ids,
        action: 'reject',
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, npocQat, 'POST', '/api/v1/sessions/CYB-A/nominations/bulk', {
        nominationIds: ids,
        action: 'select',
      }),
      403,
      'forbidden',
    );
    const board = await call(t.app, registrar, 'GET', '/api/v1/sessions/CYB-A/selection-board');
    expect(board.statusCode, board.body).toBe(200);
    const waitlist = board
      .json<{ nominations: NominationSummary[] }>()
      .nominations.filter((n) => n.status === 'waitlisted');
    expect(waitlist.map((n) => n.waitlist?.position)).toEqual([1, 2]);
    expect(waitlist[0]?.waitlist).toMatchObject({ entitled: true });
    expectProblem(
      await call(t.app, npocQat, 'GET', '/api/v1/sessions/CYB-A/selection-board'),
      403,
      'forbidden',
    );
  });

  it('lets the NPOC order priorities and substitute a person on a held seat', async () => {
    const a = await makePerson(t.db.db, 'KWT');
    const b = await makePerson(t.db.db, 'KWT');
    const first = (
      await nominate(npocKwt, { sessionCode: 'CT-A', participantId: a, submit: true })
    ).json<Nomination>();
    const second = (
      await nominate(npocKwt, { sessionCode: 'CT-A', participantId: b, submit: true })
    ).json<Nomination>();
    const ordered = await call(
      t.app,
      npocKwt,
      'PUT',
      '/api/v1/sessions/CT-A/nominations/priority',
      {
        nominationIds: [second.id, first.id],
      },
    );
    expect(ordered.statusCode, ordered.body).toBe(204);
    const mine = (
      await call(t.app, npocKwt, 'GET', `/api/v1/nominations/${second.id}`)
    ).json<Nomination>();
    expect(mine.priority).toBe(1);
    expectProblem(
      await call(t.app, npocKwt, 'PUT', '/api/v1/sessions/CT-A/nominations/priority', {
        nominationIds: [second.id, 'f0000000-0000-4000-8000-000000000000'],
      }),
      400,
      'validation_failed',
    );

    expect((await move(registrar, first.id, 'select')).statusCode).toBe(200);
    const replacement = await makePerson(t.db.db, 'KWT');
    const substituted = await call(
      t.app,
      npocKwt,
      'POST',
      `/api/v1/nominations/${first.id}/substitution`,
      {
        participantId: replacement,
        reason: 'Posted abroad',
      },
    );
    expect(substituted.statusCode, substituted.body).toBe(201);
    expect(substituted.json<Nomination>()).toMatchObject({
      status: 'selected',
      substituteFor: first.id,
      participantId: replacement,
    });
    const old = (
      await call(t.app, npocKwt, 'GET', `/api/v1/nominations/${first.id}`)
    ).json<Nomination>();
    expect(old.status).toBe('substituted');
    expectProblem(
      await call(t.app, npocKwt, 'POST', `/api/v1/nominations/${second.id}/substitution`, {
        participantId: replacement,
        reason: 'x',
      }),
      409,
      'invalid_transition',
    );
  });

  it('returns the first result for a retried request with the same Idempotency-Key', async () => {
    const person = await makePerson(t.db.db, 'QAT');
    const send = (key: string, participantId = person) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/nominations',
        headers: {
          cookie: npocQat.cookie,
          'x-csrf-token': npocQat.csrfToken,
          'idempotency-key': key,
        },
        payload: { sessionCode: 'CT-A', participantId },
      });
    const key = crypto.randomUUID();
    const [one, two] = await Promise.all([send(key), send(key)]);
    expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
    expect(one.json<Nomination>().id).toBe(two.json<Nomination>().id);
    const three = await send(key);
    expect(three.headers['idempotent-replayed']).toBe('true');
    expect(three.json<Nomination>().id).toBe(one.json<Nomination>().id);
    const list = (
      await call(t.app, npocQat, 'GET', `/api/v1/nominations?participantId=${person}`)
    ).json<Page>();
    expect(list.items).toHaveLength(1);
    expectProblem(await send(key, await makePerson(t.db.db, 'QAT')), 422, 'idempotency_key_reused');
    expectProblem(await send('bad key!'), 400, 'validation_failed');
  });

  it("shows the NPOC's portal and the participant's own training", async () => {
    const portal = await call(t.app, npocKwt, 'GET', '/api/v1/portal/nation');
    expect(portal.statusCode, portal.body).toBe(200);
    const body = portal.json<{
      openSessions: { code: string; quota: number; selected: number }[];
      countsByStatus: Record<string, number>;
    }>();
    expect(body.openSessions.map((s) => s.code)).toEqual(expect.arrayContaining(['CT-A', 'CYB-A']));
    expect(body.openSessions.map((s) => s.code)).not.toContain('MD-A');
    expect(body.openSessions.find((s) => s.code === 'CT-A')).toMatchObject({ quota: 4 });
    expect(body.countsByStatus.selected).toBeGreaterThanOrEqual(1);
    expectProblem(await call(t.app, registrar, 'GET', '/api/v1/portal/nation'), 403, 'forbidden');

    const participant = await signInAs(t, ['participant'], 'KWT');
    const none = await call(t.app, participant, 'GET', '/api/v1/me/training');
    expect(none.json()).toEqual({ participantId: null, nominations: [] });
  });

  it("lets a course director decide on their own session's nominations only", async () => {
    const director = await makeUser(t.db.db, ['course_director']);
    const otherDirector = await makeUser(t.db.db, ['course_director']);
    await openSession(t.db.db, 'CT-DIR', 'CT-BASIC', { directorId: director.id });
    const person = await makePerson(t.db.db, 'KWT');
    const created = await nominate(npocKwt, {
      sessionCode: 'CT-DIR',
      participantId: person,
      submit: true,
    });
    const id = created.json<Nomination>().id;
    const other = await signIn(t.app, otherDirector.email, otherDirector.password);
    // Another director does not even see the nomination: it is not on a session of theirs.
    expectProblem(await move(other, id, 'select'), 404, 'not_found');
    expectProblem(
      await call(t.app, other, 'GET', '/api/v1/sessions/CT-DIR/selection-board'),
      403,
      'forbidden',
    );
    const own = await signIn(t.app, director.email, director.password);
    const board = await call(t.app, own, 'GET', '/api/v1/sessions/CT-DIR/selection-board');
    expect(board.statusCode, board.body).toBe(200);
    const selected = await move(own, id, 'select');
    expect(selected.statusCode, selected.body).toBe(200);
    expect(selected.json<Nomination>().status).toBe('selected');
  });

  it("shows the registrar's Centre today: decisions waiting and windows closing", async () => {
    const today = await call(t.app, registrar, 'GET', '/api/v1/portal/centre');
    expect(today.statusCode, today.body).toBe(200);
    const body = today.json<{
      sessions: { code: string; submitted: number; attention: string[] }[];
      outbox: { pending: number; failed: number };
    }>();
    const ct = body.sessions.find((s) => s.code === 'CT-A');
    expect(ct?.attention).toContain('awaiting-decision');
    expect(ct?.submitted).toBeGreaterThan(0);
    expect(body.outbox.pending).toBeGreaterThan(0);
    expectProblem(await call(t.app, npocKwt, 'GET', '/api/v1/portal/centre'), 403, 'forbidden');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/portal/centre'), 401, 'unauthenticated');
  });
});
