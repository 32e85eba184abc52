/** A span of calendar days, both ends included (ISO dates compare as strings). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * True when two day ranges share at least one day. Inclusive on both ends: a lecturer whose
 * course ends on the day another starts is needed in both places that day, and a room booked
 * until Thursday is not free on Thursday.
 */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** The periods (a lecturer's unavailable periods, say) that touch the given days, in date order. */
export function overlappingPeriods<T extends DayRange>(periods: readonly T[], days: DayRange): T[] {
  return periods
    .filter((period) => rangesOverlap(period, days))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Why a period is not a period: its end before its start; null when it is fine. */
export function periodProblem(period: DayRange): string | null {
  return period.to < period.from ? 'ends before it starts' : null;
}

/**
 * How many seats a room lacks for a session: 0 when it holds the session's capacity. A smaller
 * room is a warning, not a refusal: a session rarely fills every seat, and a registrar may book
 * the plenary hall for the opening only.
 */
export function roomShortfall(roomCapacity: number, sessionCapacity: number): number {
  return Math.max(0, sessionCapacity - roomCapacity);
}

/**
 * One key per pair of languages whichever way it is written: en<>ar and ar<>en are the same
 * booth. Interpretation runs both ways, so the pair is kept in alphabetical order.
 */
export function languagePairKey(a: string, b: string): string {
  return a <= b ? `${a}<>${b}` : `${b}<>${a}`;
}

/** The indexes of pairs that repeat an earlier one, or name the same language twice. */
export function badLanguagePairs(
  pairs: readonly { from: string; to: string }[],
): { index: number; reason: 'same_language' | 'duplicate_pair' }[] {
  const seen = new Set<string>();
  const problems: { index: number; reason: 'same_language' | 'duplicate_pair' }[] = [];
  pairs.forEach((pair, index) => {
    if (pair.from === pair.to) {
      problems.push({ index, reason: 'same_language' });
      return;
    }
    const key = languagePairKey(pair.from, pair.to);
    if (seen.has(key)) problems.push({ index, reason: 'duplicate_pair' });
    seen.add(key);
  });
  return problems;
}
