import { Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SurveySessionSummary } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { surveyedSessionsQuery } from './api.js';
import { percentOf } from './BarChart.js';

function LevelCell({ session, level }: { session: SurveySessionSummary; level: 1 | 3 }) {
  const { t } = useTranslation();
  const counts = session.levels.find((l) => l.level === level);
  if (!counts) return <Text c="dimmed">—</Text>;
  return (
    <AnchorLink
      to="/sessions/$code/surveys"
      params={{ code: session.code }}
      search={{ level }}
      fz="sm"
    >
      {t('surveys.list.counts', {
        answered: counts.answered,
        invited: counts.invited,
        percent: percentOf(counts.answered, counts.invited),
      })}
    </AnchorLink>
  );
}

/** Sessions whose surveys went out, with response counts per level, latest first. */
export function SurveysPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const query = useQuery(surveyedSessionsQuery);
  return (
    <>
      <PageHeader
        title={t('surveys.list.title')}
        description={t('surveys.list.description')}
        actions={
          can('surveys.manage') && (
            <ButtonLink to="/surveys/templates" variant="light">
              {t('surveys.list.templates')}
            </ButtonLink>
          )
        }
      />
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <Text c="dimmed">{t('surveys.list.empty')}</Text>
      ) : (
        <ResponsiveTable minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.list.session')}</Table.Th>
                <Table.Th>{t('surveys.list.dates')}</Table.Th>
                <Table.Th>{t('surveys.level.1')}</Table.Th>
                <Table.Th>{t('surveys.level.3')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((session) => (
                <Table.Tr key={session.code}>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {localized(session.activityTitle, locale)}
                    </Text>
                    <Text fz="xs" ff="monospace">
                      <bdi dir="ltr">{session.code}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">
                    <DateRangeText start={session.startDate} end={session.endDate} stacked />
                  </Table.Td>
                  <Table.Td>
                    <LevelCell session={session} level={1} />
                  </Table.Td>
                  <Table.Td>
                    <LevelCell session={session} level={3} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </>
  );
}
