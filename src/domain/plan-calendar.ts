/**
 * The weeks of a planning year and where a run of a course may start in them, at one venue.
 * Weeks are seven-day blocks that begin on a Saturday, so the Monday-Friday, Sunday-Thursday
 * and Saturday-Wednesday working weeks each fall whole inside one block.
 */

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(new Date(`${date}T00:00:00Z`).getTime() / DAY_MS);
}

function iso(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const yearText = (year: number) => String(year).padStart(4, '0');

/** The first day of week 0 of a year: the Saturday on or before 1 January. */
export function firstWeekStart(year: number): string {
  const jan1 = dayNumber(`${yearText(year)}-01-01`);
  // 1970-01-01 (day 0) was a Thursday (4); Saturday is 6.
  const weekday = (((jan1 + 4) % 7) + 7) % 7;
  return iso(jan1 - ((weekday - 6 + 7) % 7));
}

/** How many weeks a year's plan looks at: every block that holds a day of the year. */
export function weeksIn(year: number): number {
  const first = dayNumber(firstWeekStart(year));
  const last = dayNumber(`${yearText(year)}-12-31`);
  return Math.floor((last - first) / 7) + 1;
}

/** The week a date falls in, counted from week 0 of the year (may be negative or past the end). */
export function weekOf(year: number, date: string): number {
  return Math.floor((dayNumber(date) - dayNumber(firstWeekStart(year))) / 7);
}

/** What a venue's calendar says about a day. */
export interface VenueDays {
  /** 0 Sunday ... 6 Saturday. */
  workingDays: readonly number[];
  /** Dates the venue is closed (its public holidays). */
  holidays: ReadonlySet<string>;
  /** Dates no course is planned at all (Ramadan and the Eids, where the venue observes them). */
  blackout: ReadonlySet<string>;
}

/** A run that fits: its first and last day and the weeks it occupies (first to last). */
export interface RunSlot {
  week: number;
  startDate: string;
  endDate: string;
  lastWeek: number;
}

/**
 * Where a run of `durationDays` working days may start in week `week`: on the venue's first
 * working day of that week, running on consecutive working days. It does not fit (null) if it
 * would leave the year, or a working day it needs, or any day between its first and last, is a
 * holiday or a blackout day: a course is not split around a holiday.
 */
export function runSlot(
  year: number,
  week: number,
  durationDays: number,
  venue: VenueDays,
): RunSlot | null {
  if (durationDays < 1 || venue.workingDays.length === 0) return null;
  const start = dayNumber(firstWeekStart(year)) + week * 7;
  const first = dayNumber(`${yearText(year)}-01-01`);
  const last = dayNumber(`${yearText(year)}-12-31`);
  const working = new Set(venue.workingDays);
  let counted = 0;
  let startDay: number | null = null;
  for (let n = start; counted < durationDays; n += 1) {
    if (n > last || n - start > durationDays * 7 + 7) return null;
    const date = iso(n);
    const isWorking = working.has((((n + 4) % 7) + 7) % 7);
    if (startDay === null && !isWorking) continue;
    if (n < first) return null;
    if (venue.blackout.has(date)) return null;
    if (!isWorking) continue;
    if (venue.holidays.has(date)) return null;
    if (startDay === null) startDay = n;
    counted += 1;
    if (counted === durationDays) {
      return {
        week,
        startDate: iso(startDay),
        endDate: date,
        lastWeek: weekOf(year, date),
      };
    }
  }
  return null;
}
