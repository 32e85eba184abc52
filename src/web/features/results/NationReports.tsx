import { EmptyState, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationReportsQuery } from './api.js';

/** An NPOC's "Reports": the closed sessions their officers took part in, newest first. */
export function NationReports() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery(nationReportsQuery);
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} fz="lg" mb="xs">
        {t('nationReports.homeTitle')}
      </Title>
      {query.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data?.length === 0 && (
        <EmptyState
          icon={<IconReportAnalytics size={28} aria-hidden />}
          title={t('nationReports.emptyTitle')}
          description={t('nationReports.emptyDescription')}
          py="md"
        />
      )}
      {query.data && query.data.length > 0 && (
        <ResponsiveTable minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('nationReports.session')}</Table.Th>
                <Table.Th scope="col">{t('nationReports.dates')}</Table.Th>
                <Table.Th scope="col">{t('nationReports.officers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((item) => (
                <Table.Tr key={item.sessionCode}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink
                      to="/sessions/$code/nation-report"
                      params={{ code: item.sessionCode }}
                    >
                      {localized(item.activityTitle, locale)}
                    </AnchorLink>
                    <Text span display="block" fz="xs" c="dimmed" ff="monospace">
                      <bdi dir="ltr">{item.sessionCode}</bdi>
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <DateRangeText start={item.startDate} end={item.endDate} />
                  </Table.Td>
                  <Table.Td>
                    {t('nationReports.completedOf', {
                      completed: item.completed,
                      total: item.officers,
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </Paper>
  );
}
