import { describe, expect, it } from 'vitest';
import { addDays, endOfDayIn, isWindowOpen, workingDaysBetween } from './venue-calendar.js';

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
  ])('%s', (_, start, end, week, holidays, expected) => {
    expect(workingDaysBetween(start, end, week, holidays)).toEqual(expected);
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
