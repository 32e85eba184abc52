import type { ResultStatus } from '../contract/delivery.js';

/** A participant's marks over a session's working days; a day nobody marked is `unmarked`. */
export interface AttendanceCounts {
  /** The session's working days held so far (venue calendar): all of them once it has ended. */
  days: number;
  present: number;
  absent: number;
  excused: number;
}

export interface CompletionInput {
  attendance: AttendanceCounts;
  /** The session's rule: present on at least this share (percent) of the counted days. */
  completionPercent: number;
  /** The nomination's status: a withdrawn one is withdrawn whatever the marks say. */
  nominationStatus: string;
  /** Working days not yet held: the session is still running. */
  daysToCome?: number;
}

/** Why a status is proposed, in terms a director can check against the roster. */
export type CompletionReasonCode = 'withdrawn' | 'no-day-present' | 'rule-met' | 'rule-not-met';

export interface CompletionProposal {
  status: ResultStatus;
  code: CompletionReasonCode;
  /** Working days less excused ones: the denominator of the share. */
  countedDays: number;
  /** Present days as a whole percent of the counted days (rounded down), or null with none. */
  percent: number | null;
}

/**
 * The status a session's attendance proposes for one participant, over the days held so far;
 * null when there is nothing to propose yet.
 *
 * - A withdrawn nomination is `withdrawn`.
 * - While days are still to come, a person not yet present on any held day (or with no day
 *   held at all) gets no proposal: they may still arrive, and a no-show is a conclusion only
 *   the end of the course can draw. Days to come count neither for nor against anyone.
 * - With no day present it is `no-show` (all days excused included: the person never came).
 * - Excused days count neither for nor against: the share is present / (days - excused), and
 *   unmarked days count as not present, so a forgotten roster shows up as a low share rather
 *   than a silent completion.
 * - At or above the rule it is `completed`, below it `partially-attended`; the comparison is
 *   done in integers so that exactly the rule's percentage (4 of 5 days at 80%) completes.
 *
 * `failed` is never proposed: the schema keeps no pass mark for level-2 tests, so failing is
 * the course director's judgement, entered when confirming.
 */
export function proposeResult(input: CompletionInput): CompletionProposal | null {
  const { attendance, completionPercent } = input;
  const countedDays = Math.max(attendance.days - attendance.excused, 0);
  const percent =
    countedDays > 0
      ? Math.floor((Math.min(attendance.present, countedDays) * 100) / countedDays)
      : null;
  const base = { countedDays, percent };
  if (input.nominationStatus === 'withdrawn')
    return { status: 'withdrawn', code: 'withdrawn', ...base };
  const running = (input.daysToCome ?? 0) > 0;
  if (running && (attendance.present === 0 || countedDays === 0)) return null;
  if (attendance.present === 0 || countedDays === 0) {
    return { status: 'no-show', code: 'no-day-present', ...base };
  }
  if (attendance.present * 100 >= completionPercent * countedDays) {
    return { status: 'completed', code: 'rule-met', ...base };
  }
  return { status: 'partially-attended', code: 'rule-not-met', ...base };
}

/** A session's rule until its director sets one (the column's default too). */
export const DEFAULT_COMPLETION_PERCENT = 80;

/** The bounds of a session's completion rule. */
export const COMPLETION_PERCENT_MIN = 50;
export const COMPLETION_PERCENT_MAX = 100;
