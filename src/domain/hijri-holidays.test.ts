import { describe, expect, it } from 'vitest';
import { daysOf, fromHijri, islamicHolidays, toHijri } from './hijri-holidays.js';

// Published Umm al-Qura dates (the Saudi calendar's forecast, as printed).
describe('Umm al-Qura dates', () => {
  it.each([
    ['1 Ramadan 1444', { year: 1444, month: 9, day: 1 }, '2023-03-23'],
    ['1 Shawwal 1444', { year: 1444, month: 10, day: 1 }, '2023-04-21'],
    ['10 Dhu al-Hijjah 1444', { year: 1444, month: 12, day: 10 }, '2023-06-28'],
    ['1 Ramadan 1445', { year: 1445, month: 9, day: 1 }, '2024-03-11'],
    ['1 Shawwal 1445', { year: 1445, month: 10, day: 1 }, '2024-04-10'],
    ['10 Dhu al-Hijjah 1445', { year: 1445, month: 12, day: 10 }, '2024-06-16'],
    ['1 Ramadan 1446', { year: 1446, month: 9, day: 1 }, '2025-03-01'],
    ['1 Shawwal 1446', { year: 1446, month: 10, day: 1 }, '2025-03-30'],
    ['10 Dhu al-Hijjah 1446', { year: 1446, month: 12, day: 10 }, '2025-06-06'],
    ['1 Ramadan 1447', { year: 1447, month: 9, day: 1 }, '2026-02-18'],
    ['1 Shawwal 1447', { year: 1447, month: 10, day: 1 }, '2026-03-20'],
    ['10 Dhu al-Hijjah 1447', { year: 1447, month: 12, day: 10 }, '2026-05-27'],
  ])('%s is %s', (_name, hijri, gregorian) => {
    expect(fromHijri(hijri)).toBe(gregorian);
    expect(toHijri(gregorian)).toEqual(hijri);
  });

  it('a day that does not exist has no Gregorian date', () => {
    expect(fromHijri({ year: 1446, month: 9, day: 31 })).toBeNull();
  });
});

describe('islamicHolidays', () => {
  it('lists Ramadan and both Eids of 2025 with their lengths', () => {
    expect(islamicHolidays(2025)).toEqual([
      { kind: 'ramadan', hijriYear: 1446, from: '2025-03-01', to: '2025-03-29', confirmed: false },
      {
        kind: 'eid-al-fitr',
        hijriYear: 1446,
        from: '2025-03-30',
        to: '2025-04-01',
        confirmed: false,
      },
      {
        kind: 'eid-al-adha',
        hijriYear: 1446,
        from: '2025-06-05',
        to: '2025-06-08',
        confirmed: false,
      },
    ]);
  });

  it('takes the date confirmed by sighting over the forecast', () => {
    const periods = islamicHolidays(2025, { overrides: { 1446: { eidAlFitr: '2025-03-31' } } });
    expect(periods.find((p) => p.kind === 'ramadan')).toMatchObject({
      to: '2025-03-30',
      confirmed: true,
    });
    expect(periods.find((p) => p.kind === 'eid-al-fitr')).toMatchObject({
      from: '2025-03-31',
      to: '2025-04-02',
      confirmed: true,
    });
  });

  it('lists Ramadan every year, and its days close the calendar', () => {
    const kinds = islamicHolidays(2030).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'ramadan').length).toBeGreaterThanOrEqual(1);
    expect(daysOf(islamicHolidays(2030)).size).toBeGreaterThan(29);
  });
});
