import type { FieldProblem } from './field-problem.js';
import { daysBetween } from './venue-calendar.js';

/**
 * The longest session, start and end days included. The longest courses in a catalogue run
 * a few months; a year leaves room for a long programme and keeps every day-by-day view
 * (roster, attendance, working days) small.
 */
export const MAX_SESSION_DAYS = 366;

export interface SessionDates {
  startDate: string;
  endDate: string;
  nominationOpens: string;
  nominationCloses: string;
  quotaReleaseOn: string | null;
}

/**
 * Dates out of order, each named by its field: the session ends before it starts or lasts
 * longer than {@link MAX_SESSION_DAYS}, the window
 * closes before it opens or on/after the start, or quotas are released outside the window's
 * reach (after the start).
 */
export function sessionDateProblems(d: SessionDates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, code: string) =>
    problems.push({ field, message, code });
  if (d.endDate < d.startDate)
    add('endDate', 'must not be before the start date', 'end_before_start');
  if (daysBetween(d.startDate, d.endDate) >= MAX_SESSION_DAYS) {
    add('endDate', `must be within ${MAX_SESSION_DAYS} days of the start date`, 'session_too_long');
  }
  if (d.nominationCloses < d.nominationOpens) {
    add('nominationCloses', 'must not be before the window opens', 'window_closes_before_opening');
  }
  if (d.nominationCloses >= d.startDate) {
    add('nominationCloses', 'must be before the session starts', 'window_closes_after_start');
  }
  if (d.quotaReleaseOn !== null && d.quotaReleaseOn >= d.startDate) {
    add('quotaReleaseOn', 'must be before the session starts', 'quota_release_after_start');
  }
  if (d.quotaReleaseOn !== null && d.quotaReleaseOn < d.nominationOpens) {
    add('quotaReleaseOn', 'must not be before the window opens', 'quota_release_before_window');
  }
  return problems;
}
