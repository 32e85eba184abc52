import { EmptyState, Group, Loader, Paper, Select, Table, Text } from '@mantine/core';
import { IconCalendarStats, IconTargetArrow } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { demandQuery } from './api.js';

const route = getRouteApi('/app/plans');

/** Next year unless the address says otherwise: the plan is made the year before. */
const nextYear = () => new Date().getUTCFullYear() + 1;

/**
 * What the partners asked for: for a year, the seats each nation's agreed programme plans per
 * activity, with the highest priority among its lines, and the totals per activity and nation.
 */
export function DemandPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const year = route.useSearch().year ?? nextYear();
  const demand = useQuery(demandQuery(year));
  const d = demand.data;
  const number = new Intl.NumberFormat(currentLocale() === 'ar' ? 'ar-u-nu-latn' : currentLocale());
  const years = Array.from({ length: 5 }, (_, i) => String(nextYear() - 2 + i));
  const cell = (activity: string, nation: string) =>
    d?.cells.find((c) => c.activityCode === activity && c.nationCode === nation);

  return (
    <>
      <PageHeader
        title={t('plans.demandTitle', { year })}
        description={t('plans.demandDescription')}
        actions={
          <ButtonLink
            to="/plans/$year"
            params={{ year: String(year) }}
            leftSection={<IconCalendarStats size={16} aria-hidden />}
          >
            {t('plans.openPlan')}
          </ButtonLink>
        }
      />
      <Group mb="md">
        <Select
          label={t('plans.year')}
          data={years.includes(String(year)) ? years : [String(year), ...years]}
          value={String(year)}
          onChange={(v) => v && void navigate({ to: '/plans', search: { year: Number(v) } })}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <ProblemAlert error={demand.error} />
      {demand.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {d && d.cells.length === 0 && (
        <EmptyState
          icon={<IconTargetArrow size={32} aria-hidden />}
          title={t('plans.demandEmptyTitle', { year })}
          description={
            <>
              {t('plans.demandEmptyHint')}{' '}
              <AnchorLink to="/programmes">{t('plans.demandEmptyLink')}</AnchorLink>
            </>
          }
        />
      )}
      {d && d.cells.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="demand-table">
          <Text id="demand-table" fw={600} mb="xs">
            {t('plans.demandSummary', { seats: d.totalSeats, nations: d.nations.length })}
          </Text>
          <Table.ScrollContainer minWidth={Math.max(360, 160 + d.nations.length * 72)}>
            <Table striped withTableBorder withColumnBorders fz="sm">
              <caption>{t('plans.demandCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plans.activity')}</Table.Th>
                  {d.nations.map((n) => (
                    <Table.Th scope="col" key={n.code} ta="end">
                      {n.code}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="end">
                    {t('plans.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.activities.map((a) => (
                  <Table.Tr key={a.code}>
                    <Table.Th scope="row" fw={500}>
                      <Text fz="sm" fw={600} span>
                        {a.code}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {a.title}
                      </Text>
                    </Table.Th>
                    {d.nations.map((n) => {
                      const c = cell(a.code, n.code);
                      return (
                        <Table.Td key={n.code} ta="end">
                          {c ? (
                            <>
                              {number.format(c.seats)}
                              <Text span fz="xs" c="dimmed" ms={4}>
                                {t('plans.priorityShort', { priority: c.priority })}
                              </Text>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="end" fw={700}>
                      {number.format(a.seats)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('plans.total')}</Table.Th>
                  {d.nations.map((n) => (
                    <Table.Td key={n.code} ta="end" fw={700}>
                      {number.format(n.seats)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="end" fw={700}>
                    {number.format(d.totalSeats)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text fz="xs" c="dimmed" mt="xs">
            {t('plans.priorityLegend')}
            {d.freeTextLines > 0 && ` ${t('plans.freeTextLines', { count: d.freeTextLines })}`}
          </Text>
        </Paper>
      )}
    </>
  );
}
