/** A year from the URL, kept only when it is one the reports accept. */
export function reportYear(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}
