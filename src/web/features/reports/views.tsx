import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  DeliveryRow,
  EvaluationRow,
  RateRow,
  ReportGrouping,
  TrainedRow,
} from '../../../contract/index.js';
import { BarChart, LineChart, StackedBarChart } from './charts.js';

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
        <Table.ScrollContainer minWidth={520} mt="md">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`reports.group.${groupBy}`)}</Table.Th>
                <Table.Th scope="col">{t('reports.nominated')}</Table.Th>
                <Table.Th scope="col">{t('reports.selected')}</Table.Th>
                <Table.Th scope="col">{t('reports.trained')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={500}>
                    {r.label}
                  </Table.Th>
                  <Table.Td>{r.nominated}</Table.Td>
                  <Table.Td>{r.selected}</Table.Td>
                  <Table.Td>{r.trained}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
        <Table.ScrollContainer minWidth={720} mt="md">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`reports.group.${groupBy}`)}</Table.Th>
                <Table.Th scope="col">{t('reports.capacity')}</Table.Th>
                <Table.Th scope="col">{t('reports.selected')}</Table.Th>
                <Table.Th scope="col">{t('reports.completed')}</Table.Th>
                <Table.Th scope="col">{t('reports.noShows')}</Table.Th>
                <Table.Th scope="col">{t('reports.fillRate')}</Table.Th>
                <Table.Th scope="col">{t('reports.noShowRate')}</Table.Th>
                <Table.Th scope="col">{t('reports.completionRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={500}>
                    {r.label}
                  </Table.Th>
                  <Table.Td>{r.capacity}</Table.Td>
                  <Table.Td>{r.selected}</Table.Td>
                  <Table.Td>{r.completed}</Table.Td>
                  <Table.Td>{r.noShow}</Table.Td>
                  <Table.Td>{pct(r.fillRate)}</Table.Td>
                  <Table.Td>{pct(r.noShowRate)}</Table.Td>
                  <Table.Td>{pct(r.completionRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
      <Table.ScrollContainer minWidth={620} mt="md">
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.activity')}</Table.Th>
              <Table.Th scope="col">{t('reports.discipline')}</Table.Th>
              <Table.Th scope="col">{t('reports.year')}</Table.Th>
              <Table.Th scope="col">{t('reports.responses')}</Table.Th>
              <Table.Th scope="col">{t('reports.meanScore')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.activityCode}-${r.year}`}>
                <Table.Th scope="row" fw={500}>
                  {r.activityTitle}{' '}
                  <Text span c="dimmed" size="xs">
                    {r.activityCode}
                  </Text>
                </Table.Th>
                <Table.Td>{r.disciplineCode}</Table.Td>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>{r.responses}</Table.Td>
                <Table.Td>{r.meanScore ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
        <Table.ScrollContainer minWidth={520} mt="md">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.nation')}</Table.Th>
                <Table.Th scope="col">{t('reports.year')}</Table.Th>
                <Table.Th scope="col">{t('reports.planned')}</Table.Th>
                <Table.Th scope="col">{t('reports.completed')}</Table.Th>
                <Table.Th scope="col">{t('reports.deliveryRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.nationCode}-${r.year}`}>
                  <Table.Th scope="row" fw={500}>
                    {r.nationName}
                  </Table.Th>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td>{r.planned}</Table.Td>
                  <Table.Td>{r.completed}</Table.Td>
                  <Table.Td>{pct(r.deliveryRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
