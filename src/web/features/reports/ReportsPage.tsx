import { Button, Group, Loader, Tabs } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useMe } from '../auth/session.js';
import { AsOf } from './AsOf.js';
import {
  annualReportUrl,
  deliveryQuery,
  evaluationsQuery,
  REPORT_TABS,
  type ReportQuery,
  type ReportTab,
  ratesQuery,
  reportDownloadUrl,
  trainedQuery,
} from './api.js';
import { ReportFilters } from './ReportFilters.js';
import { DeliveryView, EvaluationsView, RatesView, TrainedView } from './views.js';

const route = getRouteApi('/app/reports');

/** Reports on what was delivered, each with its chart, table and downloads. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { tab = 'trained', ...search } = route.useSearch();
  const navigate = useNavigate({ from: '/reports' });
  const me = useMe();
  const query: ReportQuery = { ...search, groupBy: search.groupBy ?? 'nation' };
  const annualNation = me.user.nationCode ?? search.nation;
  const annualYear = search.to ?? search.from ?? new Date().getFullYear();

  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <ReportFilters />
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({ search: (prev) => ({ ...prev, tab: (value as ReportTab) ?? undefined }) })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {REPORT_TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`reports.tab.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Group gap="xs" mb="md">
          <DownloadButton tab={tab} query={query} format="csv" />
          <DownloadButton tab={tab} query={query} format="xlsx" />
          {annualNation && (
            <Button
              component="a"
              href={annualReportUrl(annualNation, annualYear)}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t('reports.annualPdf', { nation: annualNation, year: annualYear })}
            </Button>
          )}
        </Group>
        <Tabs.Panel value="trained">
          <TrainedPanel query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="rates">
          <RatesPanel query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluations">
          <EvaluationsPanel query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="programme-delivery">
          <DeliveryPanel query={query} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function DownloadButton({
  tab,
  query,
  format,
}: {
  tab: ReportTab;
  query: ReportQuery;
  format: 'csv' | 'xlsx';
}) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={reportDownloadUrl(tab, query, format)}
      download
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t(format === 'csv' ? 'reports.downloadCsv' : 'reports.downloadXlsx')}
    </Button>
  );
}

function Pending({ pending, error }: { pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      {pending && <Loader size="sm" aria-label={t('reports.loading')} />}
      <ProblemAlert error={error} />
    </>
  );
}

function TrainedPanel({ query }: { query: ReportQuery }) {
  const report = useQuery({ ...trainedQuery(query), placeholderData: keepPreviousData });
  return (
    <>
      <Pending pending={report.isPending} error={report.error} />
      {report.data && (
        <>
          <AsOf asOf={report.data.asOf} />
          <TrainedView rows={report.data.rows} groupBy={report.data.groupBy} />
        </>
      )}
    </>
  );
}

function RatesPanel({ query }: { query: ReportQuery }) {
  const report = useQuery({ ...ratesQuery(query), placeholderData: keepPreviousData });
  return (
    <>
      <Pending pending={report.isPending} error={report.error} />
      {report.data && (
        <>
          <AsOf asOf={report.data.asOf} />
          <RatesView rows={report.data.rows} groupBy={report.data.groupBy} />
        </>
      )}
    </>
  );
}

function EvaluationsPanel({ query }: { query: ReportQuery }) {
  const report = useQuery({ ...evaluationsQuery(query), placeholderData: keepPreviousData });
  return (
    <>
      <Pending pending={report.isPending} error={report.error} />
      {report.data && (
        <>
          <AsOf asOf={report.data.asOf} />
          <EvaluationsView rows={report.data.rows} total={report.data.total} />
        </>
      )}
    </>
  );
}

function DeliveryPanel({ query }: { query: ReportQuery }) {
  const report = useQuery({ ...deliveryQuery(query), placeholderData: keepPreviousData });
  return (
    <>
      <Pending pending={report.isPending} error={report.error} />
      {report.data && <DeliveryView rows={report.data.rows} />}
    </>
  );
}
