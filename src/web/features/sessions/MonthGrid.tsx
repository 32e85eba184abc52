import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { weekdayNames } from '../venues/weekdays.js';
import { type CalendarDay, placeInWeek } from './calendar-grid.js';
import { SessionBar } from './SessionBar.js';

interface Props {
  weeks: CalendarDay[][];
  sessions: readonly SessionSummary[];
  today: string;
  caption: string;
}

/**
 * A month as a table: weekday headers, then per week one row of day numbers (with the
 * nomination deadlines of that day) and one row per lane of session bars spanning their days.
 */
export function MonthGrid({ weeks, sessions, today, caption }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const short = weekdayNames(locale, 'short');
  const long = weekdayNames(locale, 'long');
  const firstWeek = weeks[0] ?? [];

  return (
    // A month is a grid by nature: on a phone it scrolls, with its scrollbar always in sight and
    // the region reachable by keyboard, rather than turning into cards.
    <Table.ScrollContainer
      minWidth={760}
      scrollAreaProps={{ type: 'always', viewportProps: { tabIndex: 0 } }}
    >
      <Table
        withTableBorder
        withColumnBorders
        layout="fixed"
        verticalSpacing={2}
        horizontalSpacing={4}
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {firstWeek.map((day) => (
              <Table.Th key={day.weekday} scope="col" ta="center">
                <abbr title={long[day.weekday]} style={{ textDecoration: 'none' }}>
                  {short[day.weekday]}
                </abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => {
            const bars = placeInWeek(week, sessions);
            const lanes = Math.max(1, ...bars.map((b) => b.lane + 1));
            return (
              <Fragment key={week[0]?.date}>
                <Table.Tr style={{ borderBottom: 0 }}>
                  {week.map((day) => (
                    <DayCell key={day.date} day={day} today={today} sessions={sessions} />
                  ))}
                </Table.Tr>
                {Array.from({ length: lanes }, (_, lane) => (
                  // A lane is a position, not an item: its index is its identity.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <Table.Tr key={`${week[0]?.date}-${lane}`}>
                    {week.map((day, column) => {
                      const bar = bars.find((b) => b.lane === lane && b.column === column);
                      if (bar) {
                        return (
                          <Table.Td key={day.date} colSpan={bar.span} p={2}>
                            <SessionBar bar={bar} />
                          </Table.Td>
                        );
                      }
                      const covered = bars.some(
                        (b) => b.lane === lane && column > b.column && column < b.column + b.span,
                      );
                      return covered ? null : <Table.Td key={day.date} p={2} h={28} />;
                    })}
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt={4}>
        <IconClockHour4 size={12} aria-hidden /> {t('sessions.deadlineLegend')}
      </Text>
    </Table.ScrollContainer>
  );
}

function DayCell(props: { day: CalendarDay; today: string; sessions: readonly SessionSummary[] }) {
  const { day, today, sessions } = props;
  const { t } = useTranslation();
  const closing = sessions.filter((s) => s.nominationCloses === day.date);
  const isToday = day.date === today;
  return (
    <Table.Td valign="top" bg={day.inMonth ? undefined : 'gray.0'} p={4}>
      <Text
        fz="sm"
        fw={isToday ? 700 : 500}
        c={day.inMonth ? undefined : 'dimmed'}
        td={isToday ? 'underline' : undefined}
      >
        <time dateTime={day.date}>{Number(day.date.slice(8))}</time>
        {isToday && <VisuallyHidden> ({t('sessions.today')})</VisuallyHidden>}
      </Text>
      {closing.map((s) => (
        <Box key={s.id} fz={11} c="red.9" fw={600} style={{ lineHeight: 1.3 }}>
          <IconClockHour4 size={11} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('sessions.closesMarker', { code: s.code })}
        </Box>
      ))}
    </Table.Td>
  );
}
