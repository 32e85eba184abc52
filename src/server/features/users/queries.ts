import { and, arrayContains, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import type { UserListQuery } from '../../../contract/users.js';
import { searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

/**
 * Every typed word starts a word of the name, as people are searched (src/domain/search-text.ts:
 * Arabic marks and letter forms, Latin transliterations). Users are a centre's staff and
 * officers, thousands at most: the keys are computed as the rows are read, with no index.
 */
function displayNameMatches(text: string): SQL {
  const keys = searchTsQuery(text);
  return keys
    ? sql`to_tsvector('simple', rabita_search_document(${users.displayName})) @@ to_tsquery('simple', ${keys})`
    : sql`false`;
}

/** One page of users ordered by e-mail; `after` is the last row's [lower(email), id]. */
export async function selectUsers(db: DbOrTx, query: UserListQuery, after: string[] | null) {
  const conditions = [
    query.q
      ? or(
          displayNameMatches(query.q),
          ilike(users.email, `%${escapeLike(query.q)}%`),
          ilike(users.displayName, `%${escapeLike(query.q)}%`),
        )
      : undefined,
    query.role ? arrayContains(users.roles, [query.role]) : undefined,
    query.nationCode ? eq(users.nationCode, query.nationCode) : undefined,
    query.active ? eq(users.active, query.active === 'true') : undefined,
    after
      ? sql`(lower(${users.email}), ${users.id}) > (${after[0]}, ${after[1]}::uuid)`
      : undefined,
  ];
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${users.email})`), asc(users.id))
    .limit(query.limit + 1);
}

export async function selectUser(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('user insert returned nothing');
  return row;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Active users holding a role, by name: the pickers of course directors and instructors. */
export async function selectStaff(db: DbOrTx, role: Role) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), arrayContains(users.roles, [role])))
    .orderBy(asc(users.displayName))
    .limit(500);
}
