import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';
import { formatDate, isDateOnly } from '../lib/dates.js';
import { DateTimeText } from './DateTimeText.js';

interface DateTextProps extends TextProps {
  value: string | null | undefined;
  /**
   * Kept for callers that say so: an instant is always shown with its time and zone (the
   * reader's, or the venue's when `timeZone` is given); a calendar date never is.
   */
  withTime?: boolean;
  /** The venue's IANA zone: an instant is read on the venue's clock. */
  timeZone?: string | null;
}

/** A date in the reader's language; in Arabic with the Hijri (Umm al-Qura) date beside it. */
export function DateText({ value, withTime: _, timeZone, ...textProps }: DateTextProps) {
  // Subscribes to language changes so the date re-renders when the user switches.
  useTranslation();
  if (value && !isDateOnly(value))
    return <DateTimeText value={value} timeZone={timeZone} {...textProps} />;
  if (!value)
    return (
      <Text span fz="inherit" {...textProps}>
        —
      </Text>
    );
  const date = formatDate(value, currentLocale());
  return (
    <Text span fz="inherit" {...textProps}>
      <time dateTime={date.iso}>{date.gregorian}</time>
      {date.hijri && (
        <Text span c="dimmed" fz="xs" ms={6}>
          ({date.hijri})
        </Text>
      )}
    </Text>
  );
}
