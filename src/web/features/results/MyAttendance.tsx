import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { myAttendanceQuery } from './api.js';
import { RESULT_COLOR } from './labels.js';

const MARK_COLOR: Record<AttendanceStatus, string> = {
  present: 'teal.9',
  absent: 'red.9',
  excused: 'indigo.9',
};

/** The participant's own attendance, day by day, per session under way or past. */
export function MyAttendance() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery(myAttendanceQuery);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('results.mine.title')}
      </Title>
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.sessions.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('results.mine.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {query.data.sessions.map((s) => (
            <section key={s.nominationId} aria-label={s.sessionCode}>
              <Group gap="xs" wrap="wrap">
                <AnchorLink
                  to="/sessions/$code"
                  params={{ code: s.sessionCode }}
                  ff="monospace"
                  fz="sm"
                >
                  <bdi dir="ltr">{s.sessionCode}</bdi>
                </AnchorLink>
                <Text fz="sm" fw={600}>
                  {localized(s.activityTitle, locale)}
                </Text>
                <Text fz="xs" c="dimmed">
                  <DateRangeText start={s.startDate} end={s.endDate} />
                </Text>
              </Group>
              <Text component="div" fz="sm" mt={2}>
                {t('results.table.presentOf', { present: s.summary.present, days: s.summary.days })}
                {s.result && (
                  <Badge ms="xs" color={RESULT_COLOR[s.result]}>
                    {t(`results.status.${s.result}`)}
                  </Badge>
                )}
              </Text>
              {s.summary.unmarked === s.summary.days ? (
                <Text fz="xs" c="dimmed" mt={2}>
                  {t('results.mine.noMarks')}
                </Text>
              ) : (
                <Group
                  gap={6}
                  mt={6}
                  wrap="wrap"
                  component="ul"
                  style={{ listStyle: 'none', padding: 0 }}
                >
                  {s.days.map((d) => (
                    <li key={d.day}>
                      <Badge
                        variant={d.status ? 'filled' : 'outline'}
                        color={d.status ? MARK_COLOR[d.status] : 'gray.7'}
                        tt="none"
                      >
                        <time dateTime={d.day}>{formatWeekday(d.day, locale)}</time>
                        {': '}
                        {d.status ? t(`results.mark.${d.status}`) : t('results.mark.none')}
                      </Badge>
                    </li>
                  ))}
                </Group>
              )}
            </section>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
