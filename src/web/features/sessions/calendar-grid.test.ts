import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarWeekStart,
  monthOf,
  monthRange,
  monthWeeks,
  placeInWeek,
  shiftMonth,
  workingWeekStart,
} from './calendar-grid.js';

describe('month arithmetic', () => {
  it('shifts across years', () => {
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
  it('knows the last day of February', () => {
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('falls back to the month of today', () => {
    expect(monthOf(undefined, '2027-03-15')).toBe('2027-03');
    expect(monthOf('nonsense', '2027-03-15')).toBe('2027-03');
    expect(monthOf('2026-11', '2027-03-15')).toBe('2026-11');
  });
  it('adds days over a month end', () => {
    expect(addDays('2027-02-27', 3)).toBe('2027-03-02');
  });
});

describe('monthWeeks', () => {
  // 1 March 2027 is a Monday.
  it('starts on Monday for en/fr', () => {
    const weeks = monthWeeks('2027-03', 1);
    expect(weeks[0]?.[0]).toEqual({ date: '2027-03-01', weekday: 1, inMonth: true });
    expect(weeks).toHaveLength(5);
    expect(weeks[4]?.[6]?.date).toBe('2027-04-04');
  });
  it('starts on Sunday for Arabic, with the last day of February first', () => {
    const weeks = monthWeeks('2027-03', 0);
    expect(weeks[0]?.[0]).toEqual({ date: '2027-02-28', weekday: 0, inMonth: false });
    expect(weeks.every((w) => w.length === 7 && w[0]?.weekday === 0)).toBe(true);
    expect(weeks.at(-1)?.some((d) => d.date === '2027-03-31')).toBe(true);
  });
});

describe('placeInWeek', () => {
  const week = monthWeeks('2027-03', 0)[1] ?? []; // Sun 7 ... Sat 13 March
  it('places a Sunday-Thursday course on five columns', () => {
    const [bar] = placeInWeek(week, [{ startDate: '2027-03-07', endDate: '2027-03-11' }]);
    expect(bar).toMatchObject({ column: 0, span: 5, lane: 0 });
    expect(bar?.continuesBefore).toBe(false);
  });
  it('clips a session that runs over the week and flags it', () => {
    const [bar] = placeInWeek(week, [{ startDate: '2027-03-01', endDate: '2027-03-20' }]);
    expect(bar).toMatchObject({ column: 0, span: 7, continuesBefore: true, continuesAfter: true });
  });
  it('puts overlapping sessions on separate lanes and reuses a free lane', () => {
    const bars = placeInWeek(week, [
      { startDate: '2027-03-07', endDate: '2027-03-08' },
      { startDate: '2027-03-08', endDate: '2027-03-09' },
      { startDate: '2027-03-10', endDate: '2027-03-10' },
    ]);
    expect(bars.map((b) => b.lane)).toEqual([0, 1, 0]);
  });
  it('leaves out sessions of other weeks', () => {
    expect(placeInWeek(week, [{ startDate: '2027-03-14', endDate: '2027-03-15' }])).toEqual([]);
  });
});

describe('calendarWeekStart', () => {
  it('starts a Sunday–Thursday week on Sunday, and a Saturday–Wednesday one on Saturday', () => {
    expect(workingWeekStart([0, 1, 2, 3, 4])).toBe(0);
    expect(workingWeekStart([1, 2, 3, 4, 5])).toBe(1);
    expect(workingWeekStart([6, 0, 1, 2, 3])).toBe(6);
    expect(workingWeekStart([])).toBeNull();
    expect(workingWeekStart([0, 1, 2, 3, 4, 5, 6])).toBeNull();
  });

  it("follows the centre's week in every language", () => {
    const venues = [
      { kind: 'city', workingDays: [1, 2, 3, 4, 5] },
      { kind: 'centre', workingDays: [0, 1, 2, 3, 4] },
    ];
    for (const locale of ['en', 'fr', 'ar']) expect(calendarWeekStart(venues, locale)).toBe(0);
  });

  it("falls back to the language's convention without venues", () => {
    expect(calendarWeekStart([], 'en')).toBe(1);
    expect(calendarWeekStart(undefined, 'ar')).toBe(0);
  });
});
