import { describe, expect, it } from 'vitest';
import { timeZoneOptions, timeZones, weekdayNames, weekOrder } from './weekdays.js';

describe('weekdays', () => {
  it('names the days from Sunday', () => {
    expect(weekdayNames('en')).toEqual([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    expect(weekdayNames('fr', 'short')[1]).toBe('lun.');
    expect(weekdayNames('ar')[5]).toBe('الجمعة');
  });
  it('orders the week from its first day', () => {
    expect(weekOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });
  it('lists the Gulf zones', () => {
    expect(timeZones()).toContain('Asia/Kuwait');
  });
  it('offers each zone by name, city and offset in the reader’s language, ordered by offset', () => {
    const at = new Date('2026-12-01T12:00:00Z');
    const english = timeZoneOptions('en', at);
    const kuwait = english.find((o) => o.value === 'Asia/Kuwait');
    expect(kuwait?.label).toContain('Kuwait');
    expect(kuwait?.label).toContain('(UTC+03:00)');
    const arabic = timeZoneOptions('ar', at).find((o) => o.value === 'Asia/Kuwait');
    expect(arabic?.label).toMatch(/[\u0600-\u06FF]/);
    expect(arabic?.label).toContain('Kuwait');
    const index = (zone: string) => english.findIndex((o) => o.value === zone);
    expect(index('America/New_York')).toBeLessThan(index('Europe/Brussels'));
    expect(index('Europe/Brussels')).toBeLessThan(index('Asia/Kuwait'));
    expect(new Set(english.map((o) => o.value)).size).toBe(english.length);
  });
});
