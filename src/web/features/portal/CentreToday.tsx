import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CentreAttention, CentreToday as CentreTodayData } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { centreTodayQuery } from './api.js';
import { Deadline } from './Deadline.js';

type Row = CentreTodayData['sessions'][number];

/** Each section lists the sessions flagged for one reason, with what to open next. */
const SECTIONS: readonly { attention: CentreAttention; next: 'board' | 'session' }[] = [
  { attention: 'awaiting-decision', next: 'board' },
  { attention: 'waitlist-with-seats', next: 'board' },
  { attention: 'window-closing', next: 'session' },
  { attention: 'running', next: 'session' },
  { attention: 'starting-soon', next: 'session' },
];

function SessionRows({ rows, next }: { rows: Row[]; next: 'board' | 'session' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={760}>
      <Table striped withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centreToday.session')}</Table.Th>
            <Table.Th scope="col">{t('centreToday.dates')}</Table.Th>
            <Table.Th scope="col">{t('centreToday.deadline')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('centreToday.seats')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('centreToday.submitted')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('centreToday.waitlisted')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td fz="sm">
                {next === 'board' ? (
                  <AnchorLink
                    to="/sessions/$code/selection"
                    params={{ code: row.code }}
                    ff="monospace"
                    fw={500}
                  >
                    <bdi dir="ltr">{row.code}</bdi>
                  </AnchorLink>
                ) : (
                  <AnchorLink
                    to="/sessions/$code"
                    params={{ code: row.code }}
                    ff="monospace"
                    fw={500}
                  >
                    <bdi dir="ltr">{row.code}</bdi>
                  </AnchorLink>
                )}
                <Text span display="block" fz="xs" c="dimmed">
                  {localized(row.activityTitle, locale)} · {localized(row.venueName, locale)}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">
                <DateRangeText start={row.startDate} end={row.endDate} />
              </Table.Td>
              <Table.Td>
                {row.status === 'announced' ? (
                  <Deadline at={row.nominationDeadline} timeZone={row.timeZone} />
                ) : (
                  <Text span fz="sm" c="dimmed">
                    {t(`sessionStatus.${row.status}`, { defaultValue: row.status })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {row.seatsTaken} / {row.capacity}
              </Table.Td>
              <Table.Td ta="end" fz="sm" fw={row.submitted > 0 ? 700 : undefined}>
                {row.submitted}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {row.waitlisted}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}

/** The registrar's landing: what needs the centre's attention today, section by section. */
export function CentreToday() {
  const { t } = useTranslation();
  const query = useQuery(centreTodayQuery);
  const can = useCan();
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { sessions, outbox, failedJobs } = query.data;
  return (
    <Stack gap="lg">
      {outbox.failed > 0 && (
        <Alert color="red" title={t('centreToday.outboxFailedTitle', { count: outbox.failed })}>
          <Group justify="space-between">
            <Text fz="sm">{t('centreToday.outboxFailed')}</Text>
            <ButtonLink
              to="/messages/outbox"
              search={{ status: 'failed' }}
              variant="default"
              size="xs"
            >
              {t('centreToday.openOutbox')}
            </ButtonLink>
          </Group>
        </Alert>
      )}
      {failedJobs > 0 && (
        <Alert color="red" title={t('centreToday.jobsFailedTitle', { count: failedJobs })}>
          <Group justify="space-between">
            <Text fz="sm">
              {t(can('jobs.manage') ? 'centreToday.jobsFailed' : 'centreToday.jobsFailedTellAdmin')}
            </Text>
            {can('jobs.manage') && (
              <ButtonLink to="/jobs/failed" variant="default" size="xs">
                {t('centreToday.openFailedJobs')}
              </ButtonLink>
            )}
          </Group>
        </Alert>
      )}
      {sessions.length === 0 && <Alert color="gray">{t('centreToday.nothing')}</Alert>}
      {SECTIONS.map(({ attention, next }) => {
        const rows = sessions.filter((s) => s.attention.includes(attention));
        if (rows.length === 0) return null;
        return (
          <Paper withBorder p="md" key={attention}>
            <Group gap="xs" mb="xs">
              <Title order={2} fz="lg">
                {t(`centreToday.section.${attention}`)}
              </Title>
              <Badge variant="light">{rows.length}</Badge>
            </Group>
            <Text fz="sm" c="dimmed" mb="xs">
              {t(`centreToday.hint.${attention}`)}
            </Text>
            <SessionRows rows={rows} next={next} />
          </Paper>
        );
      })}
      {outbox.pending > 0 && (
        <Text fz="sm" c="dimmed">
          {t('centreToday.outboxPending', { count: outbox.pending })}
        </Text>
      )}
    </Stack>
  );
}
