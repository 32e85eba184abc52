import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfDayIn,
  isWindowOpen,
  MAX_LISTED_DAYS,
  workingDaysBetween,
} from './venue-calendar.js';

const SUNDAY_TO_THURSDAY = [0, 1, 2, 3, 4];
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

describe('workingDaysBetween', () => {
  it.each([
    [
      'a five-day Kuwait course, Sunday to Thursday',
      '2027-03-14',
      '2027-03-18',
      SUNDAY_TO_THURSDAY,
      [],
      ['2027-03-14', '2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18'],
    ],
    [
      'a Kuwait course over a weekend skips Friday and Saturday',
      '2027-03-17',
      '2027-03-23',
      SUNDAY_TO_THURSDAY,
      [],
      ['2027-03-17', '2027-03-18', '2027-03-21', '2027-03-22', '2027-03-23'],
    ],
    [
      'a holiday (Eid) is skipped',
      '2027-03-07',
      '2027-03-11',
      SUNDAY_TO_THURSDAY,
      [{ date: '2027-03-09' }, { date: '2027-03-10' }],
      ['2027-03-07', '2027-03-08', '2027-03-11'],
    ],
    [
      'a European week runs Monday to Friday',
      '2027-03-12',
      '2027-03-19',
      MONDAY_TO_FRIDAY,
      [],
      ['2027-03-12', '2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19'],
    ],
    ['an end before the start', '2027-03-19', '2027-03-12', MONDAY_TO_FRIDAY, [], []],
    [
      'across a month end',
      '2027-02-26',
      '2027-03-01',
      MONDAY_TO_FRIDAY,
      [],
      ['2027-02-26', '2027-03-01'],
    ],
    [
      'across a leap day',
      '2028-02-28',
      '2028-03-01',
      MONDAY_TO_FRIDAY,
      [],
      ['2028-02-28', '2028-02-29', '2028-03-01'],
    ],
    ['a string that is not a date', 'soon', '2027-03-01', MONDAY_TO_FRIDAY, [], []],
  ])('%s', (_, start, end, week, holidays, expected) => {
    expect(workingDaysBetween(start, end, week, holidays)).toEqual(expected);
  });

  // A PATCH to endDate 9999-12-31 once froze the server: the day-by-day loop compared the
  // string '+010000-01-01' with '9999-12-31' and never ended. The list is now bounded.
  it.each([
    ['to the last day of year 9999', '2027-01-03', '9999-12-31'],
    ['to the day before', '2027-01-03', '9999-12-30'],
    ['over the whole range of the calendar', '1900-01-01', '2100-12-31'],
  ])('looks at no more than a year of days %s', (_, start, end) => {
    const days = workingDaysBetween(start, end, [0, 1, 2, 3, 4, 5, 6], []);
    expect(days).toHaveLength(MAX_LISTED_DAYS);
    expect(days[0]).toBe(start);
    expect(days.at(-1)).toBe(addDays(start, MAX_LISTED_DAYS - 1));
  });
});

describe('daysBetween', () => {
  it.each([
    ['the same day', '2027-03-07', '2027-03-07', 0],
    ['a leap year', '2028-01-01', '2029-01-01', 366],
    ['backwards', '2027-03-07', '2027-03-01', -6],
    ['the whole supported range', '1900-01-01', '2100-12-31', 73_413],
  ])('%s', (_, start, end, expected) => {
    expect(daysBetween(start, end)).toBe(expected);
  });
});

describe('endOfDayIn', () => {
  it.each([
    ['Kuwait, UTC+3 all year', '2027-03-10', 'Asia/Kuwait', '2027-03-10T20:59:59.999Z'],
    ['Berlin in winter, UTC+1', '2027-03-27', 'Europe/Berlin', '2027-03-27T22:59:59.999Z'],
    [
      'Berlin on the day summer time starts',
      '2027-03-28',
      'Europe/Berlin',
      '2027-03-28T21:59:59.999Z',
    ],
    ['Berlin in summer, UTC+2', '2027-07-01', 'Europe/Berlin', '2027-07-01T21:59:59.999Z'],
    [
      'Berlin on the day summer time ends',
      '2027-10-31',
      'Europe/Berlin',
      '2027-10-31T22:59:59.999Z',
    ],
    ['UTC', '2027-12-31', 'UTC', '2027-12-31T23:59:59.999Z'],
  ])('%s', (_, date, zone, expected) => {
    expect(endOfDayIn(date, zone).toISOString()).toBe(expected);
  });
});

describe('isWindowOpen', () => {
  it.each([
    ['before the opening day (Kuwait midnight is 21:00 UTC)', '2027-01-09T20:59:59Z', false],
    ['at the start of the opening day in Kuwait', '2027-01-09T21:00:00Z', true],
    ['on the last day, late in Kuwait', '2027-02-10T20:59:59Z', true],
    ['after the deadline', '2027-02-10T21:00:00Z', false],
  ])('%s', (_, now, expected) => {
    expect(isWindowOpen('2027-01-10', '2027-02-10', 'Asia/Kuwait', new Date(now))).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2027-03-27', 2, '2027-03-29'],
  ] as const)('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
