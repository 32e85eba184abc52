import { and, desc, eq, gt, isNull, type Placeholder, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { apiTokens, loginSessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

// Sign-in and every participant invitation look a user up by e-mail: built and planned once.
const userByEmail = preparedStatement((db) =>
  db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${sql.placeholder('email')})`)
    .prepare('rabita_user_by_email'),
);

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await userByEmail(db, { email });
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

function sessionUserQuery(
  db: DbOrTx,
  tokenHash: Placeholder,
  now: Placeholder,
  idleSince: Placeholder,
) {
  return db
    .select({
      // Only what an actor is made of: no password hash, no timestamps to parse on every request.
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        roles: users.roles,
        nationCode: users.nationCode,
        locale: users.locale,
      },
      csrfToken: loginSessions.csrfToken,
      lastSeenAt: loginSessions.lastSeenAt,
    })
    .from(loginSessions)
    .innerJoin(users, eq(users.id, loginSessions.userId))
    .where(
      and(
        eq(loginSessions.tokenHash, tokenHash),
        gt(loginSessions.expiresAt, now),
        gt(loginSessions.lastSeenAt, idleSince),
        eq(users.active, true),
      ),
    );
}

/**
 * Finds the user behind a live sign-in session, with the session's CSRF token. A session is live
 * until it expires and while it has been used within the idle time (`idleSince`). A named
 * prepared statement built once per pool: every authenticated request runs it, and this spares
 * Drizzle's query building and PostgreSQL's planning each time. It still reads the session row
 * on every request, so a deleted session or a deactivated user stops working at once.
 */
export function prepareSessionUserLookup(db: Database) {
  const statement = sessionUserQuery(
    db,
    sql.placeholder('tokenHash'),
    sql.placeholder('now'),
    sql.placeholder('idleSince'),
  ).prepare('rabita_session_user');
  return async (tokenHash: string, now: Date, idleSince: Date) => {
    const [row] = await statement.execute({ tokenHash, now, idleSince });
    return row;
  };
}

/**
 * Records that a session was used at `now`. The caller does it at most once a minute per
 * session, so a busy page costs one write a minute, not one per request.
 */
export function prepareSessionTouch(db: Database) {
  const statement = db
    .update(loginSessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(loginSessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('rabita_session_touch');
  return async (tokenHash: string, now: Date) => {
    await statement.execute({ tokenHash, now });
  };
}

export async function findTokenUser(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        gt(apiTokens.expiresAt, now),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
      ),
    );
  return row;
}

export async function insertSession(
  db: DbOrTx,
  values: typeof loginSessions.$inferInsert,
): Promise<void> {
  await db.insert(loginSessions).values(values);
}

/** Ends a session; what it held of a single sign-on comes back for the provider's sign-out. */
export async function deleteSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .delete(loginSessions)
    .where(eq(loginSessions.tokenHash, tokenHash))
    .returning({
      identityProviderId: loginSessions.identityProviderId,
      idToken: loginSessions.idToken,
    });
  return row;
}

/** Signs a user out everywhere but, optionally, the session they act from. */
export async function deleteSessionsOfUser(
  db: DbOrTx,
  userId: string,
  keep?: string,
): Promise<number> {
  const rows = await db
    .delete(loginSessions)
    .where(
      keep
        ? and(eq(loginSessions.userId, userId), sql`${loginSessions.tokenHash} <> ${keep}`)
        : eq(loginSessions.userId, userId),
    )
    .returning({ tokenHash: loginSessions.tokenHash });
  return rows.length;
}

/** Revokes every live API token of a user for good; the rows stay, with `revoked_at` set. */
export async function revokeTokensOfUser(db: DbOrTx, userId: string, now: Date) {
  return db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(loginSessions)
    .where(sql`${loginSessions.expiresAt} <= ${now}`)
    .returning({ tokenHash: loginSessions.tokenHash });
  return rows.length;
}

export async function touchToken(db: DbOrTx, tokenId: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

export async function listTokens(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function insertToken(db: DbOrTx, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('token insert returned nothing');
  return row;
}

export async function revokeToken(db: DbOrTx, userId: string, tokenId: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning();
  return row;
}

export async function updateUserColumns(
  db: DbOrTx,
  userId: string,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning();
  return row;
}
