import { TZDate } from '@date-fns/tz';

/** A wall-clock time at the venue, to the minute: `2027-03-07T09:30`. */
export type LocalDateTime = string;

export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a venue's clock shows a wall-clock time. In a spring-forward gap the time does
 * not exist; TZDate moves it forward, as a clock that was put forward would.
 */
export function instantAt(local: LocalDateTime, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new RangeError(`${local} is not a local date-time`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, 0, timeZone).getTime());
}

/** What a venue's clock shows at an instant, to the minute. */
export function wallClockAt(instant: Date, timeZone: string): LocalDateTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

export type AgendaTimeProblem = 'agenda_times_reversed' | 'agenda_outside_session';

/**
 * Why an item's times do not fit: its end not after its start, or a start or an end on a day
 * outside the session's days (read on the venue's clock); null when they fit. An item may end
 * at midnight closing the last day (`…T24:00` is not written; the next day's 00:00 is refused,
 * as a session's day ends before it).
 */
export function agendaTimeProblem(
  item: { startsAt: LocalDateTime; endsAt: LocalDateTime },
  session: { startDate: string; endDate: string },
): AgendaTimeProblem | null {
  if (item.endsAt <= item.startsAt) return 'agenda_times_reversed';
  const first = item.startsAt.slice(0, 10);
  const last = item.endsAt.slice(0, 10);
  if (first < session.startDate || last > session.endDate) return 'agenda_outside_session';
  return null;
}

/**
 * True when two spans of time share a moment. Half-open: a talk that ends at 10:00 leaves the
 * speaker and the room free for one that starts at 10:00.
 */
export function spansOverlap(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}
