import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconDownload, IconListCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { reportPdfUrl, reportQuery } from './api.js';
import { CommentsEditor } from './CommentsEditor.js';
import {
  AttendanceByDay,
  EvaluationSummary,
  NationTable,
  ParticipantTable,
  ReportSummary,
} from './ReportFigures.js';

const route = getRouteApi('/app/sessions/$code/report');

/** The post-course report: generated from the data, with the director's comments, as a PDF too. */
export function ReportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const locale = currentLocale();
  const { code } = route.useParams();
  const query = useQuery(reportQuery(code));
  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('results.backToSession')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('report.title')} above={back} />
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
            {s.directorName && (
              <>
                {' · '}
                {t('report.director')}: <bdi>{s.directorName}</bdi>
              </>
            )}
          </>
        }
        actions={
          <>
            {can('results.manage') && report.canEditComments && (
              <ButtonLink
                to="/sessions/$code/results"
                params={{ code }}
                variant="default"
                leftSection={<IconListCheck size={16} aria-hidden />}
              >
                {t('results.title')}
              </ButtonLink>
            )}
            <Button
              component="a"
              href={reportPdfUrl(code, locale)}
              download
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('report.downloadPdf')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <Text fz="sm" c="dimmed">
          {t('report.rule', { percent: report.completionPercent })} ·{' '}
          {report.closed ? t('report.closed') : t('report.open')}
        </Text>
        {report.scopedToNation && (
          <Alert color="yellow">{t('report.scoped', { nation: report.scopedToNation })}</Alert>
        )}
        <ReportSummary report={report} />
        <NationTable report={report} />
        <ParticipantTable report={report} />
        <AttendanceByDay report={report} />
        <EvaluationSummary report={report} />
        <CommentsEditor key={report.directorComments ?? ''} code={code} report={report} />
      </Stack>
    </>
  );
}
