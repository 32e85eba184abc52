/** A waitlisted nomination as the ordering sees it. */
export interface WaitlistEntry {
  id: string;
  nationCode: string;
  /** The nation's own ranking of its nominations, 1 first; null when it gave none. */
  priority: number | null;
  /** ISO instant of submission. */
  submittedAt: string;
  eligible: boolean;
  /** It serves a planned activity of its nation's agreed programme: first among equals. */
  servesProgramme?: boolean;
  /**
   * The person is selected on another session over the same days: the entry keeps its place,
   * but no seat is offered to it, since nobody attends two courses at once.
   */
  selectedElsewhere?: boolean;
}

/** Why an entry stands where it does, in the order the criteria apply. */
export interface WaitlistReason {
  /** Its nation still has quota room, so it is owed a seat before the pool is shared. */
  entitled: boolean;
  priority: number | null;
  submittedAt: string;
}

export interface WaitlistPlace {
  id: string;
  /** 1 first. */
  position: number;
  reason: WaitlistReason;
}

function hasRoom(quotaRoom: ReadonlyMap<string, number>, nationCode: string): boolean {
  return (quotaRoom.get(nationCode) ?? 0) > 0;
}

function compare(
  a: WaitlistEntry & { entitled: boolean },
  b: WaitlistEntry & { entitled: boolean },
): number {
  if (a.entitled !== b.entitled) return a.entitled ? -1 : 1;
  if (a.priority !== b.priority) {
    if (a.priority === null) return 1;
    if (b.priority === null) return -1;
    return a.priority - b.priority;
  }
  if (Boolean(a.servesProgramme) !== Boolean(b.servesProgramme)) return a.servesProgramme ? -1 : 1;
  const at = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (at !== 0 && !Number.isNaN(at)) return at;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sorted(
  entries: readonly WaitlistEntry[],
  quotaRoom: ReadonlyMap<string, number>,
): (WaitlistEntry & { entitled: boolean })[] {
  return entries.map((e) => ({ ...e, entitled: hasRoom(quotaRoom, e.nationCode) })).sort(compare);
}

/**
 * The waitlist in the order seats are offered, with the reason for each place: nations still
 * owed quota seats first, then each nation's own priority (unranked last), then first come,
 * first served, and the id so the order never depends on how the rows were read.
 */
export function orderWaitlist(
  entries: readonly WaitlistEntry[],
  quotaRoom: ReadonlyMap<string, number>,
): WaitlistPlace[] {
  return sorted(entries, quotaRoom).map((e, index) => ({
    id: e.id,
    position: index + 1,
    reason: { entitled: e.entitled, priority: e.priority, submittedAt: e.submittedAt },
  }));
}

/**
 * The entry to offer a freed seat to: the first in waitlist order that is eligible, not selected
 * elsewhere over the same days, and fits, taking its nation's quota when there is room and the
 * open pool otherwise.
 */
export function nextToPromote(
  entries: readonly WaitlistEntry[],
  quotaRoom: ReadonlyMap<string, number>,
  poolRoom: number,
): { id: string; seatSource: 'quota' | 'pool' } | null {
  for (const e of sorted(entries, quotaRoom)) {
    if (!e.eligible || e.selectedElsewhere) continue;
    if (e.entitled) return { id: e.id, seatSource: 'quota' };
    if (poolRoom > 0) return { id: e.id, seatSource: 'pool' };
  }
  return null;
}
