import { Alert, Button, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionReport } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationReportPdfUrl, nationReportQuery } from './api.js';
import {
  AttendanceByDay,
  EvaluationSummary,
  NationTable,
  ParticipantTable,
  ReportSummary,
} from './ReportFigures.js';

const route = getRouteApi('/app/sessions/$code/nation-report');

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

/** The whole session's counts and rates, naming nobody, beside the nation's own. */
function SessionWide({
  figures,
  graded,
}: {
  figures: NonNullable<SessionReport['sessionWide']>;
  graded: boolean;
}) {
  const { t } = useTranslation();
  const items: [string, string][] = [
    [t('nationReports.participants'), String(figures.totals.participants)],
    [t('nationReports.nations'), String(figures.nations)],
    // An event has no completion: attendance is its measure.
    ...(graded
      ? [[t('nationReports.completionRate'), percent(figures.completionRate)] as [string, string]]
      : []),
    [t('nationReports.attendanceRate'), percent(figures.attendanceRate)],
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('nationReports.sessionWide')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {items.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text fz="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text fz={24} fw={700}>
              <bdi>{value}</bdi>
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * The post-course report as a participating nation's NPOC receives it: their own officers'
 * results and attendance, the session's overall figures and the evaluation summary.
 */
export function NationReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { code } = route.useParams();
  const query = useQuery(nationReportQuery(code));
  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('results.backToSession')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('nationReports.title')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const report = query.data;
  const s = report.session;
  return (
    <>
      <PageHeader
        above={back}
        title={t('report.titleOf', { title: localized(s.activityTitle, locale) })}
        description={
          <>
            <Text span ff="monospace" fw={600} c="dark">
              <bdi dir="ltr">{s.code}</bdi>
            </Text>
            {' · '}
            <DateRangeText start={s.startDate} end={s.endDate} />
            {' · '}
            {localized(s.venueName, locale)}
          </>
        }
        actions={
          <Button
            component="a"
            href={nationReportPdfUrl(code, locale)}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('report.downloadPdf')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Text fz="sm" c="dimmed">
          {report.closed ? t('report.closed') : t('report.open')}
        </Text>
        {!report.closed && <Alert color="yellow">{t('nationReports.notClosed')}</Alert>}
        {report.scopedToNation && (
          <Text fz="sm">{t('report.scoped', { nation: report.scopedToNation })}</Text>
        )}
        <ReportSummary report={report} />
        {report.sessionWide && (
          <SessionWide figures={report.sessionWide} graded={report.resultsApply} />
        )}
        <NationTable report={report} />
        <ParticipantTable report={report} />
        <AttendanceByDay report={report} />
        <EvaluationSummary report={report} />
      </Stack>
    </>
  );
}
