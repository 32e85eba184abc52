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
