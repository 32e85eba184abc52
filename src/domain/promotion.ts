import { nextToPromote, type WaitlistEntry } from './waitlist.js';

/** Everything the plan needs to know about a session's seats at one instant. */
export interface PromotionRoom {
  /** Seats left per nation quota. */
  quotaRoom: ReadonlyMap<string, number>;
  /** Seats left in the open pool (capacity less quotas less pool seats given). */
  poolRoom: number;
  /** Seats left on the session as a whole: capacity less seats given. */
  seatsLeft: number;
}

export interface PlannedPromotion {
  id: string;
  seatSource: 'quota' | 'pool';
}

/**
 * Who the waitlist promotes now, in order, as far as seats allow and no further. Each step is
 * the waitlist's own explained order (`nextToPromote`) re-read after the previous seat was
 * given, so a nation whose quota fills stops being owed seats before the pool is shared.
 * Nothing when promotion is paused on the session; `held` are nominations a registrar has just
 * waitlisted on purpose, which this run does not undo. An entry whose person is selected on
 * another session over the same days is passed over and stays waitlisted.
 */
export function promotionPlan(
  entries: readonly WaitlistEntry[],
  room: PromotionRoom,
  options: { paused?: boolean; held?: ReadonlySet<string> } = {},
): PlannedPromotion[] {
  if (options.paused) return [];
  const held = options.held ?? new Set<string>();
  let waiting = entries.filter((e) => !held.has(e.id));
  const quotaRoom = new Map(room.quotaRoom);
  let poolRoom = room.poolRoom;
  let seatsLeft = room.seatsLeft;
  const plan: PlannedPromotion[] = [];
  while (seatsLeft > 0) {
    const next = nextToPromote(waiting, quotaRoom, poolRoom);
    if (!next) break;
    const nationCode = waiting.find((e) => e.id === next.id)?.nationCode ?? '';
    if (next.seatSource === 'quota')
      quotaRoom.set(nationCode, (quotaRoom.get(nationCode) ?? 0) - 1);
    else poolRoom -= 1;
    seatsLeft -= 1;
    plan.push(next);
    waiting = waiting.filter((e) => e.id !== next.id);
  }
  return plan;
}
