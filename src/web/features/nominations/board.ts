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
