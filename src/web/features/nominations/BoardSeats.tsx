import { Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SelectionBoard } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';
import { DARK_ORANGE } from './labels.js';

// Index 1 when unused quotas went to the pool.
const RELEASE_COLOR = ['gray.7', DARK_ORANGE] as const;

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="xs">
      <Text component="dt" fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} fz={22} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** The seats in numbers: capacity, taken, the open pool, then each nation's quota. */
export function BoardSeats({ board }: { board: SelectionBoard }) {
  const { t } = useTranslation();
  const nations = useQuery(nationsQuery({}));
  const locale = currentLocale();
  const nationName = (code: string) => {
    const nation = nations.data?.find((n) => n.code === code);
    return nation ? localized(nation.name, locale) : code;
  };
  const totals = board.quotas.reduce(
    (acc, q) => ({
      seats: acc.seats + q.seats,
      taken: acc.taken + q.taken,
      pending: acc.pending + q.pending,
    }),
    { seats: 0, taken: 0, pending: 0 },
  );

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          {t('nominations.board.seats')}
        </Title>
        <Badge color={RELEASE_COLOR[board.quotasReleased ? 1 : 0]}>
          {board.quotasReleased
            ? t('nominations.board.released')
            : t('nominations.board.notReleased')}
        </Badge>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="xs" m={0} mb="md">
        <Stat label={t('nominations.board.capacity')} value={board.capacity} />
        <Stat label={t('nominations.board.taken')} value={board.seatsTaken} />
        <Stat label={t('nominations.board.left')} value={board.capacity - board.seatsTaken} />
        <Stat
          label={t('nominations.board.pool')}
          value={t('nominations.board.ofSeats', {
            taken: board.pool.taken,
            seats: board.pool.seats,
          })}
        />
      </SimpleGrid>
      <Table withTableBorder striped maw={640} verticalSpacing={4}>
        <Table.Caption>{t('nominations.board.quotaCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('nominations.nation')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('nominations.board.quota')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('nominations.board.taken')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('nominations.board.pending')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.quotas.map((q) => (
            <Table.Tr key={q.nationCode}>
              <Table.Th scope="row" fw={500}>
                {nationName(q.nationCode)}{' '}
                <Text span ff="monospace" fz="xs" c="dimmed">
                  {q.nationCode}
                </Text>
              </Table.Th>
              <Table.Td ta="end">{q.seats}</Table.Td>
              <Table.Td ta="end" fw={q.taken >= q.seats && q.seats > 0 ? 700 : undefined}>
                {q.taken}
              </Table.Td>
              <Table.Td ta="end">{q.pending}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('nominations.board.pool')}
            </Table.Th>
            <Table.Td ta="end">{board.pool.seats}</Table.Td>
            <Table.Td ta="end">{board.pool.taken}</Table.Td>
            <Table.Td ta="end">—</Table.Td>
          </Table.Tr>
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('nominations.board.total')}</Table.Th>
            <Table.Td ta="end" fw={700}>
              {totals.seats + board.pool.seats}
            </Table.Td>
            <Table.Td ta="end" fw={700}>
              {totals.taken + board.pool.taken}
            </Table.Td>
            <Table.Td ta="end" fw={700}>
              {totals.pending}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}
