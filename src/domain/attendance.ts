import type { AttendanceStatus } from '../contract/delivery.js';

/** Why a day cannot be marked, or null when it can. */
export type DayProblem = 'not_a_session_day' | 'day_not_started';

/**
 * A day may be marked when it is one of the session's working days and has begun at the venue
 * (`venueToday` is the venue's date now). Days already past stay markable until results close,
 * so a roster kept offline for days can still be sent.
 */
export function dayProblem(
  day: string,
  workingDays: readonly string[],
  venueToday: string,
): DayProblem | null {
  if (!workingDays.includes(day)) return 'not_a_session_day';
  if (day > venueToday) return 'day_not_started';
  return null;
}

/**
 * The working days a session has held by `venueToday`, today included: every day once it is
 * completed. A day someone already marked counts too, whatever this server's clock says: a mark
 * is only accepted on a day that has begun at the venue, so it proves the day began.
 */
export function daysHeld(
  workingDays: readonly string[],
  venueToday: string,
  options: { completed: boolean; markedDays: ReadonlySet<string> },
): string[] {
  if (options.completed) return [...workingDays];
  return workingDays.filter((day) => day <= venueToday || options.markedDays.has(day));
}

/** The day a roster opens on: today when it is a session day, else the nearest earlier one. */
export function defaultRosterDay(
  workingDays: readonly string[],
  venueToday: string,
): string | null {
  if (workingDays.length === 0) return null;
  const begun = workingDays.filter((d) => d <= venueToday);
  return begun.at(-1) ?? workingDays[0] ?? null;
}

export interface StoredMark {
  status: AttendanceStatus;
  version: number;
}

/** apply: write it; unchanged: already so, write nothing; conflict: someone marked since. */
export type MarkDecision = 'apply' | 'unchanged' | 'conflict';

/**
 * Whether an incoming mark may be written over what is stored. A mark is built on the version
 * its sender saw (`baseVersion`, null when they saw none); when the stored mark has moved on,
 * a different status is not applied (nobody's mark is silently overwritten), while the same
 * status is simply already there (a re-sent batch after a lost answer changes nothing).
 */
export function decideMark(
  stored: StoredMark | null,
  incoming: { status: AttendanceStatus; baseVersion: number | null },
): MarkDecision {
  if (stored === null) return 'apply';
  if (stored.status === incoming.status) return 'unchanged';
  return incoming.baseVersion === stored.version ? 'apply' : 'conflict';
}

/** The text a day's check-in code signs: the session and the day, nothing personal. */
export function checkInPayload(sessionCode: string, day: string): string {
  return `${sessionCode}.${day.replaceAll('-', '')}`;
}

/** The code a QR carries: `<session code>.<YYYYMMDD>.<signature>`, safe in a URL path. */
export function formatCheckInCode(sessionCode: string, day: string, signature: string): string {
  return `${checkInPayload(sessionCode, day)}.${signature}`;
}

const CODE = /^([A-Z0-9][A-Z0-9-]{1,47})\.(\d{4})(\d{2})(\d{2})\.([A-Za-z0-9_-]{16,128})$/;

/** The parts of a check-in code, or null when it is not one (malformed or truncated). */
export function parseCheckInCode(
  code: string,
): { sessionCode: string; day: string; signature: string } | null {
  const match = CODE.exec(code.trim());
  if (!match) return null;
  const [, sessionCode = '', year, month, dayOfMonth, signature = ''] = match;
  const day = `${year}-${month}-${dayOfMonth}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return null;
  return { sessionCode, day, signature };
}

/**
 * Whether a (genuine) code for `day` may be used on `venueToday`: only on its own day. Before
 * it, it is the wrong day's code; after it, it has expired.
 */
export function checkInTiming(day: string, venueToday: string): 'valid' | 'early' | 'expired' {
  if (day < venueToday) return 'expired';
  if (day > venueToday) return 'early';
  return 'valid';
}
