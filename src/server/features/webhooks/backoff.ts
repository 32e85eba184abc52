/**
 * The Standard Webhooks specification's suggested schedule: after the first failure 5 s, then
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; after the eighth attempt the delivery is given up on
 * (an administrator may send it again). Each wait spread by +-10 % so that deliveries that
 * failed together do not come back together.
 */
const DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

export const MAX_WEBHOOK_ATTEMPTS = DELAYS_MS.length + 1;

/** The wait after the n-th failed attempt, or null when it was the last. `random` in [0, 1). */
export function webhookRetryDelayMs(attempts: number, random: number): number | null {
  const base = DELAYS_MS[attempts - 1];
  return base === undefined ? null : Math.round(base * (0.9 + 0.2 * random));
}
