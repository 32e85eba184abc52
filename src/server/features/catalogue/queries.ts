import { and, asc, desc, eq, getTableColumns, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../contract/catalogue.js';
import type { NationScope } from '../../../domain/access.js';
import { hasArabicLetter, searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  disciplines,
  frameworks,
  institutions,
  nations,
} from '../../db/schema/index.js';
import { visibleActivities } from './visibility.js';

export type DisciplineRow = typeof disciplines.$inferSelect;

/** What a catalogue list shows of an activity: never the `search` vector or the long texts. */
const summaryColumns = {
  id: activities.id,
  code: activities.code,
  type: activities.type,
  title: activities.title,
  disciplineCode: activities.disciplineCode,
  providerCode: activities.providerCode,
  delivery: activities.delivery,
  durationDays: activities.durationDays,
  language: activities.language,
  status: activities.status,
};
const { search: _search, searchKeys: _searchKeys, ...detailColumns } = getTableColumns(activities);

export type ActivitySummaryRow = { [K in keyof typeof summaryColumns]: ActivityRow[K] };
/** A whole activity but its `search` vectors, which only the database needs. */
export type ActivityRow = Omit<typeof activities.$inferSelect, 'search' | 'searchKeys'>;
/** An activity with the number of its sessions open for nominations now. */
export type ActivityWithOpen = { activity: ActivityRow; openSessions: number };

/** Disciplines with the number of activities in each that the reader may see. */
export async function selectDisciplines(db: DbOrTx, scope: NationScope, code?: string) {
  return db
    .select({ discipline: disciplines, activityCount: sql<number>`count(${activities.id})::int` })
    .from(disciplines)
    .leftJoin(
      activities,
      and(eq(activities.disciplineCode, disciplines.code), visibleActivities(scope)),
    )
    .where(code === undefined ? undefined : eq(disciplines.code, code))
    .groupBy(disciplines.code)
    .orderBy(asc(sql`${disciplines.name}->>'en'`), asc(disciplines.code));
}

export async function selectDiscipline(db: DbOrTx, code: string) {
  const [row] = await db.select().from(disciplines).where(eq(disciplines.code, code));
  return row;
}

export async function insertDiscipline(db: DbOrTx, values: typeof disciplines.$inferInsert) {
  const [row] = await db.insert(disciplines).values(values).returning();
  if (!row) throw new Error('discipline insert returned nothing');
  return row;
}

export async function updateDiscipline(
  db: DbOrTx,
  code: string,
  values: Partial<typeof disciplines.$inferInsert>,
) {
  const [row] = await db
    .update(disciplines)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(disciplines.code, code))
    .returning();
  return row;
}

/**
 * Sessions of the activity in the outer row that are open for nominations now: announced, opened
 * by today and not past the deadline. A correlated subquery, so PostgreSQL counts only for the
 * rows of the page, through training_sessions(activity_id, status). Written qualified by hand:
 * Drizzle leaves columns unqualified in a single-table select, where `id` would mean the session.
 */
const OPEN_NOW = sql`from training_sessions os
  where os.activity_id = activities.id and os.status = 'announced'
    and os.nomination_opens <= current_date and os.nomination_deadline >= now()`;
const openSessionCount = sql<number>`(select count(*)::int ${OPEN_NOW})`;
const hasOpenSession = sql`exists (select 1 ${OPEN_NOW})`;

/** The three configurations the `search` column is stemmed with, plus 'simple' for codes. */
function tsQuery(text: string): SQL {
  return sql`(websearch_to_tsquery('simple', ${text}) || websearch_to_tsquery('english', ${text})
    || websearch_to_tsquery('french', ${text}) || websearch_to_tsquery('arabic', ${text}))`;
}

/**
 * Arabic text also searches the keys of code and titles (src/domain/search-text.ts): every
 * typed word, normalised as stored, starts a word, so سيبراني finds السيبراني and marks or
 * tatweel do not count. Latin text keeps to the stemmed search, where the phonetic keys made
 * for transliterated names would let "FIN" find "Fundamentals".
 */
function activityKeysCondition(text: string): SQL {
  const keys = hasArabicLetter(text) ? searchTsQuery(text) : null;
  return keys ? sql`${activities.searchKeys} @@ to_tsquery('simple', ${keys})` : sql`false`;
}

/**
 * A text search: words stemmed in any of the catalogue's languages, the normalised search
 * keys, or the start of a code. A code match adds 1 to the rank, above any ts_rank, so typing
 * a code finds it first. The catalogue page and the global search both use it.
 */
export function activityTextSearch(text: string) {
  const query = tsQuery(text);
  const byKeys = activityKeysCondition(text);
  // Codes are capitals, digits and dashes: a text with anything else cannot start one. A
  // case-sensitive LIKE on the upper-cased text can use the code's pattern index, which ILIKE
  // cannot, so PostgreSQL may combine it with the full-text index.
  const codePrefix = /^[A-Za-z0-9-]+$/.test(text)
    ? sql`${activities.code} like ${`${text.toUpperCase()}%`}`
    : sql`false`;
  return {
    matches: sql`(${activities.search} @@ ${query} or ${byKeys} or ${codePrefix})`,
    rank: sql<number>`(ts_rank(${activities.search}, ${query})
      + case when ${byKeys} then 0.05 else 0 end
      + case when ${codePrefix} then 1 else 0 end)::real`,
  };
}

/** Sessions that can make an activity match a date range; drafts stay internal to the centre. */
function sessionStartsWithin(scope: NationScope, from?: string, to?: string): SQL | undefined {
  if (!from && !to) return undefined;
  return sql`exists (select 1 from training_sessions rs
    where rs.activity_id = activities.id and rs.status <> 'cancelled'
      ${scope.kind === 'all' ? sql`` : sql`and rs.status <> 'draft'`}
      ${from ? sql`and rs.start_date >= ${from}::date` : sql``}
      ${to ? sql`and rs.start_date <= ${to}::date` : sql``})`;
}

/**
 * One page of the activities the reader may see. Without `q`, ordered by English title then id
 * and `after` is [title, id]: PostgreSQL walks the (title->>'en', id) index and stops after the
 * page. With `q`, ordered by relevance then id and `after` is [rank, id].
 */
export async function selectActivities(
  db: DbOrTx,
  scope: NationScope,
  query: ActivityListQuery,
  after: string[] | null,
) {
  const search = query.q ? activityTextSearch(query.q) : null;
  const rank = search?.rank ?? null;
  const titleEn = sql`${activities.title}->>'en'`;
  const conditions = [
    visibleActivities(scope),
    search?.matches,
    query.disciplineCode ? eq(activities.disciplineCode, query.disciplineCode) : undefined,
    query.providerCode ? eq(activities.providerCode, query.providerCode) : undefined,
    query.type ? eq(activities.type, query.type) : undefined,
    query.delivery ? eq(activities.delivery, query.delivery) : undefined,
    query.language ? eq(activities.language, query.language) : undefined,
    query.status ? eq(activities.status, query.status) : undefined,
    query.openForNominations === 'true' ? hasOpenSession : undefined,
    query.openForNominations === 'false' ? not(hasOpenSession) : undefined,
    sessionStartsWithin(scope, query.from, query.to),
    after && rank
      ? sql`(${rank} < ${after[0]}::real
          or (${rank} = ${after[0]}::real and ${activities.id} > ${after[1]}::uuid))`
      : undefined,
    after && !rank
      ? sql`(${titleEn}, ${activities.id}) > (${after[0]}, ${after[1]}::uuid)`
      : undefined,
  ];
  return db
    .select({
      activity: summaryColumns,
      openSessions: openSessionCount,
      rank: rank ?? sql<number>`0::real`,
    })
    .from(activities)
    .where(and(...conditions))
    .orderBy(...(rank ? [desc(rank), asc(activities.id)] : [asc(titleEn), asc(activities.id)]))
    .limit(query.limit + 1);
}

/** One activity by code, or nothing when it does not exist or the reader may not see it. */
export async function selectActivity(
  db: DbOrTx,
  scope: NationScope,
  code: string,
): Promise<ActivityWithOpen | undefined> {
  const [row] = await db
    .select({ activity: detailColumns, openSessions: openSessionCount })
    .from(activities)
    .where(and(visibleActivities(scope), eq(activities.code, code)));
  return row;
}

export async function activityExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.code, code));
  return row !== undefined;
}

export async function insertActivity(db: DbOrTx, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning(detailColumns);
  if (!row) throw new Error('activity insert returned nothing');
  return row;
}

export async function updateActivity(
  db: DbOrTx,
  code: string,
  values: Partial<typeof activities.$inferInsert>,
) {
  const [row] = await db
    .update(activities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(activities.code, code))
    .returning(detailColumns);
  return row;
}

const CODE_TABLES = { disciplines, institutions, frameworks, nations, activities };
export type CodeTable = keyof typeof CODE_TABLES;

/** Which of the given codes exist in a referenced table, to name the ones that do not. */
export async function existingCodes(
  db: DbOrTx,
  table: CodeTable,
  codes: string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const { code } = CODE_TABLES[table];
  const rows = await db
    .select({ code })
    .from(CODE_TABLES[table])
    .where(inArray(code, [...new Set(codes)]));
  return new Set(rows.map((r) => r.code));
}

/**
 * The next time the open-session counts can change without a write: a nomination window opens
 * at the start of its first day (`current_date` turns, in the database's time zone) or closes at
 * its deadline. Over every announced session, whoever may see it: an early answer only costs a
 * cache refill. Null when nothing is due.
 */
export async function selectNextOpenSessionsChange(db: DbOrTx): Promise<Date | null> {
  const result = await db.execute<{ at: Date | string | null }>(sql`select least(
    (select min(nomination_opens)::timestamptz from training_sessions
      where status = 'announced' and nomination_opens > current_date),
    (select min(nomination_deadline) + interval '1 millisecond' from training_sessions
      where status = 'announced' and nomination_deadline >= now())) as at`);
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}
