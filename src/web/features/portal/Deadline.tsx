import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/dates.js';
import { daysLeft, relativeTo, venueTime } from './deadline.js';

/** "in 3 days" in bold when close, then the exact time on the venue's clock. */
export function Deadline({
  at,
  timeZone,
  dateOnly,
}: {
  at: string;
  timeZone?: string;
  /** A calendar day sent as midnight UTC (a session's start): show the day, not a clock time. */
  dateOnly?: boolean;
}) {
  useTranslation();
  const locale = currentLocale();
  const now = new Date();
  const soon = daysLeft(at, now) < 7;
  return (
    <Text span fz="sm">
      <Text span fz="sm" fw={soon ? 700 : 500} c={soon ? 'red.9' : undefined}>
        {relativeTo(at, now, locale)}
      </Text>
      <Text span display="block" fz="xs" c="dimmed">
        <time dateTime={at}>
          {dateOnly
            ? formatDate(at.slice(0, 10), locale).gregorian
            : venueTime(at, timeZone, locale)}
        </time>
      </Text>
    </Text>
  );
}
