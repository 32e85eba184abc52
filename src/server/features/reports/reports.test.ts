import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { exportAuditsOf } from '../../../../test/support/audit.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type {
  DeliveryReport,
  EvaluationsReport,
  RatesReport,
  TrainedReport,
} from '../../../contract/reports.js';
import {
  nominations,
  plannedActivities,
  programmeGoals,
  programmeObjectives,
  programmes,
  sessionQuotas,
  surveyInvitations,
  surveyResponses,
  surveyTemplates,
  trainingSessions,
  users,
} from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { makePerson } from '../nominations/test-fixtures.js';
import { createNation } from '../partners/nations.service.js';
import { deliveredSession, seatedNomination } from '../results/test-fixtures.js';
import { transitionSession } from '../sessions/service.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { evaluationScores } from './queries.js';
import { refreshReportRollups } from './rollups.js';

async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('reports', () => {
  let t: TestApp;
  let observer: Browser;
  let registrar: Browser;
  let npocKwt: Browser;
  let observerQat: Browser;
  let instructor: Browser;
  let frenchObserver: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    // A nation and an activity whose names a spreadsheet would run as formulas.
    await db.transaction((tx) =>
      createNation(systemContext(tx, 'test'), {
        code: 'OMN',
        name: { en: '=SUM(1+1)' },
        frameworkCode: 'ICI',
        status: 'member',
        joinedOn: '2005-02-01',
      }),
    );
    const activityId = await makeActivity(db, 'CT-REP', { title: { en: '@Crisis management' } });
    const sessionId = await deliveredSession(db, 'REP-27', 'CT-REP');
    await db
      .update(trainingSessions)
      .set({ status: 'completed', capacity: 10 })
      .where(eq(trainingSessions.id, sessionId));
    await db.insert(sessionQuotas).values({ sessionId, nationCode: 'OMN', seats: 2 });

    const seat = async (nation: string, result: string | null) => {
      const id = await seatedNomination(db, sessionId, await makePerson(db, nation), nation);
      await db.update(nominations).set({ result }).where(eq(nominations.id, id));
      return id;
    };
    const kwtDone = await seat('KWT', 'completed');
    await seat('KWT', 'completed');
    await seat('KWT', 'no-show');
    const qatDone = await seat('QAT', 'completed');
    await seat('QAT', 'failed');
    await db.insert(nominations).values({
      sessionId,
      participantId: await makePerson(db, 'QAT'),
      nationCode: 'QAT',
      status: 'rejected',
      eligibility: { eligible: true, lines: [] },
    });
    await seat('OMN', 'completed');
    const all = await db.select({ id: nominations.id }).from(nominations);
    await db
      .update(nominations)
      .set({ submittedAt: new Date('2027-01-10T08:00:00Z') })
      .where(
        inArray(
          nominations.id,
          all.map((n) => n.id),
        ),
      );

    // Level-1 answers: Kuwait's 4, Qatar's 2 and an anonymous 5.
    const [template] = await db
      .insert(surveyTemplates)
      .values({
        code: 'L1-REP',
        title: { en: 'Reaction' },
        level: 1,
        questions: [
          { id: 'overall', kind: 'scale', text: { en: 'Overall' }, required: true },
          { id: 'comment', kind: 'text', text: { en: 'Comment' }, required: false },
        ],
      })
      .returning({ id: surveyTemplates.id });
    if (!template) throw new Error('no template');
    const answer = async (nominationId: string | null, overall: number) => {
      let invitationId: string | null = null;
      if (nominationId) {
        const [inv] = await db
          .insert(surveyInvitations)
          .values({
            sessionId,
            nominationId,
            templateId: template.id,
            level: 1,
            respondent: 'participant',
            closesAt: new Date('2027-04-01T00:00:00Z'),
          })
          .returning({ id: surveyInvitations.id });
        invitationId = inv?.id ?? null;
      }
      await db.insert(surveyResponses).values({
        sessionId,
        templateId: template.id,
        level: 1,
        respondent: 'participant',
        invitationId,
        answers: { overall, comment: 'fine' },
      });
    };
    await answer(kwtDone, 4);
    await answer(qatDone, 2);
    await answer(null, 5);

    // Kuwait plans 5 seats in 2027 (one completed serves it); Qatar 3 over 2027-2028 (2 + 1);
    // Oman's draft counts for nothing.
    const plan = async (nation: string, status: string, years: number[], seats: number) => {
      const [p] = await db
        .insert(programmes)
        .values({
          nationCode: nation,
          title: { en: `${nation} programme` },
          startYear: 2026,
          endYear: 2029,
          status,
        })
        .returning({ id: programmes.id });
      const [o] = await db
        .insert(programmeObjectives)
        .values({ programmeId: p?.id ?? '', position: 1, title: { en: 'Objective' } })
        .returning({ id: programmeObjectives.id });
      const [g] = await db
        .insert(programmeGoals)
        .values({ objectiveId: o?.id ?? '', position: 1, title: { en: 'Goal' } })
        .returning({ id: programmeGoals.id });
      const [pa] = await db
        .insert(plannedActivities)
        .values({ goalId: g?.id ?? '', activityId, years, seatsPlanned: seats })
        .returning({ id: plannedActivities.id });
      return pa?.id ?? '';
    };
    const kwtPlanned = await plan('KWT', 'agreed', [2027], 5);
    await plan('QAT', 'active', [2027, 2028], 3);
    await plan('OMN', 'draft', [2027], 9);
    await db
      .update(nominations)
      .set({ plannedActivityId: kwtPlanned })
      .where(eq(nominations.id, kwtDone));

    // A cancelled session: its nominations count as cancelled, apart, and nowhere else.
    const cancelledId = await deliveredSession(db, 'REP-X-27', 'CT-REP', { status: 'confirmed' });
    const kwtNomination = async (status: string, submitted: boolean) =>
      db.insert(nominations).values({
        sessionId: cancelledId,
        participantId: await makePerson(db, 'KWT'),
        nationCode: 'KWT',
        status,
        submittedAt: submitted ? new Date('2027-01-12T08:00:00Z') : null,
        eligibility: { eligible: true, lines: [] },
      });
    await kwtNomination('submitted', true);
    await kwtNomination('waitlisted', true);
    await kwtNomination('draft', false);
    await kwtNomination('withdrawn', true);
    await db.transaction((tx) =>
      transitionSession(systemContext(tx, 'test'), 'REP-X-27', {
        to: 'cancelled',
        reason: 'Too few nominations',
      }),
    );

    // The reports read roll-ups; the server refreshes them on a timer, the test at once.
    await refreshReportRollups(db);

    observer = await signInAs(t, ['observer']);
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    observerQat = await signInAs(t, ['observer'], 'QAT');
    instructor = await signInAs(t, ['instructor']);
    const french = await makeUser(db, ['observer']);
    await db.update(users).set({ locale: 'fr' }).where(eq(users.email, french.email));
    frenchObserver = await signIn(t.app, french.email, french.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (who: Browser | null, url: string) => call(t.app, who, 'GET', url);

  describe('GET /reports/trained', () => {
    it('counts nominated, selected and trained people per nation for an unscoped reader', async () => {
      const response = await get(observer, '/api/v1/reports/trained?groupBy=nation');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<TrainedReport>()).toEqual({
        groupBy: 'nation',
        asOf: expect.any(String),
        rows: [
          {
            key: 'KWT',
            label: 'Kuwait',
            trained: 2,
            selected: 3,
            nominated: 3,
            sessionCancelled: 2,
          },
          {
            key: 'OMN',
            label: '=SUM(1+1)',
            trained: 1,
            selected: 1,
            nominated: 1,
            sessionCancelled: 0,
          },
          {
            key: 'QAT',
            label: 'Qatar',
            trained: 1,
            selected: 2,
            nominated: 3,
            sessionCancelled: 0,
          },
        ],
      });
    });

    it('groups by discipline, provider and year, and filters by year and discipline', async () => {
      const byDiscipline = await get(registrar, '/api/v1/reports/trained?groupBy=discipline');
      expect(byDiscipline.json<TrainedReport>().rows).toEqual([
        {
          key: 'CT',
          label: 'Counter-terrorism',
          trained: 4,
          selected: 6,
          nominated: 7,
          sessionCancelled: 2,
        },
      ]);
      const byYear = await get(registrar, '/api/v1/reports/trained?groupBy=year&from=2027&to=2027');
      expect(byYear.json<TrainedReport>().rows).toEqual([
        { key: '2027', label: '2027', trained: 4, selected: 6, nominated: 7, sessionCancelled: 2 },
      ]);
      const byProvider = await get(registrar, '/api/v1/reports/trained?groupBy=provider');
      expect(byProvider.json<TrainedReport>().rows.map((r) => [r.key, r.trained])).toEqual([
        ['NIRC', 4],
      ]);
      const otherYears = await get(registrar, '/api/v1/reports/trained?from=2028&to=2030');
      expect(otherYears.json<TrainedReport>().rows).toEqual([]);
      const otherDiscipline = await get(registrar, '/api/v1/reports/trained?discipline=CYBER');
      expect(otherDiscipline.json<TrainedReport>().rows).toEqual([]);
      const oneNation = await get(observer, '/api/v1/reports/trained?nation=QAT');
      expect(oneNation.json<TrainedReport>().rows.map((r) => r.key)).toEqual(['QAT']);
    });

    it("shows a nation's NPOC and nation-bound observer only their own nation", async () => {
      const kwt = await get(npocKwt, '/api/v1/reports/trained?groupBy=nation');
      expect(kwt.json<TrainedReport>().rows).toEqual([
        { key: 'KWT', label: 'Kuwait', trained: 2, selected: 3, nominated: 3, sessionCancelled: 2 },
      ]);
      const kwtByDiscipline = await get(npocKwt, '/api/v1/reports/trained?groupBy=discipline');
      expect(kwtByDiscipline.json<TrainedReport>().rows).toEqual([
        {
          key: 'CT',
          label: 'Counter-terrorism',
          trained: 2,
          selected: 3,
          nominated: 3,
          sessionCancelled: 2,
        },
      ]);
      const asksForQatar = await get(npocKwt, '/api/v1/reports/trained?nation=QAT');
      expect(asksForQatar.statusCode).toBe(200);
      expect(asksForQatar.json<TrainedReport>().rows).toEqual([]);
      const qat = await get(observerQat, '/api/v1/reports/trained');
      expect(qat.json<TrainedReport>().rows.map((r) => r.key)).toEqual(['QAT']);
    });

    it('refuses bad filters, anonymous readers and roles without reports.read', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/trained?groupBy=colour'),
        400,
        'validation_failed',
      );
      expectProblem(
        await get(observer, '/api/v1/reports/trained?from=2030&to=2020'),
        400,
        'validation_failed',
      );
      expectProblem(
        await get(observer, '/api/v1/reports/trained?nation=kw'),
        400,
        'validation_failed',
      );
      expectProblem(
        await get(observer, '/api/v1/reports/trained?colour=red'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/trained'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/trained'), 403, 'forbidden');
    });
  });

  describe('GET /reports/rates', () => {
    it('computes fill, no-show and completion rates over completed sessions', async () => {
      const response = await get(observer, '/api/v1/reports/rates?groupBy=nation');
      expect(response.statusCode, response.body).toBe(200);
      const rows = response.json<RatesReport>().rows;
      expect(rows.find((r) => r.key === 'KWT')).toEqual({
        key: 'KWT',
        label: 'Kuwait',
        capacity: 4,
        selected: 3,
        completed: 2,
        noShow: 1,
        fillRate: 75,
        noShowRate: 33.3,
        completionRate: 66.7,
      });
      expect(rows.find((r) => r.key === 'QAT')).toMatchObject({
        capacity: 3,
        selected: 2,
        fillRate: 66.7,
        noShowRate: 0,
        completionRate: 50,
      });
      const byDiscipline = await get(observer, '/api/v1/reports/rates?groupBy=discipline');
      expect(byDiscipline.json<RatesReport>().rows).toEqual([
        expect.objectContaining({ key: 'CT', capacity: 10, selected: 6, fillRate: 60 }),
      ]);
    });

    it("gives an NPOC their nation's quota as the seats, and nothing of another nation", async () => {
      const mine = await get(npocKwt, '/api/v1/reports/rates?groupBy=discipline');
      expect(mine.json<RatesReport>().rows).toEqual([
        expect.objectContaining({ key: 'CT', capacity: 4, selected: 3, fillRate: 75 }),
      ]);
      const other = await get(npocKwt, '/api/v1/reports/rates?nation=QAT');
      expect(other.json<RatesReport>().rows).toEqual([]);
    });

    it('refuses bad input, anonymous readers and other roles', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/rates?from=abc'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/rates'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/rates'), 403, 'forbidden');
    });
  });

  describe('GET /reports/evaluations', () => {
    it('averages level-1 scale answers per activity and year', async () => {
      const response = await get(observer, '/api/v1/reports/evaluations');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<EvaluationsReport>()).toEqual({
        asOf: expect.any(String),
        total: 1,
        rows: [
          {
            activityCode: 'CT-REP',
            activityTitle: '@Crisis management',
            disciplineCode: 'CT',
            year: 2027,
            responses: 3,
            meanScore: 3.67,
          },
        ],
      });
    });

    it('caps the rows a page shows, and still counts them all', async () => {
      const page = await evaluationScores(t.db.db, { kind: 'all' }, {}, 0);
      expect(page).toEqual({ rows: [], total: 1 });
      const all = await evaluationScores(t.db.db, { kind: 'all' }, {});
      expect(all.total).toBe(1);
    });

    it("counts for an NPOC only their own nation's answers", async () => {
      const mine = await get(npocKwt, '/api/v1/reports/evaluations');
      expect(mine.json<EvaluationsReport>().rows).toEqual([
        expect.objectContaining({ responses: 1, meanScore: 4 }),
      ]);
      const other = await get(npocKwt, '/api/v1/reports/evaluations?nation=QAT');
      expect(other.json<EvaluationsReport>().rows).toEqual([]);
    });

    it('refuses bad input, anonymous readers and other roles', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/evaluations?to=1800'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/evaluations'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/evaluations'), 403, 'forbidden');
    });
  });

  describe('GET /reports/programme-delivery', () => {
    it('sets seats planned by agreed and active programmes against completed ones', async () => {
      const response = await get(observer, '/api/v1/reports/programme-delivery');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<DeliveryReport>().rows).toEqual([
        {
          nationCode: 'KWT',
          nationName: 'Kuwait',
          year: 2027,
          planned: 5,
          completed: 1,
          deliveryRate: 20,
        },
        {
          nationCode: 'QAT',
          nationName: 'Qatar',
          year: 2027,
          planned: 2,
          completed: 0,
          deliveryRate: 0,
        },
        {
          nationCode: 'QAT',
          nationName: 'Qatar',
          year: 2028,
          planned: 1,
          completed: 0,
          deliveryRate: 0,
        },
      ]);
      const oneYear = await get(observer, '/api/v1/reports/programme-delivery?from=2028&to=2028');
      expect(oneYear.json<DeliveryReport>().rows.map((r) => [r.nationCode, r.year])).toEqual([
        ['QAT', 2028],
      ]);
    });

    it('shows an NPOC only their own programme', async () => {
      const mine = await get(npocKwt, '/api/v1/reports/programme-delivery');
      expect(mine.json<DeliveryReport>().rows.map((r) => r.nationCode)).toEqual(['KWT']);
      const other = await get(npocKwt, '/api/v1/reports/programme-delivery?nation=QAT');
      expect(other.json<DeliveryReport>().rows).toEqual([]);
    });

    it('refuses bad input, anonymous readers and other roles', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/programme-delivery?discipline=x'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/programme-delivery'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/programme-delivery'), 403, 'forbidden');
    });
  });

  describe('CSV and XLSX downloads', () => {
    it('writes the CSV with headers in the reader language and formulas escaped', async () => {
      const response = await get(observer, '/api/v1/reports/trained.csv?groupBy=nation');
      expect(response.statusCode, response.body).toBe(200);
      expect(await exportAuditsOf(t.db.pool, response)).toEqual([
        {
          actorId: observer.userId,
          entityType: 'report',
          entityId: 'trained',
          after: { export: 'report', format: 'csv', rows: 3, filters: { groupBy: 'nation' } },
        },
      ]);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toContain('trained-by-nation.csv');
      const lines = response.body.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines).toEqual([
        'Code,Nation,Nominated,Selected,Trained,Session cancelled',
        'KWT,Kuwait,3,3,2,2',
        "OMN,'=SUM(1+1),1,1,1,0",
        'QAT,Qatar,3,2,1,0',
      ]);
      const french = await get(frenchObserver, '/api/v1/reports/rates.csv?groupBy=nation');
      expect(french.body.split('\r\n')[0]).toBe(
        "\uFEFFCode,Nation,Places,Sélectionnés,Terminé,Absents,Taux de remplissage (%),Taux d'absence (%),Taux de réussite (%)",
      );
      const evaluations = await get(observer, '/api/v1/reports/evaluations.csv');
      expect(evaluations.body).toContain(",'@Crisis management,");
    });

    it('writes the XLSX with the same cells, escaped', async () => {
      const response = await get(observer, '/api/v1/reports/programme-delivery.xlsx');
      expect(response.statusCode, response.body).toBe(200);
      expect((await exportAuditsOf(t.db.pool, response))[0]).toMatchObject({
        entityId: 'programme-delivery',
        after: { export: 'report', format: 'xlsx' },
      });
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const rows = await sheetRows(response.rawPayload);
      expect(rows[0]).toEqual([
        'Nation code',
        'Nation',
        'Year',
        'Seats planned',
        'Completed',
        'Delivered (%)',
      ]);
      expect(rows[1]).toEqual(['KWT', 'Kuwait', 2027, 5, 1, 20]);
      const trained = await sheetRows(
        (await get(observer, '/api/v1/reports/trained.xlsx?groupBy=nation')).rawPayload,
      );
      expect(trained).toContainEqual(['OMN', "'=SUM(1+1)", 1, 1, 1, 0]);
    });

    it('keeps nation scoping in the downloads', async () => {
      const csv = await get(npocKwt, '/api/v1/reports/trained.csv?groupBy=nation');
      expect(csv.body).toContain('KWT');
      expect(csv.body).not.toContain('QAT');
      const xlsx = await sheetRows(
        (await get(npocKwt, '/api/v1/reports/rates.xlsx?nation=QAT')).rawPayload,
      );
      expect(xlsx).toHaveLength(1);
    });

    it('refuses bad input, anonymous readers and other roles', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/rates.csv?groupBy=x'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/rates.xlsx'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/trained.csv'), 403, 'forbidden');
    });
  });

  describe('GET /reports/annual/:nationCode/:year.pdf', () => {
    it("prints a nation's year: trained by discipline, rates and programme delivery", async () => {
      const response = await get(observer, '/api/v1/reports/annual/KWT/2027.pdf');
      expect(response.statusCode, response.body).toBe(200);
      expect(await exportAuditsOf(t.db.pool, response)).toEqual([
        {
          actorId: observer.userId,
          entityType: 'nation',
          entityId: 'KWT',
          after: { export: 'annual-report', format: 'pdf', filters: { year: 2027, locale: 'en' } },
        },
      ]);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = pdfText(response.rawPayload);
      expect(text).toContain('Annual training report 2027: Kuwait');
      expect(text).toContain('Counter-terrorism');
      expect(text).toMatch(/75%/);
      expect(text).toMatch(/20%/);
    });

    it('prints it in Arabic, shaped', async () => {
      const response = await get(npocKwt, '/api/v1/reports/annual/KWT/2027.pdf?locale=ar');
      expect(response.statusCode, response.body).toBe(200);
      const text = pdfText(response.rawPayload);
      expect(text).toContain('التقرير السنوي للتدريب');
      expect(text).toContain('تنفيذ البرنامج');
    });

    it("hides another nation's report from an NPOC, and unknown nations from everyone", async () => {
      const refused = await get(npocKwt, '/api/v1/reports/annual/QAT/2027.pdf');
      expectProblem(refused, 404, 'not_found');
      expect(await exportAuditsOf(t.db.pool, refused)).toEqual([]);
      expectProblem(await get(observer, '/api/v1/reports/annual/XXX/2027.pdf'), 404, 'not_found');
    });

    it('refuses bad input, anonymous readers and other roles', async () => {
      expectProblem(
        await get(observer, '/api/v1/reports/annual/kwt/2027.pdf'),
        400,
        'validation_failed',
      );
      expectProblem(
        await get(observer, '/api/v1/reports/annual/KWT/27.pdf'),
        400,
        'validation_failed',
      );
      expectProblem(await get(null, '/api/v1/reports/annual/KWT/2027.pdf'), 401, 'unauthenticated');
      expectProblem(await get(instructor, '/api/v1/reports/annual/KWT/2027.pdf'), 403, 'forbidden');
    });
  });
});
