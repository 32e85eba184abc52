import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  DeliveryRow,
  EvaluationRow,
  RateRow,
  ReportGrouping,
  TrainedRow,
} from '../../../contract/index.js';
import { BarChart, LineChart, StackedBarChart } from './charts.js';
import { ReportTable } from './ReportTable.js';

const pct = (value: number | null) => (value === null ? '–' : `${value}%`);

function Empty() {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" size="sm">
      {t('reports.empty')}
    </Text>
  );
}

export function TrainedView({
  rows,
  groupBy,
  table = true,
}: {
  rows: readonly TrainedRow[];
  groupBy: ReportGrouping;
  table?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty />;
  return (
    <>
      {groupBy === 'year' ? (
        <LineChart
          title={t('reports.chart.trainedPerYear')}
          data={rows.map((r) => ({ label: r.label, value: r.trained }))}
        />
      ) : (
        <StackedBarChart
          title={t(`reports.chart.trainedByGroup.${groupBy}`)}
          legend={[t('reports.trained'), t('reports.selectedNotTrained'), t('reports.notSelected')]}
          data={rows.map((r) => ({
            label: r.label,
            parts: [r.trained, r.selected - r.trained, r.nominated - r.selected].map((n) =>
              Math.max(0, n),
            ),
          }))}
        />
      )}
      {table && (
        <ReportTable
          rows={rows}
          rowKey={(r) => r.key}
          minWidth={520}
          columns={[
            { header: t(`reports.group.${groupBy}`), cell: (r) => r.label },
            { header: t('reports.nominated'), cell: (r) => r.nominated },
            { header: t('reports.selected'), cell: (r) => r.selected },
            { header: t('reports.trained'), cell: (r) => r.trained },
            { header: t('reports.sessionCancelled'), cell: (r) => r.sessionCancelled },
          ]}
        />
      )}
    </>
  );
}

export function RatesView({
  rows,
  groupBy,
  table = true,
}: {
  rows: readonly RateRow[];
  groupBy: ReportGrouping;
  table?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty />;
  return (
    <>
      <BarChart
        title={t('reports.fillRate')}
        max={100}
        unit="%"
        data={rows.map((r) => ({ label: r.label, value: r.fillRate }))}
      />
      <BarChart
        title={t('reports.noShowRate')}
        max={100}
        unit="%"
        data={rows.map((r) => ({ label: r.label, value: r.noShowRate }))}
      />
      {table && (
        <ReportTable
          rows={rows}
          rowKey={(r) => r.key}
          minWidth={720}
          columns={[
            { header: t(`reports.group.${groupBy}`), cell: (r) => r.label },
            { header: t('reports.capacity'), cell: (r) => r.capacity },
            { header: t('reports.selected'), cell: (r) => r.selected },
            { header: t('reports.completed'), cell: (r) => r.completed },
            { header: t('reports.noShows'), cell: (r) => r.noShow },
            { header: t('reports.fillRate'), cell: (r) => pct(r.fillRate) },
            { header: t('reports.noShowRate'), cell: (r) => pct(r.noShowRate) },
            { header: t('reports.completionRate'), cell: (r) => pct(r.completionRate) },
          ]}
        />
      )}
    </>
  );
}

/** Beyond this many rows a bar per activity and year no longer reads; the table stays. */
const EVALUATION_CHART_ROWS = 30;

export function EvaluationsView({
  rows,
  total,
}: {
  rows: readonly EvaluationRow[];
  total: number;
}) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <Empty />;
  return (
    <>
      {total > rows.length && (
        <Text size="sm" mb="sm">
          {t('reports.evaluationsShown', {
            shown: rows.length.toLocaleString(i18n.language),
            total: total.toLocaleString(i18n.language),
          })}
        </Text>
      )}
      {rows.length <= EVALUATION_CHART_ROWS && (
        <BarChart
          title={t('reports.meanScore')}
          max={5}
          data={rows.map((r) => ({ label: `${r.activityTitle} ${r.year}`, value: r.meanScore }))}
        />
      )}
      <ReportTable
        rows={rows}
        rowKey={(r) => `${r.activityCode}-${r.year}`}
        minWidth={620}
        columns={[
          {
            header: t('reports.activity'),
            cell: (r) => (
              <>
                {r.activityTitle}{' '}
                <Text span c="dimmed" size="xs">
                  {r.activityCode}
                </Text>
              </>
            ),
          },
          { header: t('reports.discipline'), cell: (r) => r.disciplineCode },
          { header: t('reports.year'), cell: (r) => r.year },
          { header: t('reports.responses'), cell: (r) => r.responses },
          { header: t('reports.meanScore'), cell: (r) => r.meanScore ?? '–' },
        ]}
      />
    </>
  );
}

export function DeliveryView({
  rows,
  table = true,
}: {
  rows: readonly DeliveryRow[];
  table?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty />;
  return (
    <>
      <StackedBarChart
        title={t('reports.chart.delivery')}
        legend={[t('reports.completed'), t('reports.plannedRemaining')]}
        data={rows.map((r) => ({
          label: `${r.nationName} ${r.year}`,
          parts: [r.completed, Math.max(0, r.planned - r.completed)],
        }))}
      />
      {table && (
        <ReportTable
          rows={rows}
          rowKey={(r) => `${r.nationCode}-${r.year}`}
          minWidth={520}
          columns={[
            { header: t('reports.nation'), cell: (r) => r.nationName },
            { header: t('reports.year'), cell: (r) => r.year },
            { header: t('reports.planned'), cell: (r) => r.planned },
            { header: t('reports.completed'), cell: (r) => r.completed },
            { header: t('reports.deliveryRate'), cell: (r) => pct(r.deliveryRate) },
          ]}
        />
      )}
    </>
  );
}
