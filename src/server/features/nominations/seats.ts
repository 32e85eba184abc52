import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { sessionQuotas, trainingSessions } from '../../db/schema/index.js';

export type SeatSource = 'quota' | 'pool';

/**
 * Takes one seat for a nation: from its quota when it has one left, else from the open pool.
 * Each step is one conditional UPDATE whose WHERE re-checks the row after any lock wait, so two
 * concurrent selections can never both take the last seat; the CHECK constraints are the
 * backstop. The session row is always updated first, quota second, the same order as session
 * edits, so the two never deadlock. Returns null, having changed nothing, when no seat is left.
 */
export async function takeSeat(
  tx: Tx,
  sessionId: string,
  nationCode: string,
): Promise<SeatSource | null> {
  const [seat] = await takeSessionSeat(tx, { sessionId });
  if (!seat) return null;

  const [fromQuota] = await takeQuotaSeat(tx, { sessionId, nationCode });
  if (fromQuota) return 'quota';

  const [fromPool] = await tx
    .update(trainingSessions)
    .set({ poolTaken: sql`${trainingSessions.poolTaken} + 1` })
    .where(
      and(
        eq(trainingSessions.id, sessionId),
        sql`${trainingSessions.poolTaken} < ${trainingSessions.capacity} - ${trainingSessions.quotaTotal}`,
      ),
    )
    .returning({ id: trainingSessions.id });
  if (fromPool) return 'pool';

  // The seat counted above belongs to no quota and no pool: give it back.
  await tx
    .update(trainingSessions)
    .set({ seatsTaken: sql`${trainingSessions.seatsTaken} - 1` })
    .where(eq(trainingSessions.id, sessionId));
  return null;
}

// Every selection runs these two: built and planned once.
const takeSessionSeat = preparedStatement((db) =>
  db
    .update(trainingSessions)
    .set({ seatsTaken: sql`${trainingSessions.seatsTaken} + 1` })
    .where(
      and(
        eq(trainingSessions.id, sql.placeholder('sessionId')),
        lt(trainingSessions.seatsTaken, trainingSessions.capacity),
      ),
    )
    .returning({ id: trainingSessions.id })
    .prepare('rabita_take_session_seat'),
);

const takeQuotaSeat = preparedStatement((db) =>
  db
    .update(sessionQuotas)
    .set({ taken: sql`${sessionQuotas.taken} + 1` })
    .where(
      and(
        eq(sessionQuotas.sessionId, sql.placeholder('sessionId')),
        eq(sessionQuotas.nationCode, sql.placeholder('nationCode')),
        lt(sessionQuotas.taken, sessionQuotas.seats),
      ),
    )
    .returning({ taken: sessionQuotas.taken })
    .prepare('rabita_take_quota_seat'),
);

/** Returns a seat to where it came from. */
export async function freeSeat(
  tx: Tx,
  sessionId: string,
  nationCode: string,
  source: SeatSource,
): Promise<void> {
  await tx
    .update(trainingSessions)
    .set({
      seatsTaken: sql`${trainingSessions.seatsTaken} - 1`,
      ...(source === 'pool' ? { poolTaken: sql`${trainingSessions.poolTaken} - 1` } : {}),
    })
    .where(eq(trainingSessions.id, sessionId));
  if (source === 'quota') {
    await tx
      .update(sessionQuotas)
      .set({ taken: sql`${sessionQuotas.taken} - 1` })
      .where(and(eq(sessionQuotas.sessionId, sessionId), eq(sessionQuotas.nationCode, nationCode)));
  }
}

/**
 * Returns many seats of one session at once, e.g. when it is cancelled: one UPDATE of the
 * session row (taken first, as everywhere), then one per nation whose quota seats come back.
 */
export async function freeSeats(
  tx: Tx,
  sessionId: string,
  seats: readonly { nationCode: string; source: SeatSource }[],
): Promise<void> {
  if (seats.length === 0) return;
  const fromPool = seats.filter((s) => s.source === 'pool').length;
  await tx
    .update(trainingSessions)
    .set({
      seatsTaken: sql`${trainingSessions.seatsTaken} - ${seats.length}`,
      poolTaken: sql`${trainingSessions.poolTaken} - ${fromPool}`,
    })
    .where(eq(trainingSessions.id, sessionId));
  const perNation = new Map<string, number>();
  for (const seat of seats) {
    if (seat.source === 'quota')
      perNation.set(seat.nationCode, (perNation.get(seat.nationCode) ?? 0) + 1);
  }
  for (const [nationCode, count] of [...perNation].sort(([a], [b]) => a.localeCompare(b))) {
    await tx
      .update(sessionQuotas)
      .set({ taken: sql`${sessionQuotas.taken} - ${count}` })
      .where(and(eq(sessionQuotas.sessionId, sessionId), eq(sessionQuotas.nationCode, nationCode)));
  }
}
