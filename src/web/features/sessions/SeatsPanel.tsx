import { Alert, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';

function Stat({ label, value, strong }: { label: string; value: number; strong?: boolean }) {
  return (
    <Paper withBorder p="sm" component="div">
      <Text component="dt" fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} fz={24} fw={strong ? 700 : 500}>
        {value}
      </Text>
    </Paper>
  );
}

/** The seat arithmetic in numbers, then the quota of each nation. */
export function SeatsPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const nations = useQuery(nationsQuery({}));
  const locale = currentLocale();
  const nationName = (code: string) => {
    const nation = nations.data?.find((n) => n.code === code);
    return nation ? localized(nation.name, locale) : code;
  };
  const { seats } = session;
  const hiddenQuotaSeats = seats.quotaTotal - session.quotas.reduce((sum, q) => sum + q.seats, 0);

  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('sessions.seats')}
      </Title>
      {session.myQuota !== null && (
        <Alert color={session.myQuota > 0 ? 'teal' : 'gray'} mb="sm" variant="light">
          <Text fw={700}>{t('sessions.yourQuota', { count: session.myQuota })}</Text>
          <Text fz="sm">{t('sessions.poolHint', { count: seats.pool })}</Text>
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
        <Stat label={t('sessions.capacity')} value={seats.capacity} />
        <Stat label={t('sessions.quotaTotal')} value={seats.quotaTotal} />
        <Stat label={t('sessions.pool')} value={seats.pool} />
        <Stat label={t('sessions.taken')} value={seats.taken} />
        <Stat label={t('sessions.left')} value={seats.left} strong />
      </SimpleGrid>
      <Title order={3} fz="md" mt="md" mb="xs">
        {t('sessions.quotasTitle')}
      </Title>
      {seats.quotaTotal === 0 && (
        <Text fz="sm" c="dimmed">
          {t('sessions.noQuotas')}
        </Text>
      )}
      {/* A nation's reader is sent its own quota only; say where the rest of the total went. */}
      {hiddenQuotaSeats > 0 && (
        <Text fz="sm" c="dimmed" mb="xs">
          {t('sessions.quotasOthersHidden', { count: hiddenQuotaSeats })}
        </Text>
      )}
      {session.quotas.length > 0 && (
        <Table withTableBorder striped maw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sessions.nation')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('sessions.quotaSeats')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.quotas.map((q) => (
              <Table.Tr key={q.nationCode}>
                <Table.Td>
                  <Group gap={6}>
                    {nationName(q.nationCode)}
                    <Text span ff="monospace" fz="xs" c="dimmed">
                      {q.nationCode}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="end">{q.seats}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
