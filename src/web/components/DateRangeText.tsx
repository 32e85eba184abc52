import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';
import { formatDateRange } from '../lib/dates.js';

interface Props extends TextProps {
  start: string;
  end: string;
  /** Put the Hijri span on its own line (tables), or beside the Gregorian one. */
  stacked?: boolean;
}

/** A span of days in the reader's language; in Arabic with the Hijri span beside it. */
export function DateRangeText({ start, end, stacked, ...textProps }: Props) {
  useTranslation();
  const range = formatDateRange(start, end, currentLocale());
  return (
    <Text span fz="inherit" {...textProps}>
      <time dateTime={start}>{range.gregorian}</time>
      {range.hijri && (
        <Text
          span={!stacked}
          display={stacked ? 'block' : undefined}
          c="dimmed"
          fz="xs"
          ms={stacked ? 0 : 6}
        >
          ({range.hijri})
        </Text>
      )}
    </Text>
  );
}
