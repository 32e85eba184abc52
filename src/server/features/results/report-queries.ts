import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { surveyInvitations, surveyResponses, surveyTemplates } from '../../db/schema/index.js';

/** How many participants were asked to answer the session's survey at `level`. */
export async function countInvited(db: DbOrTx, sessionId: string, level: number) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.sessionId, sessionId),
        eq(surveyInvitations.level, level),
        eq(surveyInvitations.respondent, 'participant'),
      ),
    );
  return row?.count ?? 0;
}

/**
 * The participants' answers to the session's survey at `level`. Anonymous answers carry no
 * invitation, so they are read as a set, never per person.
 */
export async function selectResponses(db: DbOrTx, sessionId: string, level: number) {
  return db
    .select({ templateId: surveyResponses.templateId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.sessionId, sessionId),
        eq(surveyResponses.level, level),
        eq(surveyResponses.respondent, 'participant'),
      ),
    );
}

export async function selectTemplates(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: surveyTemplates.id, questions: surveyTemplates.questions })
    .from(surveyTemplates)
    .where(inArray(surveyTemplates.id, ids));
}

/**
 * The sessions with closed results that a nation had officers on (selected, or withdrawn after
 * holding a seat: those the report lists), newest first, with their count and completions.
 */
export async function selectNationReports(db: DbOrTx, nationCode: string) {
  const { rows } = await db.execute<{
    session_code: string;
    activity_title: { en: string; fr?: string; ar?: string };
    start_date: string;
    end_date: string;
    closed_at: Date | string;
    officers: number;
    completed: number;
  }>(sql`
    select s.code as session_code, a.title as activity_title, s.start_date::text as start_date,
      s.end_date::text as end_date, d.results_closed_at as closed_at,
      count(*)::int as officers,
      count(*) filter (where coalesce(r.status, n.result) = 'completed')::int as completed
    from nominations n
    join training_sessions s on s.id = n.session_id
    join activities a on a.id = s.activity_id
    join session_delivery d on d.session_id = s.id and d.results_closed_at is not null
    left join participant_results r on r.nomination_id = n.id
    where n.nation_code = ${nationCode}
      and (n.status = 'selected' or (n.status = 'withdrawn' and exists (
        select 1 from nomination_events e where e.nomination_id = n.id and e.from_status = 'selected')))
    group by s.id, a.id, d.results_closed_at
    order by d.results_closed_at desc, s.code
    limit 200`);
  return rows;
}
