import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import {
  nations,
  notifications,
  participants,
  passwordTokens,
  users,
} from '../../db/schema/index.js';

export type PasswordTokenRow = typeof passwordTokens.$inferSelect;

// A first selection invites the participant: the statements below run on every one of them.
const passwordTokenInsert = preparedStatement((db) =>
  db
    .insert(passwordTokens)
    .values({
      tokenHash: sql.placeholder('tokenHash'),
      userId: sql.placeholder('userId'),
      purpose: sql.placeholder('purpose'),
      expiresAt: sql.placeholder('expiresAt'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare('rabita_password_token_insert'),
);

export async function insertPasswordToken(
  db: DbOrTx,
  values: Required<
    Pick<
      typeof passwordTokens.$inferInsert,
      'tokenHash' | 'userId' | 'purpose' | 'expiresAt' | 'createdAt'
    >
  >,
): Promise<void> {
  await passwordTokenInsert(db, values);
}

/** The token with its user, locked: two tabs completing the same link must not both win. */
export async function selectPasswordTokenForUpdate(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      token: passwordTokens,
      user: {
        active: users.active,
        ssoOnly: users.ssoOnly,
        email: users.email,
        displayName: users.displayName,
      },
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, tokenHash))
    .for('update', { of: passwordTokens });
  return row;
}

/**
 * Ends every open link of one kind of the user at `now`: a resent e-mail's new link is the only
 * one that works. Expired rather than spent, so the old link says it has expired.
 */
export async function expireOpenTokens(
  db: DbOrTx,
  userId: string,
  purpose: string,
  now: Date,
): Promise<void> {
  await db
    .update(passwordTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(passwordTokens.userId, userId),
        eq(passwordTokens.purpose, purpose),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
      ),
    );
}

/** Spends every open link of the user: once a password is set, older links must not work. */
export async function useTokensOfUser(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
}

const participantAccount = preparedStatement((db) =>
  db
    .select({ id: participants.id, userId: participants.userId })
    .from(participants)
    .where(eq(participants.id, sql.placeholder('participantId')))
    .for('update')
    .prepare('rabita_participant_account'),
);

export async function selectParticipantAccount(db: DbOrTx, participantId: string) {
  const [row] = await participantAccount(db, { participantId });
  return row;
}

const participantUserLink = preparedStatement((db) =>
  db
    .update(participants)
    .set({
      userId: sql`${sql.placeholder('userId')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(participants.id, sql.placeholder('participantId')))
    .prepare('rabita_participant_user_link'),
);

export async function linkParticipantUser(db: DbOrTx, participantId: string, userId: string) {
  await participantUserLink(db, { participantId, userId, updatedAt: new Date() });
}

const nationName = preparedStatement((db) =>
  db
    .select({ name: nations.name })
    .from(nations)
    .where(eq(nations.code, sql.placeholder('code')))
    .prepare('rabita_nation_name'),
);

export async function selectNationName(db: DbOrTx, code: string) {
  const [row] = await nationName(db, { code });
  return row?.name ?? null;
}

export async function selectNotifications(
  db: DbOrTx,
  userId: string,
  filter: { afterId: number | null; limit: number; unreadOnly: boolean },
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        filter.unreadOnly ? isNull(notifications.readAt) : undefined,
        filter.afterId !== null ? lt(notifications.id, filter.afterId) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(filter.limit + 1);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's own notification read; another user's id matches nothing. */
export async function markRead(db: DbOrTx, userId: string, id: number, now: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return row;
}

export async function markAllRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
