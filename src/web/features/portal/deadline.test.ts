import { describe, expect, it } from 'vitest';
import { daysLeft, relativeTo, venueTime } from './deadline.js';

const now = new Date('2027-03-01T09:00:00Z');

describe('deadlines', () => {
  it('says how far away a deadline is in the largest whole unit', () => {
    expect(relativeTo('2027-03-04T20:59:59Z', now, 'en')).toBe('in 3 days');
    expect(relativeTo('2027-03-01T14:00:00Z', now, 'en')).toBe('in 5 hours');
    expect(relativeTo('2027-02-27T09:00:00Z', now, 'en')).toBe('2 days ago');
    expect(relativeTo('2027-03-01T09:00:20Z', now, 'en')).toBe('this minute');
  });

  it('speaks French and Arabic with Western digits', () => {
    expect(relativeTo('2027-03-04T20:59:59Z', now, 'fr')).toBe('dans 3 jours');
    expect(relativeTo('2027-03-04T20:59:59Z', now, 'ar')).toMatch(/3/);
  });

  it('gives the exact time on the venue clock with the zone named', () => {
    // 20:59:59 UTC is 23:59 in Kuwait (UTC+3, no daylight saving time).
    expect(venueTime('2027-03-04T20:59:59Z', 'Asia/Kuwait', 'en')).toBe(
      '4 Mar 2027, 23:59 (Kuwait Time)',
    );
    expect(venueTime('2027-03-04T20:59:59Z', 'Asia/Kuwait', 'ar')).toContain('توقيت الكويت');
  });

  it('counts whole days left', () => {
    expect(daysLeft('2027-03-08T08:59:59Z', now)).toBe(6);
    expect(daysLeft('2027-03-08T09:00:00Z', now)).toBe(7);
    expect(daysLeft('2027-02-28T09:00:00Z', now)).toBe(-1);
  });
});
