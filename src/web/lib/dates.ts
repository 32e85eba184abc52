import { DATE_RANGE, type Locale } from '../../contract/index.js';

// Western digits by default, also in Arabic: staff copy numbers between systems.
const GREGORIAN_TAG: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-u-nu-latn',
};
const HIJRI_TAG = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

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
