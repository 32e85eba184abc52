import type { EligibilityLine } from '../contract/nominations.js';
import type { Holiday } from '../contract/sessions.js';
import { workingDaysBetween } from './venue-calendar.js';

/**
 * Why a published session cannot move to new dates or another venue. Each kind has a stable
 * code: the venue is closed on its first or last day (`venue_closed`), a nomination would no
 * longer serve its nation's programme, planned for other years (`outside_programme_years`), or
 * a nomination that was eligible at the old dates is not at the new ones
 * (`breaks_eligibility`).
 */
export type RedatingConflict =
  | {
      code: 'venue_closed';
      field: 'startDate' | 'endDate';
      date: string;
      /** The holiday's name, or null when the day is outside the venue's working week. */
      holiday: Holiday['name'] | null;
    }
  | {
      code: 'outside_programme_years';
      field: 'startDate';
      nominationId: string;
      participantName: string;
      years: number[];
    }
  | {
      code: 'breaks_eligibility';
      field: 'startDate' | 'endDate';
      nominationId: string;
      participantName: string;
      rule: EligibilityLine['rule'];
      params: Record<string, string>;
    };

export const REDATING_CODES = [
  'venue_closed',
  'outside_programme_years',
  'breaks_eligibility',
] as const;

/**
 * A session's first and last days must be days its venue works: nobody opens or closes a course
 * on a weekend or on Eid. Days in between may be off; they are skipped as working days.
 */
export function venueClosures(
  dates: { startDate: string; endDate: string },
  venue: { workingDays: readonly number[]; holidays: readonly Holiday[] },
): RedatingConflict[] {
  const conflicts: RedatingConflict[] = [];
  const ends = [
    ['startDate', dates.startDate],
    ['endDate', dates.endDate],
  ] as const;
  for (const [field, date] of ends) {
    if (field === 'endDate' && date === dates.startDate) continue;
    if (workingDaysBetween(date, date, venue.workingDays, venue.holidays).length > 0) continue;
    const holiday = venue.holidays.find((h) => h.date === date)?.name ?? null;
    conflicts.push({ code: 'venue_closed', field, date, holiday });
  }
  return conflicts;
}

/** Eligibility rules whose outcome depends on the session's dates. */
const DATED_RULES: ReadonlySet<EligibilityLine['rule']> = new Set(['clearance-expiry', 'overlap']);

/**
 * The dated rules a nomination fails at the new dates but passed (or only warned about) at the
 * old ones: moving the session is what breaks them. A failure that was there before (and that a
 * registrar may have overridden) is not the move's doing.
 */
export function eligibilityBrokenByMove(
  nomination: { nominationId: string; participantName: string },
  before: readonly EligibilityLine[],
  after: readonly EligibilityLine[],
): RedatingConflict[] {
  // An overlap is with one other session; the clearance rule is one rule whatever the dates.
  const key = (l: EligibilityLine) =>
    l.rule === 'overlap' ? `overlap|${l.params.session}` : l.rule;
  const failedBefore = new Set(before.filter((l) => l.outcome === 'fail').map(key));
  return after
    .filter((l) => DATED_RULES.has(l.rule) && l.outcome === 'fail' && !failedBefore.has(key(l)))
    .map((l) => ({
      code: 'breaks_eligibility' as const,
      field: l.rule === 'clearance-expiry' ? ('endDate' as const) : ('startDate' as const),
      nominationId: nomination.nominationId,
      participantName: nomination.participantName,
      rule: l.rule,
      params: l.params,
    }));
}

/** A nomination serving a programme line planned for `years` stops serving it in another year. */
export function programmeYearBroken(
  nomination: { nominationId: string; participantName: string; years: readonly number[] },
  oldStart: string,
  newStart: string,
): RedatingConflict[] {
  const oldYear = Number(oldStart.slice(0, 4));
  const newYear = Number(newStart.slice(0, 4));
  if (oldYear === newYear || !nomination.years.includes(oldYear)) return [];
  if (nomination.years.includes(newYear)) return [];
  return [
    {
      code: 'outside_programme_years',
      field: 'startDate',
      nominationId: nomination.nominationId,
      participantName: nomination.participantName,
      years: [...nomination.years].sort((a, b) => a - b),
    },
  ];
}
