import { nextToPromote } from '../../../domain/waitlist.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { announceDecision } from './notices.js';
import * as q from './queries.js';
import { takeSeat } from './seats.js';
import { entryOf, roomOf } from './waitlist.js';

/**
 * Gives free seats to waitlisted nominations, one at a time in waitlist order, while the next
 * one fits: its nation's quota has room, or the open pool does. The waitlisted rows are locked,
 * so two freed seats never go to the same nomination. Returns the ids promoted.
 */
export async function promoteWaitlisted(
  ctx: ServiceContext,
  sessionId: string,
  cause: string,
  now: Date,
): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const waitlisted = await q.selectWaitlisted(ctx.tx, sessionId);
    if (waitlisted.length === 0) break;
    const { quotaRoom, poolRoom } = await roomOf(ctx.tx, sessionId);
    const next = nextToPromote(waitlisted.map(entryOf), quotaRoom, poolRoom);
    if (!next) break;
    const chosen = waitlisted.find((n) => n.id === next.id);
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
    await announceDecision(ctx, chosen.id, 'promote');
    promoted.push(chosen.id);
  }
  return promoted;
}
