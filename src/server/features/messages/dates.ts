import type { Locale } from '../../../contract/common.js';

// Western digits in every language, as in the web app: staff copy dates between systems.
const DATE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };
const HIJRI_TAG = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

const DAY: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
};

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A calendar day as a reader of `locale` writes it in an e-mail: "7 March 2027", "7 mars 2027",
 * and in Arabic with the Umm al-Qura date beside it, as the centre's Arabic readers expect.
 */
export function formatDay(date: string, locale: Locale): string {
  const gregorian = new Intl.DateTimeFormat(DATE_TAG[locale], DAY).format(utc(date));
  if (locale !== 'ar') return gregorian;
  return `${gregorian} (${new Intl.DateTimeFormat(HIJRI_TAG, DAY).format(utc(date))})`;
}

/** A span of days, "7–11 March 2027", with the Hijri span beside it in Arabic. */
export function formatDays(start: string, end: string, locale: Locale): string {
  const gregorian = new Intl.DateTimeFormat(DATE_TAG[locale], DAY).formatRange(
    utc(start),
    utc(end),
  );
  if (locale !== 'ar') return gregorian;
  const hijri = new Intl.DateTimeFormat(HIJRI_TAG, DAY).formatRange(utc(start), utc(end));
  return `${gregorian} (${hijri})`;
}
