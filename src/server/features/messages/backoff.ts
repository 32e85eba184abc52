/** After this many failed attempts a message is marked `failed` and waits for an administrator. */
export const MAX_ATTEMPTS = 8;

const BASE_MS = 60_000;
const CAP_MS = 3_600_000;

/**
 * How long to wait after the n-th failed attempt: 1 min, 2, 4 ... capped at 1 h, spread by
 * +-20 % so that messages that failed together (a mail server restart) do not retry together.
 * `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number): number {
  const exponential = Math.min(BASE_MS * 2 ** Math.max(0, attempts - 1), CAP_MS);
  return Math.round(Math.min(exponential * (0.8 + 0.4 * random), CAP_MS));
}

/** The error as an administrator may read it: no credentials, one bounded line. */
export function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const parts = [
    typeof e?.code === 'string' ? e.code : null,
    typeof e?.responseCode === 'number' ? String(e.responseCode) : null,
    message.replace(/\/\/([^:/@\s]+):[^@\s]*@/g, '//$1:***@').replace(/\s+/g, ' '),
  ];
  return parts.filter(Boolean).join(' ').slice(0, 500);
}
