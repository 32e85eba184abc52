import type { Locale } from '../../../contract/index.js';
import { firstWeekStart, weekOf, weeksIn } from '../../../domain/plan-calendar.js';
import { addDays } from '../../../domain/venue-calendar.js';

/** A stretch of consecutive weeks under one label (a month, or a holiday). */
export interface WeekSpan {
  label: string;
  first: number;
  count: number;
}

const tagOf = (locale: Locale) => (locale === 'ar' ? 'ar-u-nu-latn' : locale);

/** The weeks the plan looks at, each with its first day (weeks begin on a Saturday). */
export function yearWeeks(year: number): { week: number; start: string }[] {
  const first = firstWeekStart(year);
  return Array.from({ length: weeksIn(year) }, (_, week) => ({
    week,
    start: addDays(first, week * 7),
  }));
}

/** Runs of weeks whose middle day shares a label: how month names sit along the week axis. */
function spans(year: number, labelOf: (date: string) => string): WeekSpan[] {
  const out: WeekSpan[] = [];
  for (const { week, start } of yearWeeks(year)) {
    const label = labelOf(addDays(start, 3));
    const last = out[out.length - 1];
    if (last && last.label === label) last.count += 1;
    else out.push({ label, first: week, count: 1 });
  }
  return out;
}

const at = (date: string) => new Date(`${date}T12:00:00Z`);

/** Gregorian months along the week axis, in the reader's language. */
export function gregorianMonths(year: number, locale: Locale): WeekSpan[] {
  const f = new Intl.DateTimeFormat(tagOf(locale), { month: 'short', timeZone: 'UTC' });
  return spans(year, (d) => f.format(at(d)));
}

/**
 * Hijri months along the week axis, from the Umm al-Qura calendar Intl ships (the one the
 * planner's Ramadan and Eid dates come from), with the Hijri year.
 */
export function hijriMonths(year: number, locale: Locale): WeekSpan[] {
  const tag =
    locale === 'ar' ? 'ar-u-ca-islamic-umalqura-nu-latn' : `${locale}-u-ca-islamic-umalqura`;
  const f = new Intl.DateTimeFormat(tag, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return spans(year, (d) => f.format(at(d)));
}

/** The weeks a dated period touches, clipped to the year's weeks. */
export function weekRange(year: number, from: string, to: string): { first: number; last: number } {
  const max = weeksIn(year) - 1;
  return {
    first: Math.max(0, Math.min(max, weekOf(year, from))),
    last: Math.max(0, Math.min(max, weekOf(year, to))),
  };
}

/**
 * Lanes for a venue's runs: runs that share a week go on separate lanes, so no block hides
 * another. Returns each run's lane and how many lanes the venue needs.
 */
export function laneOf<T extends { id: string; first: number; last: number }>(
  runs: readonly T[],
): { lanes: Map<string, number>; count: number } {
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  for (const run of [...runs].sort((a, b) => a.first - b.first || a.last - b.last)) {
    let lane = ends.findIndex((end) => end < run.first);
    if (lane < 0) lane = ends.length;
    ends[lane] = run.last;
    lanes.set(run.id, lane);
  }
  return { lanes, count: Math.max(1, ends.length) };
}
