import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { LOCALES } from '../../../contract/common.js';
import type { NationListQuery } from '../../../contract/partners.js';
import type { NationScope } from '../../../domain/access.js';
import { searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import { frameworks, institutions, nationContacts, nations } from '../../db/schema/index.js';
import { escapeLike } from '../users/queries.js';

export type NationRow = typeof nations.$inferSelect;
export type ContactRow = typeof nationContacts.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type FrameworkRow = typeof frameworks.$inferSelect;

/** The scope is part of every nation query: a nation-scoped user cannot read other rows. */
function inScope(scope: NationScope) {
  return scope.kind === 'all' ? undefined : eq(nations.code, scope.nationCode);
}

/**
 * Every typed word starts a word of the nation's code or names, as the global search matches
 * (src/domain/search-text.ts: "الاردن" finds "الأردن", "Emirates" finds "United Arab Emirates").
 * A few hundred rows at most: the keys are computed as rows are read, with no index.
 */
export function nationNameMatches(text: string): SQL {
  const keys = searchTsQuery(text);
  if (!keys) return sql`false`;
  const document = sql`rabita_search_document(${nations.code} || ' ' || coalesce(${nations.name}->>'en', '') || ' ' || coalesce(${nations.name}->>'fr', '') || ' ' || coalesce(${nations.name}->>'ar', ''))`;
  return sql`to_tsvector('simple', ${document}) @@ to_tsquery('simple', ${keys})`;
}

export async function selectNations(db: DbOrTx, scope: NationScope, query: NationListQuery) {
  const text = query.q ? `%${escapeLike(query.q)}%` : null;
  return db
    .select()
    .from(nations)
    .where(
      and(
        inScope(scope),
        // The name's values, not its JSON text, which would also match keys such as "en".
        query.q && text
          ? or(
              nationNameMatches(query.q),
              ilike(nations.code, text),
              ...LOCALES.map((locale) => sql`${nations.name}->>${locale}::text ilike ${text}`),
            )
          : undefined,
        query.frameworkCode ? eq(nations.frameworkCode, query.frameworkCode) : undefined,
        query.status ? eq(nations.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(sql`${nations.name}->>'en'`));
}

export async function selectNation(db: DbOrTx, scope: NationScope, code: string) {
  const [row] = await db
    .select()
    .from(nations)
    .where(and(inScope(scope), eq(nations.code, code)));
  return row;
}

export async function nationExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: nations.code }).from(nations).where(eq(nations.code, code));
  return row !== undefined;
}

export async function insertNation(db: DbOrTx, values: typeof nations.$inferInsert) {
  const [row] = await db.insert(nations).values(values).returning();
  if (!row) throw new Error('nation insert returned nothing');
  return row;
}

export async function updateNation(
  db: DbOrTx,
  code: string,
  values: Partial<typeof nations.$inferInsert>,
) {
  const [row] = await db
    .update(nations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(nations.code, code))
    .returning();
  return row;
}

export async function selectContacts(db: DbOrTx, nationCode: string) {
  return db
    .select()
    .from(nationContacts)
    .where(eq(nationContacts.nationCode, nationCode))
    .orderBy(sql`${nationContacts.primary} desc`, asc(nationContacts.name));
}

/** A contact is found only through its nation, so the nation's scope check covers it. */
export async function selectContact(db: DbOrTx, nationCode: string, id: string) {
  const [row] = await db
    .select()
    .from(nationContacts)
    .where(and(eq(nationContacts.nationCode, nationCode), eq(nationContacts.id, id)));
  return row;
}

export async function insertContact(db: DbOrTx, values: typeof nationContacts.$inferInsert) {
  const [row] = await db.insert(nationContacts).values(values).returning();
  if (!row) throw new Error('contact insert returned nothing');
  return row;
}

export async function updateContact(
  db: DbOrTx,
  nationCode: string,
  id: string,
  values: Partial<typeof nationContacts.$inferInsert>,
) {
  const [row] = await db
    .update(nationContacts)
    .set(values)
    .where(and(eq(nationContacts.nationCode, nationCode), eq(nationContacts.id, id)))
    .returning();
  return row;
}

export async function deleteContact(db: DbOrTx, nationCode: string, id: string) {
  const [row] = await db
    .delete(nationContacts)
    .where(and(eq(nationContacts.nationCode, nationCode), eq(nationContacts.id, id)))
    .returning();
  return row;
}

/** Only one primary contact per nation: setting one clears the others. */
export async function clearPrimaryContact(db: DbOrTx, nationCode: string) {
  await db
    .update(nationContacts)
    .set({ primary: false })
    .where(and(eq(nationContacts.nationCode, nationCode), eq(nationContacts.primary, true)));
}

export async function selectFrameworks(db: DbOrTx) {
  // A join, not a correlated subquery: Drizzle leaves a single table's columns unqualified, so
  // the subquery's "code" would have meant nations.code.
  return db
    .select({ framework: frameworks, nationCount: sql<number>`count(${nations.code})::int` })
    .from(frameworks)
    .leftJoin(nations, eq(nations.frameworkCode, frameworks.code))
    .groupBy(frameworks.code)
    .orderBy(asc(frameworks.code));
}

export async function frameworkExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: frameworks.code })
    .from(frameworks)
    .where(eq(frameworks.code, code));
  return row !== undefined;
}

export async function insertFramework(db: DbOrTx, values: typeof frameworks.$inferInsert) {
  const [row] = await db.insert(frameworks).values(values).returning();
  if (!row) throw new Error('framework insert returned nothing');
  return row;
}

export async function selectInstitutions(db: DbOrTx) {
  return db
    .select()
    .from(institutions)
    .orderBy(asc(sql`${institutions.name}->>'en'`));
}

export async function selectInstitution(db: DbOrTx, code: string) {
  const [row] = await db.select().from(institutions).where(eq(institutions.code, code));
  return row;
}

export async function insertInstitution(db: DbOrTx, values: typeof institutions.$inferInsert) {
  const [row] = await db.insert(institutions).values(values).returning();
  if (!row) throw new Error('institution insert returned nothing');
  return row;
}

export async function updateInstitution(
  db: DbOrTx,
  code: string,
  values: Partial<typeof institutions.$inferInsert>,
) {
  const [row] = await db
    .update(institutions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(institutions.code, code))
    .returning();
  return row;
}
