/** `part` of `whole` in percent with one decimal; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}
