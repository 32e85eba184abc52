import type { AttendanceStatus, Locale } from '../../../contract/index.js';
import i18n from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/** Dark shades, so white text on a pressed button keeps its contrast. */
export const STATUS_COLOR: Record<AttendanceStatus, string> = {
  present: 'teal.9',
  absent: 'red.9',
  excused: 'indigo.9',
};

/** This feature's own wording for the problems its routes answer with, else the usual one. */
export function attendanceError(error: unknown): string {
  if (isApiError(error)) {
    const key = `attendance.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return errorMessage(error);
}

/** A participant's name in both scripts, the reader's script first when there is one. */
export function namesOf(
  person: {
    familyNameLatin: string;
    givenNamesLatin: string;
    familyNameArabic: string | null;
    givenNamesArabic: string | null;
  },
  locale: Locale,
): { primary: string; secondary: string | null; primaryIsArabic: boolean } {
  const latin = `${person.givenNamesLatin} ${person.familyNameLatin}`.trim();
  const arabicParts = [person.givenNamesArabic, person.familyNameArabic].filter(Boolean);
  const arabic = arabicParts.length > 0 ? arabicParts.join(' ') : null;
  if (locale === 'ar' && arabic)
    return { primary: arabic, secondary: latin, primaryIsArabic: true };
  return { primary: latin, secondary: arabic, primaryIsArabic: false };
}

/** A time of day at the venue, e.g. 08:05. */
export function timeAt(instant: string, timeZone: string, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : locale === 'fr' ? 'fr-FR' : 'en-GB';
  return new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}
