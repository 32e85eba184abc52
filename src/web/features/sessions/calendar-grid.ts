/**
 * The month view's geometry, kept free of React and of the clock so it can be tested:
 * weeks of a month for a given first weekday, and sessions laid out as bars on those weeks.
 * Dates are `YYYY-MM-DD` strings handled in UTC, so no time zone ever shifts a day.
 */

export interface CalendarDay {
  date: string;
  /** 0 Sunday ... 6 Saturday, as in JavaScript and the venue's working days. */
  weekday: number;
  inMonth: boolean;
}

const MONTH = /^(\d{4})-(\d{2})$/;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `2027-03` for a date or a month; the month of `today` when the value is not one. */
export function monthOf(value: string | undefined, today: string): string {
  return value && MONTH.test(value) ? value : today.slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, m - 1 + delta, 1));
  return iso(d).slice(0, 7);
}

/** First and last day of a month, the range the calendar asks the server for. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/** The weeks that cover the month, each of seven days starting on `firstWeekday`. */
export function monthWeeks(month: string, firstWeekday: number): CalendarDay[][] {
  const { from, to } = monthRange(month);
  const lead = (toUtc(from).getUTCDay() - firstWeekday + 7) % 7;
  let day = addDays(from, -lead);
  const weeks: CalendarDay[][] = [];
  while (day <= to) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, weekday: toUtc(day).getUTCDay(), inMonth: day.slice(0, 7) === month });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export interface Dated {
  startDate: string;
  endDate: string;
}

export interface PlacedBar<T> {
  item: T;
  /** Column of the first day shown in this week, 0-6. */
  column: number;
  span: number;
  /** Row within the week, so overlapping bars do not cover one another. */
  lane: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** Lays the items that overlap a week out as bars; earlier and longer bars take the top lanes. */
export function placeInWeek<T extends Dated>(week: readonly CalendarDay[], items: readonly T[]) {
  const first = week[0]?.date ?? '';
  const last = week[week.length - 1]?.date ?? '';
  const overlapping = items
    .filter((item) => item.startDate <= last && item.endDate >= first)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate));
  const laneEnds: number[] = [];
  return overlapping.map((item): PlacedBar<T> => {
    const start = [first, item.startDate].sort()[1] ?? first;
    const end = [last, item.endDate].sort()[0] ?? last;
    const column = week.findIndex((d) => d.date === start);
    const endColumn = week.findIndex((d) => d.date === end);
    let lane = laneEnds.findIndex((taken) => taken < column);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = endColumn;
    return {
      item,
      column,
      span: endColumn - column + 1,
      lane,
      continuesBefore: item.startDate < first,
      continuesAfter: item.endDate > last,
    };
  });
}

/** The user's convention: Sunday first in Arabic (as in the Gulf), Monday in English and French. */
export function firstWeekdayFor(locale: string): number {
  return locale === 'ar' ? 0 : 1;
}

/**
 * The day a working week starts: the working day after a day off, Sunday for a Sunday–Thursday
 * week. Null when every day or no day is worked, where no day stands out.
 */
export function workingWeekStart(workingDays: readonly number[]): number | null {
  const worked = new Set(workingDays);
  if (worked.size === 0 || worked.size === 7) return null;
  for (let day = 0; day < 7; day++) {
    if (worked.has(day) && !worked.has((day + 6) % 7)) return day;
  }
  return null;
}

/**
 * The calendar's first column: the centre's working week, whatever the reader's language, so
 * that a Sunday–Thursday course reads as one row; the language's convention when no venue says.
 */
export function calendarWeekStart(
  venues: readonly { kind: string; workingDays: readonly number[] }[] | undefined,
  locale: string,
): number {
  const centre = venues?.find((v) => v.kind === 'centre') ?? venues?.[0];
  return (centre ? workingWeekStart(centre.workingDays) : null) ?? firstWeekdayFor(locale);
}
