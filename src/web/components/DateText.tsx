import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';
import { formatDate } from '../lib/dates.js';

interface DateTextProps extends TextProps {
  value: string | null | undefined;
  withTime?: boolean;
}

/** A date in the reader's language; in Arabic with the Hijri (Umm al-Qura) date beside it. */
export function DateText({ value, withTime, ...textProps }: DateTextProps) {
  // Subscribes to language changes so the date re-renders when the user switches.
  useTranslation();
  if (!value)
    return (
      <Text span fz="inherit" {...textProps}>
        —
      </Text>
    );
  const date = formatDate(value, currentLocale(), { withTime });
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
