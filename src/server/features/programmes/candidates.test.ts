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
import type { Nomination } from '../../../contract/nominations.js';
import type { PlannedCandidate, Programme } from '../../../contract/programmes.js';
import { trainingSessions } from '../../db/schema/index.js';
import { makePerson, openSession } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

describe('GET /sessions/:code/planned-activities', () => {
  let t: TestApp;
  let registrar: Browser;
  let admin: Browser;
  let npoc: Browser;
  let npocQat: Browser;
  let nominator: Browser;
  let observer: Browser;
  let year: number;
  let kwt: Programme;
  let qat: Programme;

  const candidates = (session: Browser | null, code: string, query = '') =>
    call(t.app, session, 'GET', `/api/v1/sessions/${code}/planned-activities${query}`);
  const items = async (session: Browser, code: string, query = '') => {
    const response = await candidates(session, code, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: PlannedCandidate[] }>().items;
  };

  /** A programme drafted by the registrar and, unless `draft`, agreed. */
  async function programme(nationCode: string, objectives: object[], draft = false) {
    const created = await call(t.app, registrar, 'POST', '/api/v1/programmes', {
      nationCode,
      title: { en: `${nationCode} programme` },
      startYear: year - 1,
      endYear: year + 2,
      objectives,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<Programme>();
    if (draft) return created.json<Programme>();
    const move = (to: string) =>
      call(t.app, registrar, 'POST', `/api/v1/programmes/${id}/transitions`, {
        to,
        reason: 'Signed at the annual talks',
      });
    expect((await move('proposed')).statusCode).toBe(200);
    const agreed = await move('agreed');
    expect(agreed.statusCode, agreed.body).toBe(200);
    return agreed.json<Programme>();
  }

  /** The planned activity of `p` with these planned seats (unique in each test programme). */
  const lineOf = (p: Programme, seats: number) =>
    p.objectives
      .flatMap((o) => o.goals.flatMap((g) => g.plannedActivities))
      .find((pa) => pa.seatsPlanned === seats)?.id;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    const activityId = await makeActivity(t.db.db, 'CT-CAND');
    const otherId = await makeActivity(t.db.db, 'CT-OTHER');
    await makeActivity(t.db.db, 'CT-KWT-ONLY', { releasability: { nations: ['KWT'] } });
    registrar = await signInAs(t, ['registrar']);
    admin = await signInAs(t, ['administrator']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    nominator = await signInAs(t, ['nominator'], 'KWT');
    observer = await signInAs(t, ['observer']);
    const sessionId = await openSession(t.db.db, 'CT-C-01', 'CT-CAND');
    await openSession(t.db.db, 'CT-C-02', 'CT-OTHER');
    await openSession(t.db.db, 'CT-C-03', 'CT-KWT-ONLY');
    const [s] = await t.db.db
      .select({ start: trainingSessions.startDate })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId));
    year = Number(s?.start.slice(0, 4));

    kwt = await programme('KWT', [
      {
        title: { en: 'Interoperability', ar: 'قابلية التشغيل البيني' },
        goals: [
          {
            title: { en: 'Trained planners', fr: 'Planificateurs formés' },
            plannedActivities: [
              // Five seats over two years: three in the first, as the progress counts them.
              { activityId, years: [year, year + 1], seatsPlanned: 5, priority: 2 },
              { activityId, years: [year + 1], seatsPlanned: 2, priority: 1 },
              { freeText: 'Staff talks', years: [year], seatsPlanned: 6 },
              { activityId: otherId, years: [year - 1], seatsPlanned: 1 },
            ],
          },
        ],
      },
      {
        title: { en: 'Counter-terrorism' },
        goals: [
          {
            title: { en: 'Trained counter-terrorism officers' },
            plannedActivities: [{ activityId, years: [year], seatsPlanned: 4, priority: 1 }],
          },
        ],
      },
    ]);
    await programme(
      'KWT',
      [
        {
          title: { en: 'Draft objective' },
          goals: [
            {
              title: { en: 'Not agreed yet' },
              plannedActivities: [{ activityId, years: [year], seatsPlanned: 1 }],
            },
          ],
        },
      ],
      true,
    );
    qat = await programme('QAT', [
      {
        title: { en: 'Maritime security' },
        goals: [
          {
            title: { en: 'Qatari goal' },
            plannedActivities: [{ activityId, years: [year], seatsPlanned: 3 }],
          },
        ],
      },
    ]);
  });
  afterAll(() => t.close());

  it('lists the NPOC’s goals in force for the session’s activity and year, first priority first', async () => {
    const list = await items(npoc, 'CT-C-01');
    expect(list.map((c) => c.id)).toEqual([lineOf(kwt, 4), lineOf(kwt, 5)]);
    expect(list[0]).toEqual({
      id: lineOf(kwt, 4),
      goalTitle: { en: 'Trained counter-terrorism officers' },
      objectiveTitle: { en: 'Counter-terrorism' },
      priority: 1,
      year,
      seatsPlanned: 4,
      programme: {
        id: kwt.id,
        title: { en: 'KWT programme' },
        startYear: year - 1,
        endYear: year + 2,
        status: 'agreed',
      },
    });
    expect(list[1]).toMatchObject({
      goalTitle: { en: 'Trained planners', fr: 'Planificateurs formés' },
      objectiveTitle: { en: 'Interoperability', ar: 'قابلية التشغيل البيني' },
      priority: 2,
      seatsPlanned: 3,
    });
    expect(await items(npoc, 'CT-C-01', '?nationCode=KWT')).toEqual(list);
  });

  it('gives a nominator the same choice, and the nomination accepts it and shows it', async () => {
    const list = await items(nominator, 'CT-C-01');
    expect(list.map((c) => c.id)).toEqual([lineOf(kwt, 4), lineOf(kwt, 5)]);
    const created = await call(t.app, nominator, 'POST', '/api/v1/nominations', {
      sessionCode: 'CT-C-01',
      participantId: await makePerson(t.db.db, 'KWT'),
      plannedActivityId: list[0]?.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Nomination>().plannedActivity).toEqual({
      id: list[0]?.id,
      label: { en: 'Trained counter-terrorism officers' },
    });
  });

  it('lets centre staff who nominate ask for any nation, and requires them to name it', async () => {
    const list = await items(admin, 'CT-C-01', '?nationCode=QAT');
    expect(list.map((c) => c.id)).toEqual([lineOf(qat, 3)]);
    expect(list[0]?.goalTitle).toEqual({ en: 'Qatari goal' });
    expect((await items(admin, 'CT-C-01', '?nationCode=KWT')).map((c) => c.id)).toEqual([
      lineOf(kwt, 4),
      lineOf(kwt, 5),
    ]);
    expectProblem(await candidates(admin, 'CT-C-01'), 400, 'validation_failed');
    expectProblem(await candidates(admin, 'CT-C-01', '?nationCode=kw'), 400, 'validation_failed');
  });

  it('never shows another nation’s goals to a nation', async () => {
    expectProblem(await candidates(npoc, 'CT-C-01', '?nationCode=QAT'), 404, 'not_found');
    expect((await items(npocQat, 'CT-C-01')).map((c) => c.id)).toEqual([lineOf(qat, 3)]);
  });

  it('is an empty list when no programme in force plans the session’s activity that year', async () => {
    expect(await items(npoc, 'CT-C-02')).toEqual([]);
    expect(await items(admin, 'CT-C-03', '?nationCode=KWT')).toEqual([]);
  });

  it('treats a session the nation may not see as not found', async () => {
    expectProblem(await candidates(npoc, 'CT-NOPE-1'), 404, 'not_found');
    expectProblem(await candidates(npocQat, 'CT-C-03'), 404, 'not_found');
    expectProblem(await candidates(admin, 'CT-C-03', '?nationCode=QAT'), 404, 'not_found');
  });

  it('needs a signed-in user who may nominate', async () => {
    expectProblem(await candidates(null, 'CT-C-01'), 401, 'unauthenticated');
    // Registrars and observers read programmes but do not nominate.
    expectProblem(await candidates(registrar, 'CT-C-01', '?nationCode=KWT'), 403, 'forbidden');
    expectProblem(await candidates(observer, 'CT-C-01', '?nationCode=KWT'), 403, 'forbidden');
    expectProblem(await candidates(npoc, 'CT-C-01', '?extra=1'), 400, 'validation_failed');
  });
});
