import { describe, expect, it } from 'vitest';
import { type SessionDates, sessionDateProblems } from './session-dates.js';

const good: SessionDates = {
  startDate: '2027-03-07',
  endDate: '2027-03-11',
  nominationOpens: '2027-01-10',
  nominationCloses: '2027-02-10',
  quotaReleaseOn: '2027-02-01',
};

describe('sessionDateProblems', () => {
  it.each([
    ['dates in order', {}, []],
    ['no quota release date', { quotaReleaseOn: null }, []],
    ['a one-day session', { endDate: '2027-03-07' }, []],
    ['an end before the start', { endDate: '2027-03-06' }, [['endDate', 'end_before_start']]],
    ['a session of exactly 366 days', { endDate: '2028-03-06' }, []],
    ['a session of 367 days', { endDate: '2028-03-07' }, [['endDate', 'session_too_long']]],
    [
      'a session that ends in 2100 (the attack on the day-by-day loop)',
      { endDate: '2100-12-31' },
      [['endDate', 'session_too_long']],
    ],
    [
      'a window that closes before it opens',
      { nominationCloses: '2027-01-09', quotaReleaseOn: null },
      [['nominationCloses', 'window_closes_before_opening']],
    ],
    [
      'a window that closes on the first day',
      { nominationCloses: '2027-03-07' },
      [['nominationCloses', 'window_closes_after_start']],
    ],
    [
      'quotas released on the first day',
      { quotaReleaseOn: '2027-03-07' },
      [['quotaReleaseOn', 'quota_release_after_start']],
    ],
    [
      'quotas released before the window opens',
      { quotaReleaseOn: '2027-01-09' },
      [['quotaReleaseOn', 'quota_release_before_window']],
    ],
  ] as const)('%s', (_, overrides, expected) => {
    const problems = sessionDateProblems({ ...good, ...overrides });
    expect(problems.map((p) => [p.field, p.code])).toEqual(expected);
  });
});
