import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';
import { formatDateTime } from '../lib/dates.js';

interface DateTimeTextProps extends TextProps {
  value: string | null | undefined;
  /** The venue's IANA zone: the time is read on its clock, the reader's beside it. */
  timeZone?: string | null;
  /** Put the reader's time and the Hijri date on lines of their own (tables, narrow cells). */
  stacked?: boolean;
}

/**
 * A date-time that says its zone: "4 Mar 2027, 23:59 (Kuwait Time)", then "that is 4 Mar 2027,
 * 12:59 your time (Pacific Time)" when the reader's clock reads otherwise. A calendar date
 * (`YYYY-MM-DD`) is shown as that day, with no zone, so it never moves with the reader's.
 */
export function DateTimeText({ value, timeZone, stacked, ...textProps }: DateTimeTextProps) {
  const { t } = useTranslation();
  if (!value)
    return (
      <Text span fz="inherit" {...textProps}>
        —
      </Text>
    );
  const shown = formatDateTime(value, currentLocale(), { timeZone });
  const aside = stacked ? ({ display: 'block' } as const) : ({ ms: 6 } as const);
  return (
    <Text span fz="inherit" {...textProps}>
      <time dateTime={shown.iso}>
        {shown.main.zone
          ? t('time.zoned', { when: shown.main.text, zone: shown.main.zone })
          : shown.main.text}
      </time>
      {shown.hijri && (
        <Text span c="dimmed" fz="xs" fw="normal" {...aside}>
          ({shown.hijri})
        </Text>
      )}
      {shown.reader && (
        <Text span display="block" c="dimmed" fz="xs" fw="normal" data-reader-time>
          {t('time.forReader', { when: shown.reader.text, zone: shown.reader.zone })}
        </Text>
      )}
    </Text>
  );
}
