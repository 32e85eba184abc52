import { describe, expect, it } from 'vitest';
import type { EligibilityLine } from '../contract/nominations.js';
import { eligibilityBrokenByMove, programmeYearBroken, venueClosures } from './session-redating.js';

const KUWAIT = {
  workingDays: [0, 1, 2, 3, 4],
  holidays: [{ date: '2027-03-10', name: { en: 'Eid al-Fitr' } }],
};

describe('venueClosures', () => {
  it.each([
    ['Sunday to Thursday', '2027-03-07', '2027-03-11', []],
    ['one working day', '2027-03-08', '2027-03-08', []],
    ['over Eid, which falls inside', '2027-03-08', '2027-03-11', []],
    [
      'from a Friday',
      '2027-03-05',
      '2027-03-11',
      [{ code: 'venue_closed', field: 'startDate', date: '2027-03-05', holiday: null }],
    ],
    [
      'to Eid',
      '2027-03-07',
      '2027-03-10',
      [
        {
          code: 'venue_closed',
          field: 'endDate',
          date: '2027-03-10',
          holiday: { en: 'Eid al-Fitr' },
        },
      ],
    ],
    [
      'on Eid alone, named once',
      '2027-03-10',
      '2027-03-10',
      [
        {
          code: 'venue_closed',
          field: 'startDate',
          date: '2027-03-10',
          holiday: { en: 'Eid al-Fitr' },
        },
      ],
    ],
    [
      'a weekend at both ends',
      '2027-03-06',
      '2027-03-12',
      [
        { code: 'venue_closed', field: 'startDate', date: '2027-03-06', holiday: null },
        { code: 'venue_closed', field: 'endDate', date: '2027-03-12', holiday: null },
      ],
    ],
  ])('%s', (_, startDate, endDate, expected) => {
    expect(venueClosures({ startDate, endDate }, KUWAIT)).toEqual(expected);
  });
});

const who = { nominationId: 'n1', participantName: 'Salem Al-Ali' };
const line = (
  rule: EligibilityLine['rule'],
  outcome: EligibilityLine['outcome'],
  params: Record<string, string> = {},
): EligibilityLine => ({ rule, outcome, params });

describe('eligibilityBrokenByMove', () => {
  it.each([
    ['nothing dated fails', [line('window', 'fail')], [line('window', 'fail')], []],
    [
      'a clearance that now expires during the session',
      [line('clearance-expiry', 'pass', { expires: '2027-03-20', end: '2027-03-11' })],
      [line('clearance-expiry', 'fail', { expires: '2027-03-20', end: '2027-03-25' })],
      [['clearance-expiry', 'endDate']],
    ],
    [
      'a clearance that failed already (overridden then)',
      [line('clearance-expiry', 'fail', { expires: '2027-03-01', end: '2027-03-11' })],
      [line('clearance-expiry', 'fail', { expires: '2027-03-01', end: '2027-03-25' })],
      [],
    ],
    [
      'a new overlap with a seat held elsewhere',
      [],
      [line('overlap', 'fail', { session: 'OTHER-1', status: 'selected' })],
      [['overlap', 'startDate']],
    ],
    [
      'an overlap with a pending nomination only warns',
      [],
      [line('overlap', 'warn', { session: 'OTHER-1', status: 'submitted' })],
      [],
    ],
    [
      'the same overlap as before',
      [line('overlap', 'fail', { session: 'OTHER-1', status: 'selected' })],
      [line('overlap', 'fail', { session: 'OTHER-1', status: 'selected' })],
      [],
    ],
  ])('%s', (_, before, after, expected) => {
    const conflicts = eligibilityBrokenByMove(who, before, after);
    expect(conflicts.map((c) => (c.code === 'breaks_eligibility' ? [c.rule, c.field] : c))).toEqual(
      expected,
    );
    for (const c of conflicts) expect(c).toMatchObject({ code: 'breaks_eligibility', ...who });
  });
});

describe('programmeYearBroken', () => {
  const serving = (years: number[]) => ({ ...who, years });
  it.each([
    ['same year', [2027], '2027-03-07', '2027-11-07', false],
    ['into another planned year', [2027, 2028], '2027-12-05', '2028-01-09', false],
    ['out of the planned years', [2027], '2027-12-05', '2028-01-09', true],
    ['a link that did not serve before either', [2026], '2027-12-05', '2028-01-09', false],
  ])('%s', (_, years, from, to, broken) => {
    const conflicts = programmeYearBroken(serving(years), from, to);
    expect(conflicts.length > 0).toBe(broken);
    if (broken) {
      expect(conflicts[0]).toMatchObject({ code: 'outside_programme_years', years, ...who });
    }
  });
});
