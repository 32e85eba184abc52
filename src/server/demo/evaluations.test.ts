import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import type { SurveyQuestion } from '../../contract/surveys.js';
import { checkAnswers } from '../../domain/surveys.js';
import { systemContext } from '../features/context.js';
import { evaluationScores } from '../features/reports/queries.js';
import { refreshReportRollups } from '../features/reports/rollups.js';
import { getSurveyResults } from '../features/surveys/results.js';
import { loadDemoEvaluations } from './evaluations.js';
import { loadDemoCentre } from './load.js';
import { DEMO_PARTICIPANT_EMAIL } from './surveys.js';

/** The past sessions the evaluations cover: the history's, on a course evaluated at level 1. */
const PAST_LEVEL_1 = `
  select s.id, s.code, s.end_date,
         count(*) filter (where n.result not in ('no-show', 'withdrawn'))::int as attended
    from training_sessions s
    join activities a on a.id = s.activity_id
    join activity_surveys l on l.activity_id = a.id and l.level = 1
    join nominations n on n.session_id = s.id and n.status = 'selected' and n.result is not null
   where s.status = 'completed' and 1 = any(a.evaluation_levels)
   group by s.id`;

/** The demo participant's level-1 invitations, with whether each is open on the day of the load. */
const PARTICIPANT_INVITATIONS = (now: Date) => `
  select i.session_id, i.answered_at, i.closes_at > '${now.toISOString()}' as open
    from survey_invitations i
    join nominations n on n.id = i.nomination_id
    join participants p on p.id = n.participant_id
    join users u on u.id = p.user_id
   where u.email = '${DEMO_PARTICIPANT_EMAIL}' and i.level = 1`;

describe('the demo evaluations', () => {
  let db: TestDatabase;
  const now = new Date('2026-11-26T09:00:00Z');
  /** The session `loadDemoSurveys` prepared, where the demo participant's survey waits. */
  const PARTICIPANT_SESSION = `select session_id from (${PARTICIPANT_INVITATIONS(now)}) p where p.open`;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];
  const counts = async () =>
    (
      await rows<{ invitations: number; responses: number }>(
        `select (select count(*)::int from survey_invitations) as invitations,
                (select count(*)::int from survey_responses) as responses`,
      )
    )[0];

  it('invited everyone who attended a past level-1 session, and most of them answered', async () => {
    const sessions = await rows<{
      code: string;
      attended: number;
      invited: number;
      answered: number;
      responses: number;
      early: number;
      late: number;
    }>(
      `select p.code, p.attended,
              (select count(*)::int from survey_invitations i
                where i.session_id = p.id and i.level = 1) as invited,
              (select count(*)::int from survey_invitations i
                where i.session_id = p.id and i.level = 1 and i.answered_at is not null) as answered,
              (select count(*)::int from survey_responses r
                where r.session_id = p.id and r.level = 1) as responses,
              (select count(*)::int from survey_invitations i
                where i.session_id = p.id and i.sent_at < p.end_date) as early,
              (select count(*)::int from survey_invitations i
                where i.session_id = p.id
                  and (i.answered_at < i.sent_at or i.answered_at > '${now.toISOString()}'
                       or i.answered_at >= i.closes_at)) as late
         from (${PAST_LEVEL_1}) p`,
    );
    expect(sessions.length).toBeGreaterThanOrEqual(5);
    for (const s of sessions) {
      expect(s, s.code).toMatchObject({ invited: s.attended, early: 0, late: 0 });
      expect(s.responses, s.code).toBe(s.answered);
    }
    const invited = sessions.reduce((sum, s) => sum + s.invited, 0);
    const answered = sessions.reduce((sum, s) => sum + s.answered, 0);
    expect(answered / invited).toBeGreaterThanOrEqual(0.65);
    expect(answered / invited).toBeLessThanOrEqual(0.85);
    // Nobody who did not come is asked.
    const [noShows] = await rows<{ n: number }>(
      `select count(*)::int as n from survey_invitations i join nominations n on n.id = i.nomination_id
        where n.result in ('no-show', 'withdrawn')`,
    );
    expect(noShows?.n).toBe(0);
  });

  it('stores answers the level-1 template accepts, some with comments in three languages', async () => {
    const responses = await rows<{
      answers: Record<string, never>;
      questions: SurveyQuestion[];
      anonymous: boolean;
      invitation_id: string | null;
    }>(
      `select r.answers, t.questions, t.anonymous, r.invitation_id
         from survey_responses r join survey_templates t on t.id = r.template_id
        where r.level = 1`,
    );
    expect(responses.length).toBeGreaterThan(50);
    for (const r of responses) {
      const checked = checkAnswers(r.questions, r.answers);
      expect(checked).toEqual({ ok: true, answers: r.answers });
      // The demo's level-1 template names its respondents, so every answer keeps its invitation.
      expect(r.anonymous).toBe(false);
      expect(r.invitation_id).not.toBeNull();
    }
    const overall = new Set(responses.map((r) => r.answers.overall));
    expect(overall.size).toBeGreaterThanOrEqual(3);
    const comments = responses.map((r) => r.answers.comments as string | undefined);
    expect(comments.some((c) => c === undefined)).toBe(true);
    expect(comments.some((c) => c && /[\u0600-\u06ff]/.test(c))).toBe(true);
    expect(comments.some((c) => c?.includes('é'))).toBe(true);
  });

  it("leaves the demo participant's session as the surveys loader prepared it", async () => {
    const invitations = await rows<{ answered_at: Date | null; open: boolean }>(
      PARTICIPANT_INVITATIONS(now),
    );
    // They attended past sessions too, but only the loader's survey is still open: the one the
    // browser tests answer, whose e-mail the loader queued.
    expect(invitations.length).toBeGreaterThan(1);
    const open = invitations.filter((i) => i.open);
    expect(open).toMatchObject([{ answered_at: null }]);
    const [sent] = await rows<{ times: number }>(
      `select count(distinct i.sent_at)::int as times from survey_invitations i
        where i.session_id = (${PARTICIPANT_SESSION})`,
    );
    // Sent once, by the surveys loader, at the load; nothing of the history's mixed in.
    expect(sent?.times).toBe(1);
  });

  it("gives a past session's survey results sensible counts", async () => {
    const [past] = await rows<{ code: string; attended: number }>(
      `select p.code, p.attended from (${PAST_LEVEL_1}) p
        where p.id <> (${PARTICIPANT_SESSION}) and p.attended >= 4
        order by p.end_date limit 1`,
    );
    if (!past) throw new Error('the demo has no past level-1 session of four or more');
    await db.db.transaction(async (tx) => {
      const results = await getSurveyResults(systemContext(tx, 'test'), past.code, 1, {
        respondent: 'participant',
      });
      const { invited, answered } = results.participants;
      expect(invited).toBe(past.attended);
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBeLessThan(invited);
      expect(results.responseRate).toBeCloseTo(answered / invited, 2);
      expect(results.template).toMatchObject({ code: 'L1-STANDARD', anonymous: false });
      expect(results.nonRespondents).toHaveLength(invited - answered);
      const overall = results.questions.find((q) => q.id === 'overall');
      expect(overall?.answered).toBe(answered);
      expect(overall?.distribution?.reduce((a, b) => a + b, 0)).toBe(answered);
      expect(overall?.mean).toBeGreaterThanOrEqual(1);
      expect(overall?.mean).toBeLessThanOrEqual(5);
      const pace = results.questions.find((q) => q.id === 'pace');
      expect(pace?.options?.reduce((sum, o) => sum + o.count, 0)).toBe(answered);
    });
  });

  it('fills the evaluations report with a row per activity and year that has answers', async () => {
    await refreshReportRollups(db.db, () => now);
    const expected = await rows<{ code: string; year: number; responses: number }>(
      `select a.code, extract(year from s.start_date)::int as year, count(*)::int as responses
         from survey_responses r
         join training_sessions s on s.id = r.session_id
         join activities a on a.id = s.activity_id
        where r.level = 1
        group by a.code, 2 order by 2 desc, a.code`,
    );
    expect(expected.length).toBeGreaterThan(1);
    const report = await evaluationScores(db.db, { kind: 'all' }, {});
    expect(report.total).toBe(expected.length);
    expect(
      report.rows.map((r) => ({ code: r.activityCode, year: r.year, responses: r.responses })),
    ).toEqual(expected);
    for (const row of report.rows) {
      expect(row.meanScore).toBeGreaterThanOrEqual(1);
      expect(row.meanScore).toBeLessThanOrEqual(5);
    }
    // The answers name their invitations, so a nation's report has its own rows.
    const kuwait = await evaluationScores(db.db, { kind: 'nation', nationCode: 'KWT' }, {});
    expect(kuwait.rows.length).toBeGreaterThan(0);
  });

  it('stores an anonymous template’s answers without their invitation, on the day only', async () => {
    const rolledBack = db.db.transaction(async (tx) => {
      await tx.execute(sql`update survey_templates set anonymous = true where level = 1`);
      const history = sql.raw(
        `select id from survey_invitations where session_id <> (${PARTICIPANT_SESSION})`,
      );
      await tx.execute(sql`delete from survey_responses where invitation_id in (${history})`);
      await tx.execute(sql`delete from survey_invitations where id in (${history})`);
      const loaded = await loadDemoEvaluations(tx, now);
      expect(loaded.responses).toBeGreaterThan(0);
      const stored = (
        await tx.execute(sql`
          select count(*)::int as n,
                 count(*) filter (where invitation_id is not null)::int as linked,
                 count(*) filter (where submitted_at <> date_trunc('day', submitted_at at time zone 'UTC') at time zone 'UTC')::int as timed,
                 (select count(*)::int from survey_invitations
                   where answered_at is not null
                     and session_id <> (${sql.raw(PARTICIPANT_SESSION)})) as answered
            from survey_responses
           where session_id <> (${sql.raw(PARTICIPANT_SESSION)})`)
      ).rows[0];
      expect(stored).toEqual({
        n: loaded.responses,
        linked: 0,
        timed: 0,
        answered: loaded.responses,
      });
      tx.rollback();
    });
    await expect(rolledBack).rejects.toBeInstanceOf(TransactionRollbackError);
  });

  it('writes nothing twice when run again', async () => {
    const before = await counts();
    const again = await db.db.transaction((tx) => loadDemoEvaluations(tx, now));
    expect(again).toEqual({ sessions: 0, invitations: 0, responses: 0 });
    expect(await counts()).toEqual(before);
  });
});
