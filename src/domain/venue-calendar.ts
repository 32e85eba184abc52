import { TZDate } from '@date-fns/tz';
import type { Holiday } from '../contract/sessions.js';

/** Calendar dates as 'YYYY-MM-DD'; arithmetic in UTC so no time zone shifts a day. */
function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/**
 * The longest span a day-by-day list may cover. Sessions last at most a year (see
 * `MAX_SESSION_DAYS` in session-dates.ts, refused at the contract); the cap keeps a row written
 * before that rule from turning a page view into minutes of work.
 */
export const MAX_LISTED_DAYS = 366;

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 (a Thursday); NaN for a string that is not a date. */
function dayNumber(date: string): number {
  return Math.floor(parse(date).getTime() / DAY_MS);
}

/** Days from `start` to `end` (negative when `end` is earlier), by arithmetic, never a loop. */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start);
}

/**
 * The venue's working days from `start` to `end` inclusive: days of its working week
 * (0 Sunday ... 6 Saturday; Kuwait works 0-4) that are not its public holidays. At most
 * {@link MAX_LISTED_DAYS} calendar days are looked at, so the work is bounded whatever the input.
 */
export function workingDaysBetween(
  start: string,
  end: string,
  workingWeek: readonly number[],
  holidays: readonly Pick<Holiday, 'date'>[],
): string[] {
  const first = dayNumber(start);
  const span = Math.min(dayNumber(end) - first, MAX_LISTED_DAYS - 1);
  if (!(span >= 0)) return [];
  const off = new Set(holidays.map((h) => h.date));
  const week = new Set(workingWeek);
  const days: string[] = [];
  for (let n = first; n <= first + span; n += 1) {
    // 1970-01-01 was a Thursday (4).
    if (!week.has((((n + 4) % 7) + 7) % 7)) continue;
    const day = format(new Date(n * DAY_MS));
    if (!off.has(day)) days.push(day);
  }
  return days;
}

/** The last moment of a calendar day in a time zone (23:59:59.999 local), as an instant. */
export function endOfDayIn(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, 999, timeZone).getTime());
}

/** True while a nomination window is open at `now`: from the opening day to the deadline. */
export function isWindowOpen(opens: string, closes: string, timeZone: string, now: Date): boolean {
  const [year, month, day] = opens.split('-').map(Number) as [number, number, number];
  const openAt = new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone).getTime();
  return now.getTime() >= openAt && now.getTime() <= endOfDayIn(closes, timeZone).getTime();
}

/** The calendar date at `now` in a time zone, e.g. the venue's "today". */
export function dateIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
