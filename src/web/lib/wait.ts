import type { Translate } from './validation.js';

/** "15 minutes", "30 seconds": a wait in whole units, with the language's plural forms. */
export function waitText(seconds: number, t: Translate): string {
  // A plural key: i18next picks names.wait.minutes_one, _two, _few... by the count.
  const [unit, count] =
    seconds >= 60 ? ['minutes', Math.ceil(seconds / 60)] : ['seconds', Math.ceil(seconds)];
  return t(`names.wait.${unit}`, { count });
}

// Problems that say how long to wait (Retry-After) and have a sentence that uses it.
const WAITS = new Set(['rate_limited', 'sign_in_delayed']);

/** The sentence for a problem that carries `retryAfter`, or null for any other. */
export function waitMessage(code: string, body: unknown, t: Translate): string | null {
  const retryAfter = (body as { retryAfter?: unknown } | null | undefined)?.retryAfter;
  if (!WAITS.has(code) || typeof retryAfter !== 'number' || retryAfter <= 0) return null;
  return t(`names.throttle.${code}`, { wait: waitText(retryAfter, t) });
}
