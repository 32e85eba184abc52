import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatWeekday } from './dates.js';

describe('formatDate', () => {
  it('shows a calendar date in English without shifting the day', () => {
    const result = formatDate('2017-01-24', 'en', { timeZone: 'Pacific/Honolulu' });
    expect(result.gregorian).toBe('24 Jan 2017');
    expect(result.hijri).toBeNull();
  });

  it('shows French month names', () => {
    expect(formatDate('2017-01-24', 'fr').gregorian).toMatch(/24 janv\.? 2017/);
  });

  it('adds the Umm al-Qura date in Arabic, with Western digits', () => {
    const result = formatDate('2017-01-24', 'ar');
    expect(result.gregorian).toContain('2017');
    expect(result.gregorian).toMatch(/يناير/);
    // 24 January 2017 is 26 Rabi' al-Thani 1438 AH.
    expect(result.hijri).toContain('1438');
    expect(result.hijri).toContain('26');
    expect(result.hijri).not.toMatch(/[٠-٩]/);
  });

  it('shows an instant with its time in the given zone', () => {
    const result = formatDate('2025-03-01T09:30:00Z', 'en', { timeZone: 'Asia/Kuwait' });
    expect(result.gregorian).toContain('12:30');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDate('soon', 'en').gregorian).toBe('soon');
  });
});

describe('formatDateRange and formatWeekday', () => {
  it('shows a session span once', () => {
    expect(formatDateRange('2027-03-07', '2027-03-11', 'en').gregorian).toMatch(
      /^7\s*–\s*11 Mar 2027$/,
    );
  });
  it('adds the Hijri span in Arabic', () => {
    expect(formatDateRange('2027-03-07', '2027-03-11', 'ar').hijri).toContain('1448');
  });
  it('names the weekday of a working day', () => {
    expect(formatWeekday('2027-03-07', 'en')).toBe('Sun 7 Mar');
  });
});
