import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatWeekday,
  zoneCity,
  zoneName,
} from './dates.js';

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

describe('zoneName', () => {
  it('names the venue zone in the reader language, never as its IANA id', () => {
    expect(zoneName('Asia/Kuwait', 'en')).toMatch(/Kuwait|Arabian/);
    const ar = zoneName('Asia/Kuwait', 'ar');
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    expect(ar).not.toContain('Asia');
    // French reads its generic names inside a sentence, not "heure : Koweït".
    expect(zoneName('Asia/Kuwait', 'fr')).toMatch(/^heure .*Arabie$/);
  });

  it('never shows an offset or an abbreviation as the name', () => {
    for (const locale of ['en', 'fr', 'ar'] as const) {
      for (const zone of ['Europe/Brussels', 'America/Los_Angeles', 'Asia/Tokyo']) {
        expect(zoneName(zone, locale)).not.toMatch(/GMT|UTC[+−-]|غرينتش|^[A-Z]{2,5}$/);
      }
    }
  });

  it('names UTC in words', () => {
    expect(zoneName('UTC', 'en')).toBe('Coordinated Universal Time');
  });

  it('falls back to the city of the IANA id', () => {
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
    expect(zoneName('Not/A_Zone', 'ar')).toBe('A Zone');
  });
});

describe('formatDateTime', () => {
  // 23:59 in Kuwait on 4 March: still the 4th in Los Angeles, already the 5th in Tokyo.
  const deadline = '2027-03-04T20:59:00Z';

  it('shows the venue clock and, for a reader in Los Angeles, theirs beside it', () => {
    const result = formatDateTime(deadline, 'en', {
      timeZone: 'Asia/Kuwait',
      readerZone: 'America/Los_Angeles',
    });
    expect(result.main.text).toBe('4 Mar 2027, 23:59');
    expect(result.main.zone).toMatch(/Kuwait|Arabian/);
    expect(result.reader?.text).toBe('4 Mar 2027, 12:59');
    expect(result.reader?.zone).toMatch(/Pacific|Los Angeles/);
  });

  it('keeps the venue day for a reader in Tokyo, whose clock is past midnight', () => {
    const result = formatDateTime(deadline, 'ar', {
      timeZone: 'Asia/Kuwait',
      readerZone: 'Asia/Tokyo',
    });
    expect(result.main.text).toMatch(/^4 /);
    expect(result.main.text).toContain('23:59');
    expect(result.reader?.text).toMatch(/^5 /);
    expect(result.reader?.text).toContain('05:59');
    expect(result.reader?.zone).toMatch(/اليابان/);
    expect(result.hijri).toContain('1448');
  });

  it('shows no second clock where the reader reads the same time as the venue', () => {
    const result = formatDateTime(deadline, 'en', {
      timeZone: 'Asia/Kuwait',
      readerZone: 'Asia/Riyadh',
    });
    expect(result.reader).toBeNull();
  });

  it('names the reader zone when there is no venue', () => {
    const result = formatDateTime('2027-03-05T07:30:00Z', 'fr', { readerZone: 'Asia/Tokyo' });
    expect(result.main.text).toMatch(/5 mars 2027.*16:30/);
    expect(result.main.zone).toMatch(/Japon/);
    expect(result.reader).toBeNull();
  });

  it('shows a due date as that calendar day in any zone', () => {
    for (const readerZone of ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const result = formatDateTime('2027-03-05', 'en', { timeZone: 'Asia/Kuwait', readerZone });
      expect(result.dateOnly).toBe(true);
      expect(result.main).toEqual({ text: '5 Mar 2027', zone: null });
      expect(result.reader).toBeNull();
    }
  });
});
