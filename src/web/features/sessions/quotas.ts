import type { Quota } from '../../../contract/index.js';

/** The quota grid holds one number (or blank) per nation code. */
export type QuotaValues = Record<string, number | string>;

export interface QuotaTotals {
  total: number;
  pool: number;
  over: boolean;
}

function seatsOf(value: number | string | undefined): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Live totals under the grid: the open pool is what no nation has reserved. */
export function quotaTotals(values: QuotaValues, capacity: number | string): QuotaTotals {
  const total = Object.values(values).reduce<number>((sum, v) => sum + seatsOf(v), 0);
  const cap = seatsOf(capacity);
  return { total, pool: cap - total, over: total > cap };
}

/** Only nations with seats are sent; the server treats a missing nation as no quota. */
export function toQuotas(values: QuotaValues): Quota[] {
  return Object.entries(values)
    .map(([nationCode, v]) => ({ nationCode, seats: seatsOf(v) }))
    .filter((q) => q.seats > 0)
    .sort((a, b) => a.nationCode.localeCompare(b.nationCode));
}

export function toQuotaValues(quotas: readonly Quota[]): QuotaValues {
  return Object.fromEntries(quotas.map((q) => [q.nationCode, q.seats]));
}
