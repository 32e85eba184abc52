import { DATE_RANGE, type Locale } from '../../contract/index.js';

// Western digits by default, also in Arabic: staff copy numbers between systems.
const GREGORIAN_TAG: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-u-nu-latn',
};
const HIJRI_TAG = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (`YYYY-MM-DD`), or text that is no date: shown as is, in no zone. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value) || Number.isNaN(new Date(value).getTime());
}

export interface FormattedDate {
  gregorian: string;
  /** Only for Arabic: the Umm al-Qura date shown beside the Gregorian one. */
  hijri: string | null;
  /** Machine-readable value for <time dateTime>. */
  iso: string;
}

/**
 * Formats a `YYYY-MM-DD` date or an ISO instant for display.
 * Calendar dates are read and shown in UTC so that a session's day never shifts with the viewer's
 * time zone; instants are shown in the viewer's zone, with the time.
 */
export function formatDate(
  value: string,
  locale: Locale,
  options: { withTime?: boolean; timeZone?: string } = {},
): FormattedDate {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return { gregorian: value, hijri: null, iso: value };
  const timeZone = dateOnly ? 'UTC' : options.timeZone;
  const withTime = !dateOnly && options.withTime !== false;
  const parts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone,
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  };
  const gregorian = new Intl.DateTimeFormat(GREGORIAN_TAG[locale], parts).format(date);
  const hijri =
    locale === 'ar'
      ? new Intl.DateTimeFormat(HIJRI_TAG, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          timeZone,
        }).format(date)
      : null;
  return { gregorian, hijri, iso: value };
}

/** A span of calendar days, "7–11 Mar 2027", with the Hijri span beside it in Arabic. */
export function formatDateRange(start: string, end: string, locale: Locale): FormattedDate {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    return { gregorian: `${start} – ${end}`, hijri: null, iso: start };
  }
  const parts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  };
  const gregorian = new Intl.DateTimeFormat(GREGORIAN_TAG[locale], parts).formatRange(from, to);
  const hijri =
    locale === 'ar'
      ? new Intl.DateTimeFormat(HIJRI_TAG, { ...parts, month: 'long' }).formatRange(from, to)
      : null;
  return { gregorian, hijri, iso: start };
}

/** "Sun 7 Mar": a working day as the venue's week reads it. */
export function formatWeekday(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(GREGORIAN_TAG[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${value}T00:00:00Z`));
}

/** The reader's own time zone, named as the browser knows it (e.g. Europe/Brussels). */
export function readerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The bounds a date field offers, the contract's own range: the browser's picker then stops at
 * them, and a year typed with six digits is caught before it is sent.
 */
export const DATE_FIELD_BOUNDS = { min: DATE_RANGE.min, max: DATE_RANGE.max } as const;

/** The same bounds for a date-and-time field. */
export const DATE_TIME_FIELD_BOUNDS = {
  min: `${DATE_RANGE.min}T00:00`,
  max: `${DATE_RANGE.max}T23:59`,
} as const;

// An offset ("GMT+3", "UTC−8", "غرينتش+3") or an abbreviation ("CET") names no place a reader knows.
const OFFSET_OR_ABBREVIATION = /GMT|UTC|غرينتش|^[A-Z]{2,5}$/;
const LATIN = /[A-Za-z]/;
// French words its place names as "heure : Koweït", a label rather than a phrase: its generic
// names ("heure normale de l’Arabie") read better inside a sentence.
const ZONE_NAME_STYLES: Record<Locale, readonly ('shortGeneric' | 'longGeneric' | 'long')[]> = {
  en: ['shortGeneric', 'longGeneric', 'long'],
  fr: ['longGeneric', 'long', 'shortGeneric'],
  ar: ['shortGeneric', 'longGeneric', 'long'],
};
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

function zoneNamePart(
  timeZone: string,
  locale: Locale,
  style: 'shortGeneric' | 'longGeneric' | 'long',
) {
  try {
    return new Intl.DateTimeFormat(GREGORIAN_TAG[locale], { timeZone, timeZoneName: style })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/**
 * A time zone as the reader says it, in their language: "Kuwait Time", "توقيت الكويت",
 * "heure normale de l’Arabie". The runtime's place name comes first where it reads well (it
 * names the city or country), then its generic name; an offset or an abbreviation is never
 * shown in their place, nor, in Arabic, a name the runtime left in Latin letters. When the runtime
 * knows neither, the city of the IANA id is used, as a place rather than as a code.
 */
export function zoneName(timeZone: string, locale: Locale): string {
  if (UTC_ZONES.has(timeZone)) return zoneNamePart('UTC', locale, 'long') ?? 'UTC';
  for (const style of ZONE_NAME_STYLES[locale]) {
    const name = zoneNamePart(timeZone, locale, style);
    // A browser short of Arabic place names says "توقيت Los Angeles": the next style is Arabic.
    const foreign = locale === 'ar' && LATIN.test(name ?? '');
    if (name && !foreign && !OFFSET_OR_ABBREVIATION.test(name)) return name;
  }
  return zoneCity(timeZone);
}

/** "Asia/Kuwait" → "Kuwait", "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

export interface ZonedText {
  /** "4 Mar 2027, 23:59" on that zone's clock. */
  text: string;
  /** The zone in the reader's language. */
  zone: string;
}

export interface FormattedDateTime {
  iso: string;
  /** A calendar date (`YYYY-MM-DD`): shown as that day, in no zone. */
  dateOnly: boolean;
  /** On the venue's clock when there is a venue, else on the reader's; zone null for a date. */
  main: { text: string; zone: string | null };
  /** The reader's clock, only when it reads differently from the venue's at that instant. */
  reader: ZonedText | null;
  hijri: string | null;
}

/**
 * A date-time with its zone: on the venue's clock when `timeZone` is given, with the reader's
 * clock beside it when the two differ at that instant; on the reader's clock, named, otherwise.
 * A `YYYY-MM-DD` value is a calendar day and never moves with anybody's zone.
 */
export function formatDateTime(
  value: string,
  locale: Locale,
  options: { timeZone?: string | null; readerZone?: string } = {},
): FormattedDateTime {
  const readerZone = options.readerZone ?? readerTimeZone();
  if (isDateOnly(value)) {
    const date = formatDate(value, locale);
    return {
      iso: value,
      dateOnly: true,
      main: { text: date.gregorian, zone: null },
      reader: null,
      hijri: date.hijri,
    };
  }
  const shownZone = options.timeZone || readerZone;
  const shown = formatDate(value, locale, { timeZone: shownZone, withTime: true });
  const forReader =
    shownZone === readerZone
      ? null
      : formatDate(value, locale, { timeZone: readerZone, withTime: true }).gregorian;
  return {
    iso: value,
    dateOnly: false,
    main: { text: shown.gregorian, zone: zoneName(shownZone, locale) },
    reader:
      forReader && forReader !== shown.gregorian
        ? { text: forReader, zone: zoneName(readerZone, locale) }
        : null,
    hijri: shown.hijri,
  };
}

/** "4 Mar 2027, 23:59 (Kuwait Time)": a date-time inside a sentence, its zone named. */
export function zonedText(value: string, locale: Locale, timeZone?: string | null): string {
  const { main } = formatDateTime(value, locale, { timeZone });
  return main.zone ? `${main.text} (${main.zone})` : main.text;
}
