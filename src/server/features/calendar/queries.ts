import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendarFeeds, users } from '../../db/schema/index.js';

export type FeedRow = typeof calendarFeeds.$inferSelect;

export async function selectFeed(db: DbOrTx, userId: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

/** Issues the user's first feed; nothing when a concurrent request issued it first. */
export async function insertFeed(db: DbOrTx, userId: string, tokenHash: string) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoNothing({ target: calendarFeeds.userId })
    .returning();
  return row;
}

/** Replaces the user's token: the old address stops working in the same statement. */
export async function replaceFeed(db: DbOrTx, userId: string, tokenHash: string) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash, createdAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('calendar feed upsert returned nothing');
  return row;
}

/** The active user a feed token belongs to. */
export async function selectFeedUser(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.active, true)));
  return row?.user;
}
