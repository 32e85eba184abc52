import type { Venue } from '../../../contract/sessions.js';
import type { VenueRow } from './queries.js';

export function presentVenue(row: VenueRow): Venue {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as Venue['kind'],
    city: row.city,
    countryCode: row.countryCode,
    timeZone: row.timeZone,
    workingDays: row.workingDays,
    holidays: row.holidays,
  };
}

/** A working week kept once per day and in order, whatever order the form sent it in. */
export function normaliseWeek(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Holidays in date order, so readers and the audit trail compare them easily. */
export function sortHolidays<T extends { date: string }>(holidays: readonly T[]): T[] {
  return [...holidays].sort((a, b) => a.date.localeCompare(b.date));
}
