import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  nations,
  notifications,
  participants,
  passwordTokens,
  users,
} from '../../db/schema/index.js';

export type PasswordTokenRow = typeof passwordTokens.$inferSelect;

export async function insertPasswordToken(
  db: DbOrTx,
  values: typeof passwordTokens.$inferInsert,
): Promise<void> {
  await db.insert(passwordTokens).values(values);
}

/** The token with its user, locked: two tabs completing the same link must not both win. */
export async function selectPasswordTokenForUpdate(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ token: passwordTokens, userActive: users.active })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, tokenHash))
    .for('update', { of: passwordTokens });
  return row;
}

/** Spends every open link of the user: once a password is set, older links must not work. */
export async function useTokensOfUser(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
}

export async function selectParticipantAccount(db: DbOrTx, participantId: string) {
  const [row] = await db
    .select({ id: participants.id, userId: participants.userId })
    .from(participants)
    .where(eq(participants.id, participantId))
    .for('update');
  return row;
}

export async function linkParticipantUser(db: DbOrTx, participantId: string, userId: string) {
  await db
    .update(participants)
    .set({ userId, updatedAt: new Date() })
    .where(eq(participants.id, participantId));
}

export async function selectNationName(db: DbOrTx, code: string) {
  const [row] = await db.select({ name: nations.name }).from(nations).where(eq(nations.code, code));
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
