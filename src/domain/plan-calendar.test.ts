import { describe, expect, it } from 'vitest';
import { firstWeekStart, runSlot, weekOf, weeksIn } from './plan-calendar.js';

const KUWAIT = {
  workingDays: [0, 1, 2, 3, 4],
  holidays: new Set<string>(),
  blackout: new Set<string>(),
};
const EUROPE = {
  workingDays: [1, 2, 3, 4, 5],
  holidays: new Set<string>(),
  blackout: new Set<string>(),
};

describe('plan weeks', () => {
  it('start on the Saturday on or before 1 January', () => {
    expect(firstWeekStart(2027)).toBe('2026-12-26');
    expect(firstWeekStart(2028)).toBe('2028-01-01');
    expect(weeksIn(2027)).toBe(53);
    expect(weekOf(2027, '2027-01-02')).toBe(1);
  });
});

describe('runSlot', () => {
  it.each([
    [
      'five days in Kuwait run Sunday to Thursday',
      2,
      5,
      KUWAIT,
      { startDate: '2027-01-10', endDate: '2027-01-14', lastWeek: 2 },
    ],
    [
      'five days in Europe run Monday to Friday',
      2,
      5,
      EUROPE,
      { startDate: '2027-01-11', endDate: '2027-01-15', lastWeek: 2 },
    ],
    [
      'ten days span two weeks',
      2,
      10,
      KUWAIT,
      { startDate: '2027-01-10', endDate: '2027-01-21', lastWeek: 3 },
    ],
  ])('%s', (_name, week, days, venue, expected) => {
    expect(runSlot(2027, week, days, venue)).toMatchObject(expected);
  });

  it.each([
    ['a holiday inside the run', { ...KUWAIT, holidays: new Set(['2027-01-12']) }, 2],
    ['a Ramadan day inside the run', { ...KUWAIT, blackout: new Set(['2027-01-13']) }, 2],
    ['the first week when its first working day is last year', KUWAIT, 0],
    ['a week past the year', KUWAIT, 60],
  ])('refuses %s', (_name, venue, week) => {
    expect(runSlot(2027, week, 5, venue)).toBeNull();
  });
});
