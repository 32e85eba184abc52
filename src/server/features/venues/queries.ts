import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { trainingSessions, venues } from '../../db/schema/index.js';

export type VenueRow = typeof venues.$inferSelect;

export async function selectVenues(db: DbOrTx) {
  return db
    .select()
    .from(venues)
    .orderBy(asc(sql`${venues.name}->>'en'`), asc(venues.code));
}

export async function selectVenue(db: DbOrTx, code: string): Promise<VenueRow | undefined> {
  const [row] = await db.select().from(venues).where(eq(venues.code, code));
  return row;
}

export async function insertVenue(db: DbOrTx, values: typeof venues.$inferInsert) {
  const [row] = await db.insert(venues).values(values).returning();
  if (!row) throw new Error('venue insert returned nothing');
  return row;
}

export async function updateVenue(
  db: DbOrTx,
  code: string,
  values: Partial<typeof venues.$inferInsert>,
) {
  const [row] = await db
    .update(venues)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(venues.code, code))
    .returning();
  return row;
}

/** The sessions held at a venue, with what their stored deadline is computed from. */
export async function selectVenueDeadlines(db: DbOrTx, venueCode: string) {
  return db
    .select({ id: trainingSessions.id, nominationCloses: trainingSessions.nominationCloses })
    .from(trainingSessions)
    .where(eq(trainingSessions.venueCode, venueCode));
}

export async function setNominationDeadline(db: DbOrTx, sessionId: string, deadline: Date) {
  await db
    .update(trainingSessions)
    .set({ nominationDeadline: deadline })
    .where(eq(trainingSessions.id, sessionId));
}
