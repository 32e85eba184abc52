import {
  and,
  asc,
  eq,
  gte,
  ilike,
  inArray,
  lte,
  ne,
  not,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { LOCALES } from '../../../contract/common.js';
import type { SessionListQuery } from '../../../contract/sessions.js';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  nations,
  sessionChanges,
  sessionInstructors,
  sessionQuotas,
  trainingSessions,
  users,
  venues,
} from '../../db/schema/index.js';
import { activityTextSearch } from '../catalogue/queries.js';
import { visibleActivities } from '../catalogue/visibility.js';
import { escapeLike } from '../users/queries.js';

export type SessionRow = typeof trainingSessions.$inferSelect;

/** The nation a mobile training team is held in, apart from any other join on `nations`. */
const hostNations = alias(nations, 'host_nation');

const columns = {
  session: trainingSessions,
  activity: {
    id: activities.id,
    code: activities.code,
    title: activities.title,
    type: activities.type,
    disciplineCode: activities.disciplineCode,
    delivery: activities.delivery,
  },
  venue: venues,
  hostNation: { code: hostNations.code, name: hostNations.name },
};

/**
 * The scope is part of every session query: a nation-scoped reader sees only published
 * sessions (not drafts, as `isPublished` says) of activities released to their nation.
 */
export function visibleSessions(scope: NationScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return and(visibleActivities(scope), ne(trainingSessions.status, 'draft'));
}

function joined(db: DbOrTx) {
  return db
    .select(columns)
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(hostNations, eq(hostNations.code, trainingSessions.hostNationCode));
}

export type JoinedSession = NonNullable<Awaited<ReturnType<typeof selectSession>>>;

/** Open for nominations at `now`: announced, past the opening day and before the deadline. */
function openAt(now: Date): SQL {
  return sql`(${trainingSessions.status} = 'announced'
    and ${trainingSessions.nominationDeadline} >= ${now}
    and (${trainingSessions.nominationOpens}::timestamp at time zone ${venues.timeZone}) <= ${now})`;
}

/** One page ordered by start date then id; `after` is the last row's [startDate, id]. */
export async function selectSessions(
  db: DbOrTx,
  scope: NationScope,
  query: SessionListQuery,
  after: string[] | null,
  now: Date,
) {
  const text = query.q ? `%${escapeLike(query.q)}%` : null;
  const conditions = [
    visibleSessions(scope),
    // The title as the catalogue and the global search match it (Arabic marks and letter forms,
    // the article, stemmed English and French), and any part of a code, as typed.
    query.q && text
      ? or(
          activityTextSearch(query.q).matches,
          ilike(trainingSessions.code, text),
          ilike(activities.code, text),
          ...LOCALES.map((locale) => sql`${activities.title}->>${locale}::text ilike ${text}`),
        )
      : undefined,
    query.activityCode ? eq(activities.code, query.activityCode) : undefined,
    query.disciplineCode ? eq(activities.disciplineCode, query.disciplineCode) : undefined,
    query.status ? eq(trainingSessions.status, query.status) : undefined,
    query.venueCode ? eq(trainingSessions.venueCode, query.venueCode) : undefined,
    query.from ? gte(trainingSessions.endDate, query.from) : undefined,
    query.to ? lte(trainingSessions.startDate, query.to) : undefined,
    query.openForNominations === 'true' ? openAt(now) : undefined,
    query.openForNominations === 'false' ? not(openAt(now)) : undefined,
    after
      ? sql`(${trainingSessions.startDate}, ${trainingSessions.id}) > (${after[0]}::date, ${after[1]}::uuid)`
      : undefined,
  ];
  return joined(db)
    .where(and(...conditions))
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.id))
    .limit(query.limit + 1);
}

/** One session the scope allows; `lock` holds its row until the transaction ends. */
export async function selectSession(db: DbOrTx, scope: NationScope, code: string, lock = false) {
  const query = joined(db).where(and(visibleSessions(scope), eq(trainingSessions.code, code)));
  const [row] = await (lock ? query.for('update', { of: trainingSessions }) : query);
  return row;
}

/**
 * Sessions for a calendar feed, not ended before `since`: published ones, and cancelled ones
 * that had been announced (subscribers may hold them; the feed marks them cancelled).
 */
export async function selectFeedSessions(db: DbOrTx, scope: NationScope, since: string) {
  return joined(db)
    .where(
      and(
        visibleSessions(scope),
        ne(trainingSessions.status, 'draft'),
        or(
          ne(trainingSessions.status, 'cancelled'),
          sql`exists (select 1 from ${sessionChanges} c
                       where c.session_id = ${trainingSessions.id} and c.kind = 'announced')`,
        ),
        gte(trainingSessions.endDate, since),
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.id));
}

export async function selectQuotas(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionQuotas)
    .where(inArray(sessionQuotas.sessionId, sessionIds))
    .orderBy(asc(sessionQuotas.nationCode));
}

export async function selectInstructors(db: DbOrTx, sessionId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(sessionInstructors)
    .innerJoin(users, eq(users.id, sessionInstructors.userId))
    .where(eq(sessionInstructors.sessionId, sessionId))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function selectUserName(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, id));
  return row?.displayName ?? null;
}

/** Which of these ids belong to active users. */
export async function activeUserIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/** Which of these codes are partner nations. */
export async function existingNations(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: nations.code })
    .from(nations)
    .where(inArray(nations.code, codes));
  return new Set(rows.map((r) => r.code));
}

export async function selectActivityId(db: DbOrTx, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.code, code));
  return row?.id;
}

export async function sessionCodeExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  return row !== undefined;
}

export async function insertSession(db: DbOrTx, values: typeof trainingSessions.$inferInsert) {
  const [row] = await db.insert(trainingSessions).values(values).returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  values: Partial<typeof trainingSessions.$inferInsert>,
) {
  await db
    .update(trainingSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(trainingSessions.id, id));
}

/** Seats already given on a session, per nation quota and from the pool. */
export async function selectSeatUsage(db: DbOrTx, sessionId: string, poolTaken: number) {
  const rows = await db
    .select({ nationCode: sessionQuotas.nationCode, taken: sessionQuotas.taken })
    .from(sessionQuotas)
    .where(eq(sessionQuotas.sessionId, sessionId));
  return { quotaTaken: new Map(rows.map((r) => [r.nationCode, r.taken])), poolTaken };
}

/**
 * Quotas are a set: sending them replaces the previous one. Seats already given from a quota
 * stay counted (the checks refuse a quota below them), and the session's quota total follows.
 */
export async function replaceQuotas(
  db: DbOrTx,
  sessionId: string,
  quotas: readonly { nationCode: string; seats: number }[],
) {
  const kept = quotas.map((q) => q.nationCode);
  await db
    .delete(sessionQuotas)
    .where(
      and(
        eq(sessionQuotas.sessionId, sessionId),
        kept.length > 0 ? notInArray(sessionQuotas.nationCode, kept) : undefined,
      ),
    );
  if (quotas.length > 0) {
    await db
      .insert(sessionQuotas)
      .values(quotas.map((q) => ({ sessionId, ...q })))
      .onConflictDoUpdate({
        target: [sessionQuotas.sessionId, sessionQuotas.nationCode],
        set: { seats: sql`excluded.seats` },
      });
  }
  await db
    .update(trainingSessions)
    .set({ quotaTotal: quotas.reduce((sum, q) => sum + q.seats, 0) })
    .where(eq(trainingSessions.id, sessionId));
}

export async function replaceInstructors(db: DbOrTx, sessionId: string, userIds: string[]) {
  await db.delete(sessionInstructors).where(eq(sessionInstructors.sessionId, sessionId));
  if (userIds.length > 0) {
    await db
      .insert(sessionInstructors)
      .values([...new Set(userIds)].map((userId) => ({ sessionId, userId })));
  }
}

/** The centre's own nation (the one flagged host), whose country is not abroad. */
export async function selectCentreNation(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ code: nations.code }).from(nations).where(eq(nations.host, true));
  return row?.code ?? null;
}
