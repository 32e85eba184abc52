import type { Locale } from '../../../contract/index.js';
import { zoneCity, zoneName } from '../../lib/dates.js';

/** Weekday names from the runtime, in the reader's language: 0 Sunday ... 6 Saturday. */
export function weekdayNames(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 4 January 1970 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(1970, 0, 4 + day)));
}

/** The weekdays in the order the reader's week runs, starting on `first`. */
export function weekOrder(first: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (first + i) % 7);
}

/** Every IANA zone the browser knows, with the usual ones when it cannot list them. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone');
  if (zones && zones.length > 0) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  return [
    'UTC',
    'Asia/Kuwait',
    'Asia/Riyadh',
    'Asia/Dubai',
    'Asia/Qatar',
    'Asia/Bahrain',
    'Asia/Muscat',
    'Asia/Baghdad',
    'Asia/Amman',
    'Europe/Brussels',
    'Europe/Berlin',
    'Europe/Rome',
  ];
}

export interface TimeZoneOption {
  value: string;
  label: string;
}

/** "+03:00" for Kuwait now: the offset the zone has at `at`, so a reader can tell zones apart. */
function utcOffset(timeZone: string, at: Date): string {
  try {
    const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const offset = name?.replace('GMT', '') ?? '';
    return offset === '' ? '+00:00' : offset;
  } catch {
    return '';
  }
}

/**
 * The zones as a registrar reads them: "Kuwait Time · Kuwait (UTC+03:00)", in the reader's
 * language, with the city and offset so zones sharing a generic name stay apart; the IANA id stays
 * the value, and the label holds the city in Latin letters too, so typing "Kuwait" or "الكويت" finds
 * it. Ordered by offset, then by name.
 */
export function timeZoneOptions(locale: Locale, at = new Date()): TimeZoneOption[] {
  const options = timeZones().map((zone) => {
    const offset = utcOffset(zone, at);
    const name = zoneName(zone, locale);
    const city = zoneCity(zone);
    const place = name === city ? name : `${name} · ${city}`;
    return { value: zone, label: `${place} (UTC${offset})`, offset };
  });
  const minutes = (offset: string) => {
    const match = /^([+\u2212-])(\d{2}):(\d{2})$/.exec(offset);
    if (!match) return 0;
    const sign = match[1] === '+' ? 1 : -1;
    return sign * (Number(match[2]) * 60 + Number(match[3]));
  };
  return options
    .sort((a, b) => minutes(a.offset) - minutes(b.offset) || a.label.localeCompare(b.label, locale))
    .map(({ value, label }) => ({ value, label }));
}
