import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  activitySurveys,
  nominations,
  participants,
  surveyInvitations,
  surveyResponses,
  surveyTemplates,
  trainingSessions,
  users,
  venues,
} from '../../db/schema/index.js';
import { visibleSessions } from '../sessions/queries.js';

export type TemplateRow = typeof surveyTemplates.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

// ---- templates ----

export async function selectTemplates(db: DbOrTx) {
  return db
    .select()
    .from(surveyTemplates)
    .orderBy(asc(surveyTemplates.level), asc(surveyTemplates.code));
}

export async function selectTemplate(db: DbOrTx, code: string) {
  const [row] = await db.select().from(surveyTemplates).where(eq(surveyTemplates.code, code));
  return row;
}

export async function selectTemplateById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(surveyTemplates).where(eq(surveyTemplates.id, id));
  return row;
}

/** Per template id: the activities that use it and how many invitations it has had. */
export async function selectTemplateUse(db: DbOrTx, ids: string[]) {
  const use = new Map<string, { activityCodes: string[]; invitations: number }>();
  if (ids.length === 0) return use;
  for (const id of ids) use.set(id, { activityCodes: [], invitations: 0 });
  const attached = await db
    .select({ templateId: activitySurveys.templateId, code: activities.code })
    .from(activitySurveys)
    .innerJoin(activities, eq(activities.id, activitySurveys.activityId))
    .where(inArray(activitySurveys.templateId, ids))
    .orderBy(asc(activities.code));
  for (const row of attached) use.get(row.templateId)?.activityCodes.push(row.code);
  const counts = await db
    .select({ templateId: surveyInvitations.templateId, n: sql<number>`count(*)::int` })
    .from(surveyInvitations)
    .where(inArray(surveyInvitations.templateId, ids))
    .groupBy(surveyInvitations.templateId);
  for (const row of counts) {
    const entry = use.get(row.templateId);
    if (entry) entry.invitations = row.n;
  }
  return use;
}

export async function insertTemplate(db: DbOrTx, values: typeof surveyTemplates.$inferInsert) {
  const [row] = await db.insert(surveyTemplates).values(values).returning();
  if (!row) throw new Error('template insert returned nothing');
  return row;
}

export async function updateTemplate(
  db: DbOrTx,
  id: string,
  values: Partial<typeof surveyTemplates.$inferInsert>,
) {
  await db
    .update(surveyTemplates)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(surveyTemplates.id, id));
}

export async function deleteTemplate(db: DbOrTx, id: string) {
  await db.delete(surveyTemplates).where(eq(surveyTemplates.id, id));
}

export async function hasResponses(db: DbOrTx, templateId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.templateId, templateId))
    .limit(1);
  return row !== undefined;
}

// ---- activities ----

export async function selectActivity(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ id: activities.id, code: activities.code })
    .from(activities)
    .where(eq(activities.code, code));
  return row;
}

export async function selectActivitySurveys(db: DbOrTx, activityId: string) {
  return db
    .select({ link: activitySurveys, template: surveyTemplates })
    .from(activitySurveys)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, activitySurveys.templateId))
    .where(eq(activitySurveys.activityId, activityId))
    .orderBy(asc(activitySurveys.level));
}

export async function selectActivitySurvey(db: DbOrTx, activityId: string, level: number) {
  const [row] = await db
    .select({ link: activitySurveys, template: surveyTemplates })
    .from(activitySurveys)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, activitySurveys.templateId))
    .where(and(eq(activitySurveys.activityId, activityId), eq(activitySurveys.level, level)));
  return row;
}

export async function upsertActivitySurvey(
  db: DbOrTx,
  values: typeof activitySurveys.$inferInsert,
) {
  await db
    .insert(activitySurveys)
    .values(values)
    .onConflictDoUpdate({
      target: [activitySurveys.activityId, activitySurveys.level],
      set: {
        templateId: values.templateId,
        delayMonths: values.delayMonths ?? null,
        askSupervisor: values.askSupervisor ?? false,
      },
    });
}

export async function deleteActivitySurvey(db: DbOrTx, activityId: string, level: number) {
  const rows = await db
    .delete(activitySurveys)
    .where(and(eq(activitySurveys.activityId, activityId), eq(activitySurveys.level, level)))
    .returning({ level: activitySurveys.level });
  return rows.length > 0;
}

// ---- sessions ----

/** A session the scope may see, with what the survey pages need of it. */
export async function selectSurveySession(db: DbOrTx, scope: NationScope, code: string) {
  const [row] = await db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      status: trainingSessions.status,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      directorId: trainingSessions.directorId,
      activityId: activities.id,
      activityTitle: activities.title,
      timeZone: venues.timeZone,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(and(visibleSessions(scope), eq(trainingSessions.code, code)));
  return row;
}
export type SurveySession = NonNullable<Awaited<ReturnType<typeof selectSurveySession>>>;

/** Sent: a participant's invitation always is; a supervisor's once its link exists. */
export const isSent: SQL = sql`(${surveyInvitations.respondent} = 'participant' or ${surveyInvitations.tokenHash} is not null)`;

/**
 * Invitations per respondent kind, counted within the reader's scope: a nation's reader counts
 * only the invitations of their own nation's nominations.
 */
export async function selectInvitationCounts(
  db: DbOrTx,
  sessionId: string,
  level: number,
  scope: NationScope,
) {
  return db
    .select({
      respondent: surveyInvitations.respondent,
      invited: sql<number>`count(*) filter (where ${isSent})::int`,
      answered: sql<number>`count(*) filter (where ${surveyInvitations.answeredAt} is not null)::int`,
      pending: sql<number>`count(*) filter (where not ${isSent})::int`,
    })
    .from(surveyInvitations)
    .innerJoin(nominations, eq(nominations.id, surveyInvitations.nominationId))
    .where(
      and(
        eq(surveyInvitations.sessionId, sessionId),
        eq(surveyInvitations.level, level),
        scope.kind === 'nation' ? eq(nominations.nationCode, scope.nationCode) : undefined,
      ),
    )
    .groupBy(surveyInvitations.respondent);
}

/**
 * The answers given at a session's level, within the reader's scope. A nation's reader gets
 * only the answers given through their own nation's invitations; an anonymous answer carries
 * no invitation, cannot be traced to a nation, and so is never theirs to read (as in the
 * evaluation report).
 */
export async function selectResponses(
  db: DbOrTx,
  sessionId: string,
  level: number,
  respondent: string,
  scope: NationScope,
) {
  const base = and(
    eq(surveyResponses.sessionId, sessionId),
    eq(surveyResponses.level, level),
    eq(surveyResponses.respondent, respondent),
  );
  const columns = { templateId: surveyResponses.templateId, answers: surveyResponses.answers };
  if (scope.kind === 'all') return db.select(columns).from(surveyResponses).where(base);
  return db
    .select(columns)
    .from(surveyResponses)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyResponses.invitationId))
    .innerJoin(nominations, eq(nominations.id, surveyInvitations.nominationId))
    .where(and(base, eq(nominations.nationCode, scope.nationCode)));
}

/** Invitations sent and not answered, with whom they are about, within the reader's scope. */
export async function selectUnanswered(
  db: DbOrTx,
  sessionId: string,
  level: number,
  scope: NationScope,
  respondent?: string,
) {
  return db
    .select({
      invitation: surveyInvitations,
      participant: {
        id: participants.id,
        givenNamesLatin: participants.givenNamesLatin,
        familyNameLatin: participants.familyNameLatin,
        givenNamesArabic: participants.givenNamesArabic,
        familyNameArabic: participants.familyNameArabic,
        nationCode: participants.nationCode,
        email: participants.email,
        userId: participants.userId,
      },
      userEmail: users.email,
      userLocale: users.locale,
    })
    .from(surveyInvitations)
    .innerJoin(nominations, eq(nominations.id, surveyInvitations.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(surveyInvitations.sessionId, sessionId),
        eq(surveyInvitations.level, level),
        isNull(surveyInvitations.answeredAt),
        isSent,
        respondent ? eq(surveyInvitations.respondent, respondent) : undefined,
        scope.kind === 'nation' ? eq(nominations.nationCode, scope.nationCode) : undefined,
      ),
    )
    .orderBy(asc(participants.familyNameLatin), asc(participants.id));
}

export async function markReminded(db: DbOrTx, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await db
    .update(surveyInvitations)
    .set({ lastReminderAt: now })
    .where(inArray(surveyInvitations.id, ids));
}

/** Sessions with survey invitations, latest first, with counts per level (sent only). */
export async function selectSurveyedSessions(
  db: DbOrTx,
  scope: NationScope,
  directorId: string | null,
) {
  return db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      level: surveyInvitations.level,
      invited: sql<number>`count(*) filter (where ${isSent})::int`,
      answered: sql<number>`count(*) filter (where ${surveyInvitations.answeredAt} is not null)::int`,
    })
    .from(surveyInvitations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, surveyInvitations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        visibleSessions(scope),
        directorId ? eq(trainingSessions.directorId, directorId) : undefined,
      ),
    )
    .groupBy(trainingSessions.id, activities.title, surveyInvitations.level)
    .orderBy(
      sql`${trainingSessions.endDate} desc`,
      asc(trainingSessions.code),
      asc(surveyInvitations.level),
    )
    .limit(400);
}
