import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { ParticipantListQuery } from '../../../contract/participants.js';
import type { NationScope } from '../../../domain/access.js';
import { searchTsQuery, searchTsQueryWholeWords } from '../../../domain/search-text.js';
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

/** The earlier words whole (searchTsQueryWholeWords); null when the text has one word. */
export function participantWholeWordsCondition(text: string): SQL | null {
  const query = searchTsQueryWholeWords(text);
  return query ? sql`${participants.searchKeys} @@ to_tsquery('simple', ${query})` : null;
}

/**
 * Finds with the earlier words whole, and only when that finds nobody with every word a
 * beginning, so "محم المطيري" still finds Mohammed al-Mutairi while a full name typed out reads
 * short index lists. `find` gets the search condition to use.
 */
export async function wholeWordsFirst<T>(
  text: string,
  find: (condition: SQL) => Promise<T[]>,
): Promise<T[]> {
  const whole = participantWholeWordsCondition(text);
  if (whole) {
    const found = await find(whole);
    if (found.length > 0) return found;
  }
  return find(participantSearchCondition(text));
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
  const page = (search: SQL | undefined, pageAfter: string[] | null, limit: number) =>
    db
      .select()
      .from(participants)
      .where(
        and(
          visibleParticipants(scope),
          search,
          query.nationCode ? eq(participants.nationCode, query.nationCode) : undefined,
          pageAfter
            ? sql`(${familyNameOrder}, ${participants.id}) > (${pageAfter[0]}, ${pageAfter[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(familyNameOrder), asc(participants.id))
      .limit(limit);
  if (!query.q) return page(undefined, after, query.limit + 1);
  const whole = participantWholeWordsCondition(query.q);
  if (whole) {
    const rows = await page(whole, after, query.limit + 1);
    // Every page reads the text the same way: whole words whenever they find anyone at all.
    if (rows.length > 0 || (after && (await page(whole, null, 1)).length > 0)) return rows;
  }
  return page(participantSearchCondition(query.q), after, query.limit + 1);
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
