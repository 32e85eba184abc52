import { promotionPlan } from '../../../domain/promotion.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { announceLater } from './announce-job.js';
import * as q from './queries.js';
import { takeSeat } from './seats.js';
import { overlappingSelectionsOf } from './selection-conflicts.js';
import { entryOf, roomOf } from './waitlist.js';

export interface PromotionOptions {
  /** Nominations a registrar has just waitlisted on purpose: this run does not undo that. */
  held?: readonly string[];
}

/**
 * Gives free seats to waitlisted nominations in the waitlist's explained order, as far as seats
 * allow and no further, unless a registrar has paused promotion on the session. Runs inside the
 * transaction of whatever freed or added the seats. The session row is locked first (the order
 * every seat change follows), then the waitlisted rows; each seat is still taken by the
 * conditional UPDATEs of `seats.ts`, so a session is never overbooked. A nomination whose person
 * is selected on another session over the same days is passed over and stays waitlisted (its
 * waitlist reason says so). Returns the ids promoted.
 */
export async function promoteWaitlisted(
  ctx: ServiceContext,
  sessionId: string,
  cause: string,
  now: Date,
  options: PromotionOptions = {},
): Promise<string[]> {
  // Most decisions leave nobody waiting: those do not touch the session row at all.
  if (!(await q.hasWaitlisted(ctx.tx, sessionId))) return [];
  const seats = await q.lockSessionSeats(ctx.tx, sessionId);
  if (seats.promotionPaused) return [];
  const waitlisted = await q.selectWaitlisted(ctx.tx, sessionId);
  const { quotaRoom, poolRoom } = await roomOf(ctx.tx, sessionId);
  // Read after the people were locked with their nominations: a selection elsewhere either
  // committed before (and is seen here) or waits for this transaction.
  const elsewhere = await overlappingSelectionsOf(
    ctx.tx,
    sessionId,
    waitlisted.map((n) => n.participantId),
  );
  const plan = promotionPlan(
    waitlisted.map((n) => entryOf(n, elsewhere)),
    { quotaRoom, poolRoom, seatsLeft: seats.capacity - seats.seatsTaken },
    { held: new Set(options.held ?? []) },
  );
  const promoted: string[] = [];
  for (const { id } of plan) {
    const chosen = waitlisted.find((n) => n.id === id);
    if (!chosen) break;
    const source = await takeSeat(ctx.tx, sessionId, chosen.nationCode);
    if (!source) break;
    await q.updateNomination(ctx.tx, chosen.id, {
      status: 'selected',
      seatSource: source,
      decidedAt: now,
    });
    await q.insertEvent(ctx.tx, {
      nominationId: chosen.id,
      actorId: null,
      action: 'promote',
      fromStatus: 'waitlisted',
      toStatus: 'selected',
      reason: cause,
    });
    await recordAudit(ctx, {
      action: 'nomination.promoted',
      entityType: 'nomination',
      entityId: chosen.id,
      before: { status: 'waitlisted' },
      after: { status: 'selected', seatSource: source, cause },
    });
    await announceLater(ctx.tx, chosen.id, 'promote');
    promoted.push(chosen.id);
  }
  return promoted;
}
