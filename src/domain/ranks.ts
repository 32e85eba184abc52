/**
 * NATO STANAG 2116 ranks in one scale: other ranks OR-1..OR-9 (1-9), then the officer designate
 * OF-D (10), then officers OF-1..OF-10 (11-20). Civilians stand outside the scale.
 */
export function rankOrder(code: string): number | null {
  const match = /^(?:OR-([1-9])|OF-(D|[1-9]|10))$/.exec(code);
  if (!match) return null;
  const [, other, officer] = match;
  if (other) return Number(other);
  return officer === 'D' ? 10 : 10 + Number(officer);
}

/**
 * Whether a rank lies within [min, max], either bound optional. A rank with no order (a civilian
 * or an unknown code) is never in a range; a bound with no order is ignored.
 */
export function isRankInRange(
  code: string,
  min: string | null | undefined,
  max: string | null | undefined,
): boolean {
  const order = rankOrder(code);
  if (order === null) return false;
  const low = min ? rankOrder(min) : null;
  const high = max ? rankOrder(max) : null;
  return (low === null || order >= low) && (high === null || order <= high);
}
