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
import type {
  Programme,
  ProgrammeRevision,
  ProgrammeSummary,
} from '../../../contract/programmes.js';
import { auditLog, nominations, trainingSessions } from '../../db/schema/index.js';
import { makePerson, openSession } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

describe('programmes', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let npocQat: Browser;
  let observer: Browser;
  let nominator: Browser;
  let activityId: string;
  let sessionYear: number;
  let kwt: Programme;
  let qat: Programme;

  const outline = (seats = 4) => ({
    objectives: [
      {
        title: { en: 'Interoperability', ar: 'قابلية التشغيل البيني' },
        goals: [
          {
            title: { en: 'Trained counter-terrorism officers' },
            plannedActivities: [
              { activityId, years: [2026, 2027, 2028, 2029], seatsPlanned: seats, priority: 1 },
              { freeText: 'Staff talks', years: [2027], seatsPlanned: 2 },
            ],
          },
        ],
      },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    activityId = await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    observer = await signInAs(t, ['observer']);
    nominator = await signInAs(t, ['nominator'], 'KWT');
    const sessionId = await openSession(t.db.db, 'CT-P-01', 'CT-BASIC', {
      quotas: [
        { nationCode: 'KWT', seats: 3 },
        { nationCode: 'QAT', seats: 2 },
      ],
    });
    const [s] = await t.db.db
      .select({ start: trainingSessions.startDate })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId));
    sessionYear = Number(s?.start.slice(0, 4));
    for (const [status, result] of [
      ['selected', 'completed'],
      ['selected', 'no-show'],
    ] as const) {
      await t.db.db.insert(nominations).values({
        sessionId,
        participantId: await makePerson(t.db.db, 'KWT'),
        nationCode: 'KWT',
        status,
        seatSource: 'quota',
        result,
        eligibility: { lines: [], eligible: true },
        submittedAt: new Date(),
      });
    }
  });
  afterAll(() => t.close());

  const create = (session: Browser | null, body: object) =>
    call(t.app, session, 'POST', '/api/v1/programmes', body);
  const programmeBody = (nationCode: string, extra: object = {}) => ({
    nationCode,
    title: { en: `${nationCode} programme 2026-2029` },
    startYear: 2026,
    endYear: 2029,
    ...outline(),
    ...extra,
  });

  describe('POST /programmes', () => {
    it('lets the NPOC draft their own nation’s programme, audited', async () => {
      const response = await create(npoc, programmeBody('KWT'));
      expect(response.statusCode, response.body).toBe(201);
      kwt = response.json<Programme>();
      expect(kwt).toMatchObject({ nationCode: 'KWT', status: 'draft', version: 1 });
      expect(kwt.objectives[0]?.goals[0]?.plannedActivities).toHaveLength(2);
      expect(kwt.outlineEdit).toBe('free');
      expect(kwt.allowedTransitions).toEqual(['proposed']);
      const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.entityId, kwt.id));
      expect(audit.map((a) => a.action)).toEqual(['programme.created']);
    });

    it('lets the registrar draft any nation’s programme', async () => {
      const response = await create(registrar, programmeBody('QAT'));
      expect(response.statusCode, response.body).toBe(201);
      qat = response.json<Programme>();
    });

    it('refuses an NPOC drafting another nation’s programme', async () => {
      expectProblem(await create(npoc, programmeBody('QAT')), 403, 'forbidden');
    });

    it('refuses bad input without writing anything', async () => {
      expectProblem(
        await create(registrar, programmeBody('KWT', { endYear: 2025 })),
        400,
        'validation_failed',
      );
      expectProblem(await create(registrar, programmeBody('XXX')), 400, 'validation_failed');
      expectProblem(await create(registrar, { nationCode: 'KWT' }), 400, 'validation_failed');
      const bad = programmeBody('KWT', {
        objectives: [
          {
            title: { en: 'O' },
            goals: [
              { title: { en: 'G' }, plannedActivities: [{ years: [2026], seatsPlanned: 1 }] },
            ],
          },
        ],
      });
      expectProblem(await create(registrar, bad), 400, 'validation_failed');
      const outside = programmeBody('KWT', {
        objectives: [
          {
            title: { en: 'O' },
            goals: [
              {
                title: { en: 'G' },
                plannedActivities: [{ activityId, years: [2031], seatsPlanned: 1 }],
              },
            ],
          },
        ],
      });
      expectProblem(await create(registrar, outside), 400, 'validation_failed');
      const list = await call(t.app, registrar, 'GET', '/api/v1/programmes');
      expect(list.json<{ items: ProgrammeSummary[] }>().items).toHaveLength(2);
    });

    it('needs a session and the right role', async () => {
      expectProblem(await create(null, programmeBody('KWT')), 401, 'unauthenticated');
      expectProblem(await create(observer, programmeBody('KWT')), 403, 'forbidden');
      expectProblem(await create(nominator, programmeBody('KWT')), 403, 'forbidden');
    });
  });

  describe('GET /programmes and /programmes/:id', () => {
    it('scopes the list to the reader’s nation; observers see all', async () => {
      const mine = await call(t.app, npoc, 'GET', '/api/v1/programmes');
      expect(mine.json<{ items: ProgrammeSummary[] }>().items.map((p) => p.nationCode)).toEqual([
        'KWT',
      ]);
      const all = await call(t.app, observer, 'GET', '/api/v1/programmes');
      expect(all.json<{ items: ProgrammeSummary[] }>().items.map((p) => p.nationCode)).toEqual([
        'KWT',
        'QAT',
      ]);
      const filtered = await call(
        t.app,
        observer,
        'GET',
        '/api/v1/programmes?nationCode=QAT&status=draft',
      );
      expect(filtered.json<{ items: ProgrammeSummary[] }>().items).toHaveLength(1);
      expectProblem(
        await call(t.app, observer, 'GET', '/api/v1/programmes?status=nope'),
        400,
        'validation_failed',
      );
      expectProblem(await call(t.app, null, 'GET', '/api/v1/programmes'), 401, 'unauthenticated');
      expectProblem(await call(t.app, nominator, 'GET', '/api/v1/programmes'), 403, 'forbidden');
    });

    it('computes progress from the delivery data, with the reasons it lags', async () => {
      const response = await call(t.app, npoc, 'GET', `/api/v1/programmes/${kwt.id}`);
      expect(response.statusCode, response.body).toBe(200);
      const programme = response.json<Programme>();
      const [line, free] = programme.objectives[0]?.goals[0]?.plannedActivities ?? [];
      expect(line?.activityCode).toBe('CT-BASIC');
      expect(line?.progress).toMatchObject({
        planned: 4,
        offered: 3,
        nominated: 2,
        selected: 2,
        completed: 1,
        noShows: 1,
      });
      // The year of the session met its share of the plan; the other years have nothing scheduled.
      expect(line?.progress.lagReasons).toEqual(['no-session-scheduled']);
      expect(line?.byYear.find((y) => y.year === sessionYear)).toMatchObject({
        offered: 3,
        completed: 1,
      });
      expect(free?.progress).toMatchObject({
        planned: 2,
        offered: 0,
        lagReasons: ['no-session-scheduled'],
      });
      expect(programme.objectives[0]?.goals[0]?.progress).toMatchObject({
        planned: 6,
        completed: 1,
      });
      expect(programme.progress.planned).toBe(6);
      // Qatar's figures are Qatar's own: its quota, none of Kuwait's nominations.
      const qatar = await call(t.app, observer, 'GET', `/api/v1/programmes/${qat.id}`);
      expect(qatar.json<Programme>().progress).toMatchObject({
        offered: 2,
        nominated: 0,
        completed: 0,
      });
    });

    it('hides another nation’s programme', async () => {
      expectProblem(
        await call(t.app, npoc, 'GET', `/api/v1/programmes/${qat.id}`),
        404,
        'not_found',
      );
      expectProblem(
        await call(t.app, npoc, 'GET', '/api/v1/programmes/not-a-uuid'),
        400,
        'validation_failed',
      );
      expectProblem(
        await call(t.app, null, 'GET', `/api/v1/programmes/${kwt.id}`),
        401,
        'unauthenticated',
      );
      expectProblem(
        await call(t.app, nominator, 'GET', `/api/v1/programmes/${kwt.id}`),
        403,
        'forbidden',
      );
    });
  });

  describe('outline and life cycle', () => {
    const put = (session: Browser | null, id: string, body: object) =>
      call(t.app, session, 'PUT', `/api/v1/programmes/${id}/outline`, body);
    const move = (session: Browser | null, id: string, body: object) =>
      call(t.app, session, 'POST', `/api/v1/programmes/${id}/transitions`, body);

    it('lets the NPOC and the centre edit a draft, keeping nodes by id', async () => {
      const current = kwt.objectives[0];
      const goal = current?.goals[0];
      const line = goal?.plannedActivities[0];
      const response = await put(npoc, kwt.id, {
        objectives: [
          {
            id: current?.id,
            title: { en: 'Interoperability' },
            goals: [
              {
                id: goal?.id,
                title: { en: 'Trained officers' },
                plannedActivities: [
                  { id: line?.id, activityId, years: [2026, 2027], seatsPlanned: 5 },
                ],
              },
            ],
          },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const edited = response.json<Programme>();
      expect(edited.version).toBe(1);
      expect(edited.objectives[0]?.goals[0]?.plannedActivities.map((p) => p.id)).toEqual([
        line?.id,
      ]);
      expect((await put(registrar, kwt.id, outline())).statusCode).toBe(200);
    });

    it('refuses a bad outline, another nation’s programme and other roles', async () => {
      expectProblem(await put(npoc, kwt.id, { objectives: 'x' }), 400, 'validation_failed');
      expectProblem(
        await put(npoc, kwt.id, {
          objectives: [{ id: qat.objectives[0]?.id, title: { en: 'Stolen' } }],
        }),
        400,
        'validation_failed',
      );
      expectProblem(await put(npoc, qat.id, outline()), 404, 'not_found');
      expectProblem(await put(null, kwt.id, outline()), 401, 'unauthenticated');
      expectProblem(await put(observer, kwt.id, outline()), 403, 'forbidden');
    });

    it('proposes, refuses bad moves naming the allowed ones, and agrees', async () => {
      expectProblem(await move(npocQat, kwt.id, { to: 'proposed' }), 404, 'not_found');
      expectProblem(await move(null, kwt.id, { to: 'proposed' }), 401, 'unauthenticated');
      expectProblem(await move(npoc, kwt.id, { to: 'sideways' }), 400, 'validation_failed');
      const illegal = expectProblem(
        await move(npoc, kwt.id, { to: 'agreed' }),
        409,
        'invalid_transition',
      );
      expect(illegal.detail).toContain('proposed');
      expectProblem(await move(observer, kwt.id, { to: 'proposed' }), 403, 'forbidden');
      const proposed = await move(npoc, kwt.id, { to: 'proposed' });
      expect(proposed.statusCode, proposed.body).toBe(200);
      expect(proposed.json<Programme>().allowedTransitions).toEqual(['draft']);
      expectProblem(await put(npoc, kwt.id, outline()), 409, 'programme_not_editable');
      expectProblem(await move(npoc, kwt.id, { to: 'agreed' }), 403, 'forbidden');
      const agreed = await move(registrar, kwt.id, {
        to: 'agreed',
        reason: 'Signed at the annual talks',
      });
      expect(agreed.statusCode, agreed.body).toBe(200);
      expect(agreed.json<Programme>()).toMatchObject({ status: 'agreed', outlineEdit: 'revision' });
      expect(agreed.json<Programme>().agreedAt).not.toBeNull();
      expectProblem(await move(npoc, kwt.id, { to: 'active' }), 403, 'forbidden');
      expect((await move(registrar, kwt.id, { to: 'active' })).statusCode).toBe(200);
      const audit = await t.db.db.select().from(auditLog).where(eq(auditLog.entityId, kwt.id));
      expect(audit.filter((a) => a.action === 'programme.transitioned')).toHaveLength(3);
    });

    it('revises an agreed programme only with a reason, keeping the outline before', async () => {
      expectProblem(await put(npoc, kwt.id, outline(6)), 403, 'forbidden');
      expectProblem(await put(registrar, kwt.id, outline(6)), 400, 'validation_failed');
      const before = (
        await call(t.app, registrar, 'GET', `/api/v1/programmes/${kwt.id}`)
      ).json<Programme>();
      const keep = before.objectives.map((o) => ({
        id: o.id,
        title: o.title,
        goals: o.goals.map((g) => ({
          id: g.id,
          title: g.title,
          plannedActivities: g.plannedActivities.map((p) => ({
            id: p.id,
            activityId: p.activityId,
            freeText: p.freeText,
            years: p.years,
            seatsPlanned: p.activityId ? 8 : p.seatsPlanned,
            priority: p.priority,
          })),
        })),
      }));
      const revised = await put(registrar, kwt.id, {
        objectives: keep,
        reason: 'Annual review 2027',
      });
      expect(revised.statusCode, revised.body).toBe(200);
      expect(revised.json<Programme>()).toMatchObject({ version: 2, status: 'active' });
      const revisions = await call(t.app, npoc, 'GET', `/api/v1/programmes/${kwt.id}/revisions`);
      expect(revisions.statusCode).toBe(200);
      const [revision] = revisions.json<{ items: ProgrammeRevision[] }>().items;
      expect(revision).toMatchObject({ version: 2, reason: 'Annual review 2027' });
      expect(revision?.changes).toMatchObject({
        before: { seatsPlanned: 6 },
        after: { seatsPlanned: 10 },
      });
      expect(revision?.changes).toMatchObject({
        added: [],
        removed: [],
        changed: [{ seatsPlanned: [4, 8] }],
      });
      expect(JSON.stringify(revision?.snapshot)).toContain('"seatsPlanned":4');
    });

    it('lets a nomination serve a planned activity of the programme in force, shown on the board', async () => {
      const programme = (
        await call(t.app, npoc, 'GET', `/api/v1/programmes/${kwt.id}`)
      ).json<Programme>();
      const line = programme.objectives[0]?.goals[0]?.plannedActivities[0];
      const nominate = (plannedActivityId: string | undefined) =>
        makePerson(t.db.db, 'KWT').then((participantId) =>
          call(t.app, npoc, 'POST', '/api/v1/nominations', {
            sessionCode: 'CT-P-01',
            participantId,
            submit: true,
            plannedActivityId,
          }),
        );
      const qatLine = qat.objectives[0]?.goals[0]?.plannedActivities[0]?.id;
      expectProblem(await nominate(qatLine), 400, 'validation_failed');
      const free = programme.objectives[0]?.goals[0]?.plannedActivities[1]?.id;
      expectProblem(await nominate(free), 400, 'validation_failed');
      const linked = await nominate(line?.id);
      expect(linked.statusCode, linked.body).toBe(201);
      const board = await call(t.app, registrar, 'GET', '/api/v1/sessions/CT-P-01/selection-board');
      expect(board.statusCode, board.body).toBe(200);
      const shown = board
        .json<{ nominations: { id: string; plannedActivity?: { id: string } | null }[] }>()
        .nominations.find((n) => n.id === linked.json<{ id: string }>().id);
      expect(shown?.plannedActivity).toMatchObject({
        id: line?.id,
        label: { en: 'Trained counter-terrorism officers' },
      });
    });

    it('will not remove a planned activity nominations serve', async () => {
      const programme = (
        await call(t.app, registrar, 'GET', `/api/v1/programmes/${kwt.id}`)
      ).json<Programme>();
      const line = programme.objectives[0]?.goals[0]?.plannedActivities[0];
      await t.db.db.update(nominations).set({ plannedActivityId: line?.id ?? null });
      expectProblem(
        await put(registrar, kwt.id, { objectives: [], reason: 'Start again' }),
        409,
        'planned_activity_in_use',
      );
      expect(
        (await call(t.app, registrar, 'GET', `/api/v1/programmes/${kwt.id}`)).json<Programme>()
          .version,
      ).toBe(2);
    });

    it('shows revisions only to those who may see the programme', async () => {
      expectProblem(
        await call(t.app, npoc, 'GET', `/api/v1/programmes/${qat.id}/revisions`),
        404,
        'not_found',
      );
      expectProblem(
        await call(t.app, npoc, 'GET', '/api/v1/programmes/1/revisions'),
        400,
        'validation_failed',
      );
      expectProblem(
        await call(t.app, null, 'GET', `/api/v1/programmes/${kwt.id}/revisions`),
        401,
        'unauthenticated',
      );
      expectProblem(
        await call(t.app, nominator, 'GET', `/api/v1/programmes/${kwt.id}/revisions`),
        403,
        'forbidden',
      );
    });
  });
});
