import type { Locale } from '../../../contract/index.js';
import { zoneName } from '../../lib/dates.js';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "in 3 days", "in 5 hours", "2 days ago": the largest whole unit, so a deadline tomorrow
 * morning does not read as "in 0 days".
 */
export function relativeTo(target: string, now: Date, locale: Locale): string {
  const diff = new Date(target).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
    numeric: 'auto',
  });
  for (const [unit, ms] of UNITS) {
    const amount = Math.trunc(diff / ms);
    if (amount !== 0) return format.format(amount, unit);
  }
  return format.format(0, 'minute');
}

/** The exact instant as the venue's clock reads it, with the zone named in the reader's language. */
export function venueTime(target: string, timeZone: string | undefined, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : locale === 'fr' ? 'fr-FR' : 'en-GB';
  const text = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(target));
  return timeZone ? `${text} (${zoneName(timeZone, locale)})` : text;
}

/** Whole days left, rounding down: what "within 7 days" is measured with. */
export function daysLeft(target: string, now: Date): number {
  return Math.floor((new Date(target).getTime() - now.getTime()) / 86_400_000);
}
