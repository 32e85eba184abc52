import type { FieldProblem } from './field-problem.js';

export interface SessionDates {
  startDate: string;
  endDate: string;
  nominationOpens: string;
  nominationCloses: string;
  quotaReleaseOn: string | null;
}

/**
 * Dates out of order, each named by its field: the session ends before it starts, the window
 * closes before it opens or on/after the start, or quotas are released outside the window's
 * reach (after the start).
 */
export function sessionDateProblems(d: SessionDates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, code: string) =>
    problems.push({ field, message, code });
  if (d.endDate < d.startDate)
    add('endDate', 'must not be before the start date', 'end_before_start');
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
