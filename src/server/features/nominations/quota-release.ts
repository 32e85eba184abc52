import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { idempotencyKeys, sessionQuotas, trainingSessions, venues } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import { systemContext } from '../context.js';
import { promoteWaitlisted } from './promotion.js';

/** Sessions still filling whose quota release day has come in their venue's time zone. */
async function dueSessions(db: Database, now: Date) {
  return db
    .select({ id: trainingSessions.id, code: trainingSessions.code })
    .from(trainingSessions)
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(
      and(
        isNotNull(trainingSessions.quotaReleaseOn),
        isNull(trainingSessions.quotasReleasedAt),
        inArray(trainingSessions.status, ['announced', 'nominations-closed', 'confirmed']),
        sql`${trainingSessions.quotaReleaseOn} <= (${now.toISOString()}::timestamptz at time zone ${venues.timeZone})::date`,
      ),
    );
}

export interface QuotaRelease {
  sessionCode: string;
  /** Seats that went from nation quotas to the open pool. */
  released: number;
  promoted: number;
}

/**
 * Returns unused quota seats to the open pool on each session whose release day has come:
 * every quota shrinks to the seats it has given, and waitlisted nominations that now fit are
 * promoted. One transaction per session; the session row is locked and re-checked, so two
 * servers running the job at once release each session once.
 */
export async function releaseDueQuotas(db: Database, now = new Date()): Promise<QuotaRelease[]> {
  const done: QuotaRelease[] = [];
  for (const due of await dueSessions(db, now)) {
    const result = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: trainingSessions.id })
        .from(trainingSessions)
        .where(and(eq(trainingSessions.id, due.id), isNull(trainingSessions.quotasReleasedAt)))
        .for('update');
      if (!locked) return null;
      const before = await tx
        .select({
          nationCode: sessionQuotas.nationCode,
          seats: sessionQuotas.seats,
          taken: sessionQuotas.taken,
        })
        .from(sessionQuotas)
        .where(eq(sessionQuotas.sessionId, due.id));
      const released = before.reduce((sum, q) => sum + q.seats - q.taken, 0);
      await tx
        .update(sessionQuotas)
        .set({ seats: sessionQuotas.taken })
        .where(eq(sessionQuotas.sessionId, due.id));
      await tx
        .update(trainingSessions)
        .set({
          quotaTotal: before.reduce((sum, q) => sum + q.taken, 0),
          quotasReleasedAt: now,
        })
        .where(eq(trainingSessions.id, due.id));
      const ctx = systemContext(tx, 'quota-release');
      await recordAudit(ctx, {
        action: 'session.quotas-released',
        entityType: 'session',
        entityId: due.id,
        before: { quotas: before.map(({ nationCode, seats }) => ({ nationCode, seats })) },
        after: {
          quotas: before.map(({ nationCode, taken }) => ({ nationCode, seats: taken })),
          released,
        },
      });
      const promoted = await promoteWaitlisted(
        ctx,
        due.id,
        'unused quota released to the pool',
        now,
      );
      return { sessionCode: due.code, released, promoted: promoted.length };
    });
    if (result) done.push(result);
  }
  return done;
}

/** Stored answers to idempotent requests are kept a day: long enough for any client's retries. */
export async function forgetOldIdempotencyKeys(db: Database, now = new Date()): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}
