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
  MySurvey,
  ReminderResult,
  SupervisorLine,
  SurveyForm,
  SurveyResults,
} from '../../../contract/surveys.js';
import { addMonths } from '../../../domain/surveys.js';
import { addDays } from '../../../domain/venue-calendar.js';
import {
  notifications,
  outboxMessages,
  surveyInvitations,
  surveyResponses,
  trainingSessions,
} from '../../db/schema/index.js';
import { kuwaitToday } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { sendDueSurveys } from './due-surveys.js';
import { type Attendee, endedSession, level1Template, level3Template } from './test-fixtures.js';

const DAY = 86_400_000;

describe('survey invitations, answers and results', () => {
  let t: TestApp;
  let registrar: Browser;
  let director: Browser;
  let otherDirector: Browser;
  let npoc: Browser;
  let observerQat: Browser;
  let people: Attendee[];
  let anonPeople: Attendee[];
  const end = addDays(kuwaitToday(), -1);

  const mailsTo = async (event: string) =>
    t.db.db.select().from(outboxMessages).where(eq(outboxMessages.event, event));
  const answer = (who: Browser | null, id: string, answers: object) =>
    call(t.app, who, 'POST', `/api/v1/surveys/invitations/${id}/answers`, { answers });
  const results = (who: Browser | null, code: string, level = 1, query = '') =>
    call(t.app, who, 'GET', `/api/v1/sessions/${code}/surveys/${level}/results${query}`);
  const mine = async (who: Browser) =>
    (await call(t.app, who, 'GET', '/api/v1/me/surveys')).json<MySurvey[]>();

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    await makeActivity(t.db.db, 'CT-ANON');
    await makeActivity(t.db.db, 'MD-ONLY', { releasability: { frameworks: ['MD'] } });
    registrar = await signInAs(t, ['registrar']);
    const post = (url: string, body: object) => call(t.app, registrar, 'POST', url, body);
    const put = (url: string, body: object) => call(t.app, registrar, 'PUT', url, body);
    await post('/api/v1/surveys/templates', level1Template('L1-STD'));
    await post('/api/v1/surveys/templates', level1Template('L1-ANON', true));
    await post('/api/v1/surveys/templates', level3Template('L3-STD'));
    await put('/api/v1/activities/CT-BASIC/surveys/1', { templateCode: 'L1-STD' });
    await put('/api/v1/activities/CT-BASIC/surveys/3', {
      templateCode: 'L3-STD',
      delayMonths: 6,
      askSupervisor: true,
    });
    await put('/api/v1/activities/CT-ANON/surveys/1', { templateCode: 'L1-ANON' });
    await put('/api/v1/activities/MD-ONLY/surveys/1', { templateCode: 'L1-STD' });

    director = await signInAs(t, ['course_director']);
    otherDirector = await signInAs(t, ['course_director']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    observerQat = await signInAs(t, ['observer'], 'QAT');
    ({ attendees: people } = await endedSession(t, 'CT-A', 'CT-BASIC', end, [
      { nationCode: 'KWT' },
      { nationCode: 'KWT' },
      { nationCode: 'QAT' },
      { nationCode: 'QAT', withAccount: false },
    ]));
    await t.db.db
      .update(trainingSessions)
      .set({ directorId: director.userId })
      .where(eq(trainingSessions.code, 'CT-A'));
    ({ attendees: anonPeople } = await endedSession(t, 'CT-B', 'CT-ANON', end, [
      { nationCode: 'KWT' },
      { nationCode: 'QAT' },
    ]));
    await endedSession(t, 'MD-A', 'MD-ONLY', end, [{ nationCode: 'KWT' }]);
    // Still running: its last day is today, so nothing is due yet.
    await endedSession(t, 'CT-NOW', 'CT-BASIC', kuwaitToday(), [{ nationCode: 'KWT' }]);
  });
  afterAll(() => t.close());

  let ids: string[] = [];

  it('sends level 1 when a session has ended, once', async () => {
    const before = await sendDueSurveys(t.db.db, new Date(Date.now() - 3 * DAY));
    expect(before).toEqual([]);
    const runs = await sendDueSurveys(t.db.db, new Date());
    expect(runs.map((r) => [r.sessionCode, r.level, r.participants]).sort()).toEqual([
      ['CT-A', 1, 4],
      ['CT-B', 1, 2],
      ['MD-A', 1, 1],
    ]);
    expect(await sendDueSurveys(t.db.db, new Date())).toEqual([]);
    const mail = await mailsTo('survey-invitation');
    expect(mail).toHaveLength(7);
    expect(mail[0]?.body).toMatch(/https?:\/\/[^\s]+\/surveys\/answer\/[0-9a-f-]{36}/);
    const bells = await t.db.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, people[0]?.browser.userId ?? ''));
    expect(bells.map((b) => b.kind)).toEqual(['survey-invitation']);
    // A long-past session is not surveyed late.
    expect(await sendDueSurveys(t.db.db, new Date(Date.now() + 40 * DAY))).toEqual([]);
  });

  it('lists my open surveys and shows one in my language', async () => {
    const [first, second] = people;
    if (!first || !second) throw new Error('no attendees');
    const list = await mine(first.browser);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sessionCode: 'CT-A', level: 1 });
    ids = await Promise.all(people.map(async (p) => (await mine(p.browser))[0]?.id ?? ''));
    const id = list[0]?.id ?? '';
    const form = await call(
      t.app,
      first.browser,
      'GET',
      `/api/v1/surveys/invitations/${id}?locale=ar`,
    );
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json<SurveyForm>()).toMatchObject({
      title: 'نهاية الدورة',
      locale: 'ar',
      closed: false,
      answeredAt: null,
      questions: expect.arrayContaining([
        expect.objectContaining({ id: 'pace', options: ['بطيئة', 'مناسبة', 'سريعة'] }),
        // Untranslated text falls back to English.
        expect.objectContaining({ id: 'useful', text: 'Most useful' }),
      ]),
    });
    // Someone else's survey, even of the same nation, is not found.
    expectProblem(
      await call(t.app, second.browser, 'GET', `/api/v1/surveys/invitations/${id}`),
      404,
      'not_found',
    );
    expectProblem(
      await call(t.app, null, 'GET', `/api/v1/surveys/invitations/${id}`),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, first.browser, 'GET', '/api/v1/surveys/invitations/not-a-uuid'),
      400,
      'validation_failed',
    );
  });

  it('takes an answer once, checked against the template', async () => {
    const [first, second, third] = people;
    if (!first || !second || !third) throw new Error('no attendees');
    const [a, b, c] = ids;
    const bad = expectProblem(
      await answer(first.browser, a ?? '', { overall: 7, pace: 1 }),
      400,
      'validation_failed',
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({ field: 'answers.overall', code: 'invalid_answer' }),
    ]);
    expectProblem(await answer(first.browser, a ?? '', { pace: 1 }), 400, 'validation_failed');
    expectProblem(await answer(null, a ?? '', { overall: 5, pace: 1 }), 401, 'unauthenticated');
    expectProblem(await answer(second.browser, a ?? '', { overall: 5, pace: 1 }), 404, 'not_found');

    const ok = await answer(first.browser, a ?? '', {
      overall: 5,
      pace: 1,
      useful: [1, 0],
      comments: 'More exercises please',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expectProblem(
      await answer(first.browser, a ?? '', { overall: 4, pace: 1 }),
      409,
      'already_answered',
    );
    expect(await mine(first.browser)).toEqual([]);
    await answer(second.browser, b ?? '', { overall: 3, pace: 2 });

    await t.db.db
      .update(surveyInvitations)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(surveyInvitations.id, c ?? ''));
    expectProblem(
      await answer(third.browser, c ?? '', { overall: 4, pace: 1 }),
      409,
      'survey_closed',
    );

    const stored = await t.db.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.invitationId, a ?? ''));
    expect(stored[0]?.answers).toEqual({
      overall: 5,
      pace: 1,
      useful: [0, 1],
      comments: 'More exercises please',
    });
  });

  it('aggregates results with the names of those who have not answered', async () => {
    const response = await results(registrar, 'CT-A');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SurveyResults>();
    expect(body).toMatchObject({
      template: { code: 'L1-STD', anonymous: false },
      participants: { invited: 4, answered: 2, pending: 0 },
      responseRate: 0.5,
      canRemind: true,
    });
    const [overall, pace, useful, comments] = body.questions;
    expect(overall).toMatchObject({ answered: 2, distribution: [0, 0, 1, 0, 1], mean: 4 });
    expect(pace?.options?.map((o) => o.count)).toEqual([0, 1, 1]);
    expect(useful?.options?.map((o) => o.count)).toEqual([1, 1, 0]);
    expect(comments?.texts).toEqual(['More exercises please']);
    expect(body.nonRespondents?.map((n) => n.nationCode).sort()).toEqual(['QAT', 'QAT']);

    // The session's own director reads it; another director, an NPOC, or nobody does not.
    expect((await results(director, 'CT-A')).statusCode).toBe(200);
    expectProblem(await results(otherDirector, 'CT-A'), 403, 'forbidden');
    expectProblem(await results(npoc, 'CT-A'), 403, 'forbidden');
    expectProblem(await results(null, 'CT-A'), 401, 'unauthenticated');
    expectProblem(await results(registrar, 'CT-A', 2), 400, 'validation_failed');
    expectProblem(
      await results(registrar, 'CT-A', 1, '?respondent=boss'),
      400,
      'validation_failed',
    );
    expectProblem(await results(registrar, 'NOPE'), 404, 'not_found');
    // An observer of one nation sees only that nation's people, and no session hidden from it.
    const qat = (await results(observerQat, 'CT-A')).json<SurveyResults>();
    expect(qat.canRemind).toBe(false);
    expect(qat.nonRespondents?.every((n) => n.nationCode === 'QAT')).toBe(true);
    // ...and none of another nation's answers: both answers came from Kuwait.
    expect(qat).toMatchObject({
      nation: { code: 'QAT', name: { en: 'Qatar', ar: 'قطر' } },
      participants: { invited: 2, answered: 0 },
      responseRate: 0,
    });
    expect(JSON.stringify(qat)).not.toContain('More exercises please');
    expect(qat.questions.map((q) => q.answered)).toEqual([0, 0, 0, 0]);
    expect(body.nation).toBeNull();
    expectProblem(await results(observerQat, 'MD-A'), 404, 'not_found');
  });

  it('keeps anonymous answers unlinked and shows counts only', async () => {
    const [kwt, qat] = anonPeople;
    if (!kwt || !qat) throw new Error('no attendees');
    const id = (await mine(kwt.browser))[0]?.id ?? '';
    const ok = await answer(kwt.browser, id, { overall: 2, pace: 0, comments: 'Too long' });
    expect(ok.statusCode, ok.body).toBe(201);
    const [invitation] = await t.db.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.id, id));
    expect(invitation?.answeredAt).not.toBeNull();
    const responses = await t.db.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.templateId, invitation?.templateId ?? ''));
    expect(responses).toHaveLength(1);
    expect(responses[0]?.invitationId).toBeNull();
    // Cut to the day: the clock does not tie the answers to the invitation either.
    expect(responses[0]?.submittedAt.toISOString()).toMatch(/T00:00:00\.000Z$/);

    const body = (await results(registrar, 'CT-B')).json<SurveyResults>();
    expect(body).toMatchObject({ participants: { invited: 2, answered: 1 }, nonRespondents: null });
    expect(JSON.stringify(body)).not.toContain(qat.participantId);
    expect(JSON.stringify(body)).toContain('Too long');
    // An anonymous answer cannot be traced to a nation, so no nation's reader sees it.
    const qatar = (await results(observerQat, 'CT-B')).json<SurveyResults>();
    expect(qatar).toMatchObject({
      nation: { code: 'QAT' },
      participants: { invited: 1, answered: 0 },
    });
    expect(JSON.stringify(qatar)).not.toContain('Too long');
    expectProblem(await answer(kwt.browser, id, { overall: 2, pace: 0 }), 409, 'already_answered');

    // Reminders still reach the one who has not answered.
    const reminded = await call(t.app, registrar, 'POST', '/api/v1/sessions/CT-B/surveys/1/remind');
    expect(reminded.json<ReminderResult>()).toEqual({ reminded: 1, skipped: 0 });
  });

  it('reminds those who have not answered, not twice a day', async () => {
    const remind = (who: Browser | null, code = 'CT-A', level = 1) =>
      call(t.app, who, 'POST', `/api/v1/sessions/${code}/surveys/${level}/remind`);
    const first = await remind(registrar);
    expect(first.statusCode, first.body).toBe(200);
    // Of the two who have not answered, one's survey has closed; the other has no account but an e-mail.
    expect(first.json<ReminderResult>()).toEqual({ reminded: 1, skipped: 0 });
    expect(await mailsTo('survey-reminder')).toHaveLength(2);
    expect((await remind(registrar)).json<ReminderResult>()).toEqual({ reminded: 0, skipped: 1 });
    expectProblem(await remind(director), 403, 'forbidden');
    expectProblem(await remind(null), 401, 'unauthenticated');
    expectProblem(await remind(registrar, 'NOPE'), 404, 'not_found');
    expectProblem(await remind(registrar, 'CT-A', 4), 400, 'validation_failed');
  });

  it('sends level 3 months later, to participants and the supervisors named', async () => {
    const [first, second] = people;
    if (!first || !second) throw new Error('no attendees');
    const setSupervisor = (
      who: Browser | null,
      nominationId: string,
      email: string | null,
      code = 'CT-A',
    ) =>
      call(t.app, who, 'PUT', `/api/v1/sessions/${code}/surveys/supervisors/${nominationId}`, {
        email,
      });
    const named = await setSupervisor(registrar, first.nominationId, 'boss@kwt.example');
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json<SupervisorLine>()).toMatchObject({
      state: 'pending',
      email: 'boss@kwt.example',
    });
    expectProblem(
      await setSupervisor(registrar, first.nominationId, 'not-an-email'),
      400,
      'validation_failed',
    );
    expectProblem(
      await setSupervisor(director, first.nominationId, 'x@y.example'),
      403,
      'forbidden',
    );
    expectProblem(
      await setSupervisor(null, first.nominationId, 'x@y.example'),
      401,
      'unauthenticated',
    );
    expectProblem(
      await setSupervisor(registrar, first.nominationId, 'x@y.example', 'CT-B'),
      409,
      'no_supervisor_survey',
    );
    expectProblem(
      await setSupervisor(registrar, '00000000-0000-4000-8000-000000000000', 'x@y.example'),
      404,
      'not_found',
    );
    const lines = await call(t.app, registrar, 'GET', '/api/v1/sessions/CT-A/surveys/supervisors');
    expect(
      lines
        .json<SupervisorLine[]>()
        .map((l) => l.state)
        .sort(),
    ).toEqual(['none', 'none', 'none', 'pending']);

    // Pending supervisors do not count as invited.
    const pending = (await results(registrar, 'CT-A', 3)).json<SurveyResults>();
    expect(pending).toMatchObject({
      participants: { invited: 0 },
      supervisors: { invited: 0, pending: 1 },
    });

    const later = new Date(`${addDays(addMonths(end, 6), 1)}T12:00:00Z`);
    const runs = await sendDueSurveys(t.db.db, later);
    expect(runs).toEqual([{ sessionCode: 'CT-A', level: 3, participants: 4, supervisors: 1 }]);
    const mail = (await mailsTo('survey-invitation')).filter(
      (m) => m.toAddress === 'boss@kwt.example',
    );
    expect(mail).toHaveLength(1);
    const token = /\/survey\/([\w-]+)/.exec(mail[0]?.body ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const [row] = await t.db.db
      .select()
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.nominationId, first.nominationId),
          eq(surveyInvitations.respondent, 'supervisor'),
        ),
      );
    expect(row?.tokenHash).not.toBe(token);
    expectProblem(
      await setSupervisor(registrar, first.nominationId, 'other@kwt.example'),
      409,
      'supervisor_already_invited',
    );

    // A supervisor named after level 3 went out is asked at once.
    const late = await setSupervisor(registrar, second.nominationId, 'chief@kwt.example');
    expect(late.json<SupervisorLine>().state).toBe('sent');

    // The supervisor answers through the link, without an account.
    const form = await call(t.app, null, 'GET', `/api/v1/surveys/public/${token}?locale=ar`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json<SurveyForm>()).toMatchObject({
      respondent: 'supervisor',
      level: 3,
      title: 'بعد ستة أشهر',
    });
    expect(form.json<SurveyForm>().aboutName).toBe('سالم العلي');
    const publicAnswer = (tok: string, answers: object) =>
      call(t.app, null, 'POST', `/api/v1/surveys/public/${tok}/answers`, { answers });
    expectProblem(await publicAnswer(token, { applied: 0 }), 400, 'validation_failed');
    expect((await publicAnswer(token, { applied: 4 })).statusCode).toBe(201);
    expectProblem(await publicAnswer(token, { applied: 4 }), 409, 'already_answered');
    expectProblem(
      await call(t.app, null, 'GET', `/api/v1/surveys/public/${'x'.repeat(43)}`),
      404,
      'not_found',
    );
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/surveys/public/short'),
      400,
      'validation_failed',
    );

    const supervisors = (
      await results(registrar, 'CT-A', 3, '?respondent=supervisor')
    ).json<SurveyResults>();
    expect(supervisors).toMatchObject({
      supervisors: { invited: 2, answered: 1 },
      responseRate: 0.5,
    });
    expect(supervisors.questions[0]).toMatchObject({ distribution: [0, 0, 0, 1, 0] });
    expect(supervisors.nonRespondents?.map((n) => n.email)).toEqual(['chief@kwt.example']);
  });
  it('lists the sessions surveyed, each reader within their reach', async () => {
    type Summary = { code: string; levels: { level: number; invited: number; answered: number }[] };
    const list = async (who: Browser) =>
      (await call(t.app, who, 'GET', '/api/v1/surveys/sessions')).json<Summary[]>();
    const all = await list(registrar);
    expect(all.map((s) => s.code).sort()).toEqual(['CT-A', 'CT-B', 'MD-A']);
    expect(all.find((s) => s.code === 'CT-A')?.levels).toEqual([
      { level: 1, invited: 4, answered: 2 },
      { level: 3, invited: 6, answered: 1 },
    ]);
    expect((await list(director)).map((s) => s.code)).toEqual(['CT-A']);
    expect((await list(otherDirector)).map((s) => s.code)).toEqual([]);
    expect((await list(observerQat)).map((s) => s.code).sort()).toEqual(['CT-A', 'CT-B']);
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/surveys/sessions'), 403, 'forbidden');
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/surveys/sessions'),
      401,
      'unauthenticated',
    );
    expectProblem(await call(t.app, null, 'GET', '/api/v1/me/surveys'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, director, 'GET', '/api/v1/sessions/CT-A/surveys/supervisors'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/sessions/NOPE/surveys/supervisors'),
      404,
      'not_found',
    );
  });
  it('freezes the questions of a template that has answers, not its wording', async () => {
    const { code: _code, ...update } = level1Template('L1-STD');
    const put = (body: object) =>
      call(t.app, registrar, 'PUT', '/api/v1/surveys/templates/L1-STD', body);
    expectProblem(
      await put({ ...update, questions: update.questions.slice(0, 2) }),
      409,
      'template_in_use',
    );
    expectProblem(await put({ ...update, anonymous: true }), 409, 'template_in_use');
    expectProblem(await put({ ...update, questions: [] }), 400, 'validation_failed');
    const reworded = await put({ ...update, title: { en: 'End of course, reworded' } });
    expect(reworded.statusCode, reworded.body).toBe(200);
    expectProblem(
      await call(t.app, registrar, 'DELETE', '/api/v1/surveys/templates/L1-STD'),
      409,
      'template_in_use',
    );
    expectProblem(
      await call(t.app, director, 'DELETE', '/api/v1/surveys/templates/L1-STD'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/activities/CT-BASIC/surveys'),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, npoc, 'GET', '/api/v1/activities/CT-BASIC/surveys'),
      403,
      'forbidden',
    );
  });
});
