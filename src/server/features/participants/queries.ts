import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { ParticipantListQuery } from '../../../contract/participants.js';
import type { NationScope } from '../../../domain/access.js';
import { searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  nations,
  nominations,
  participants,
  trainingSessions,
} from '../../db/schema/index.js';

export type ParticipantRow = typeof participants.$inferSelect;

/** A nation-scoped reader sees their own nation's people only. */
export function visibleParticipants(scope: NationScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : eq(participants.nationCode, scope.nationCode);
}

/**
 * Every typed word, normalised as stored (src/domain/search-text.ts: Arabic marks and letter
 * forms, the article, Latin transliterations), must start a word of the names or e-mail: the
 * generated, GIN-indexed `search_keys` vector. Nothing searchable typed matches nothing.
 */
export function participantSearchCondition(text: string): SQL {
  const query = searchTsQuery(text);
  return query ? sql`${participants.searchKeys} @@ to_tsquery('simple', ${query})` : sql`false`;
}

/**
 * The family name as people sort it: the ICU root collation puts "al-Sabah" beside "Al-Sabah"
 * and "Ábel" beside "Abel", where the database's C collation sorts by code point (capitals
 * first, accented letters last). "und-x-icu" is created by initdb in every ICU build of
 * PostgreSQL, the embedded 18 and the packaged 15 alike.
 */
export const familyNameOrder = sql`${participants.familyNameLatin} collate "und-x-icu"`;

/** One page ordered by Latin family name then id; `after` is the last row's [family, id]. */
export async function selectParticipants(
  db: DbOrTx,
  scope: NationScope,
  query: ParticipantListQuery,
  after: string[] | null,
) {
  const conditions = [
    visibleParticipants(scope),
    query.q ? participantSearchCondition(query.q) : undefined,
    query.nationCode ? eq(participants.nationCode, query.nationCode) : undefined,
    after
      ? sql`(${familyNameOrder}, ${participants.id}) > (${after[0]}, ${after[1]}::uuid)`
      : undefined,
  ];
  return db
    .select()
    .from(participants)
    .where(and(...conditions))
    .orderBy(asc(familyNameOrder), asc(participants.id))
    .limit(query.limit + 1);
}

/** One person the scope allows; `lock` holds the row until the transaction ends. */
export async function selectParticipant(
  db: DbOrTx,
  scope: NationScope,
  id: string,
  lock = false,
): Promise<ParticipantRow | undefined> {
  const query = db
    .select()
    .from(participants)
    .where(and(visibleParticipants(scope), eq(participants.id, id)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** The person's nominations with their session and activity, newest session first. */
export async function selectHistory(db: DbOrTx, participantId: string) {
  return db
    .select({
      nominationId: nominations.id,
      status: nominations.status,
      result: nominations.result,
      sessionCode: trainingSessions.code,
      sessionStatus: trainingSessions.status,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      activityCode: activities.code,
      activityTitle: activities.title,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(eq(nominations.participantId, participantId))
    .orderBy(desc(trainingSessions.startDate), desc(nominations.createdAt), asc(nominations.id));
}

/**
 * People of the nation who could be the same person: same e-mail, or born the same day. The
 * names are compared in code, where accents and Arabic spellings can be folded.
 */
export async function selectDuplicateCandidates(
  db: DbOrTx,
  nationCode: string,
  email: string | null,
  dateOfBirth: string | null,
) {
  const matches = [
    email ? sql`lower(${participants.email}) = lower(${email})` : undefined,
    dateOfBirth ? eq(participants.dateOfBirth, dateOfBirth) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(participants)
    .where(and(eq(participants.nationCode, nationCode), or(...matches)))
    .orderBy(asc(familyNameOrder), asc(participants.id))
    .limit(20);
}

export async function nationExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: nations.code }).from(nations).where(eq(nations.code, code));
  return row !== undefined;
}

export async function insertParticipant(db: DbOrTx, values: typeof participants.$inferInsert) {
  const [row] = await db.insert(participants).values(values).returning();
  if (!row) throw new Error('participant insert returned nothing');
  return row;
}

export async function updateParticipant(
  db: DbOrTx,
  id: string,
  values: Partial<typeof participants.$inferInsert>,
) {
  const [row] = await db
    .update(participants)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(participants.id, id))
    .returning();
  if (!row) throw new Error('participant update returned nothing');
  return row;
}
