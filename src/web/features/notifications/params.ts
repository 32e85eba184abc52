import type { Locale } from '../../../contract/index.js';
import { formatDate, formatDateRange } from '../../lib/dates.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A notice's values as its reader reads them: days in their calendar and language (a session's
 * span as one range), the names of changed fields translated and listed, a person's name in
 * the reader's script.
 */
export function readableParams(
  params: Record<string, string>,
  t: (key: string) => string,
  locale: Locale,
) {
  const values: Record<string, string> = { reason: '', ...params };
  // A reader of Arabic sees a person's name in Arabic script when the person has one.
  if (locale === 'ar' && params.participantNameArabic) {
    values.participantName = params.participantNameArabic;
  }
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Date') && DAY.test(value)) {
      values[name] = formatDate(value, locale).gregorian;
    }
  }
  if (params.startDate && params.endDate && DAY.test(params.startDate)) {
    values.dates = formatDateRange(params.startDate, params.endDate, locale).gregorian;
  }
  if (params.changed) {
    const names = params.changed.split(',').map((field) => t(`notifications.fields.${field}`));
    values.changed = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  }
  return values;
}
