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
