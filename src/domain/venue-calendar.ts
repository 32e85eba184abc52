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
 * The venue's working days from `start` to `end` inclusive: days of its working week
 * (0 Sunday ... 6 Saturday; Kuwait works 0-4) that are not its public holidays.
 */
export function workingDaysBetween(
  start: string,
  end: string,
  workingWeek: readonly number[],
  holidays: readonly Pick<Holiday, 'date'>[],
): string[] {
  const off = new Set(holidays.map((h) => h.date));
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (workingWeek.includes(parse(day).getUTCDay()) && !off.has(day)) days.push(day);
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
