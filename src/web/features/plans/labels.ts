import type { Locale } from '../../../contract/index.js';
import type { PlanSession } from '../../../contract/plans.js';

const tagOf = (locale: Locale) => (locale === 'ar' ? 'ar-u-nu-latn' : locale);

/** "3–7 Feb" in the reader's language: short enough for a block one week wide. */
export function shortRange(start: string, end: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(tagOf(locale), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return f.formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
}

/** "KWT 6 · QAT 4": a session's quotas, largest first. */
export function quotaSummary(quotas: PlanSession['quotas']): string {
  return Object.entries(quotas)
    .filter(([, seats]) => seats > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([nation, seats]) => `${nation} ${seats}`)
    .join(' · ');
}

/** The share of the solver's bound the plan reaches, as a whole percentage. */
export function scorePercent(score: number, bound: number): number {
  return bound > 0 ? Math.round((score / bound) * 100) : 100;
}
