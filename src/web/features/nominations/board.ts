import type { NominationSummary } from '../../../contract/index.js';

/** Board rows grouped by nation, each nation's first choice first, unranked ones last. */
export function boardOrder(rows: readonly NominationSummary[]): NominationSummary[] {
  return [...rows].sort(
    (a, b) =>
      a.nationCode.localeCompare(b.nationCode) ||
      (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER) ||
      a.participantName.latin.localeCompare(b.participantName.latin),
  );
}

/** The waitlist as the server ordered it: position 1 gets the next seat that frees up. */
export function waitlistOrder(rows: readonly NominationSummary[]): NominationSummary[] {
  return rows
    .filter((n) => n.status === 'waitlisted' && n.waitlist !== null)
    .sort((a, b) => (a.waitlist?.position ?? 0) - (b.waitlist?.position ?? 0));
}

/** Only nominations still open to a centre decision can be ticked for a bulk action. */
export function isDecidable(n: NominationSummary): boolean {
  return n.allowedActions.some((a) => a === 'select' || a === 'waitlist' || a === 'reject');
}

/** How many people and nations a step touches. */
export interface Reach {
  selected: number;
  waitlisted: number;
  /** Submitted and waiting for the centre's decision. */
  pending: number;
  /** Nations of all of the above. */
  nations: number;
}

/** Who a session-wide step (cancelling, completing) or a bulk decision reaches. */
export function reachOf(rows: readonly Pick<NominationSummary, 'status' | 'nationCode'>[]): Reach {
  const counted = rows.filter(
    (r) => r.status === 'selected' || r.status === 'waitlisted' || r.status === 'submitted',
  );
  return {
    selected: counted.filter((r) => r.status === 'selected').length,
    waitlisted: counted.filter((r) => r.status === 'waitlisted').length,
    pending: counted.filter((r) => r.status === 'submitted').length,
    nations: new Set(counted.map((r) => r.nationCode)).size,
  };
}
