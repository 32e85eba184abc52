import { ActionIcon, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NominationSummary } from '../../../contract/index.js';
import { isFinal } from '../../../domain/nomination-lifecycle.js';
import { nominationKeys, setPriorities } from './api.js';
import { NominationProblem } from './NominationProblem.js';
import { PersonName } from './PersonName.js';
import { StatusBadge } from './StatusBadge.js';

/** Ranked ones first in their order, then the unranked ones by name. */
export function initialOrder(rows: readonly NominationSummary[]): NominationSummary[] {
  return rows
    .filter((n) => !isFinal(n.status))
    .sort(
      (a, b) =>
        (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER) ||
        a.participantName.latin.localeCompare(b.participantName.latin),
    );
}

/** The NPOC's order of preference for one session: the centre fills quota seats in this order. */
export function PriorityOrder({
  sessionCode,
  rows,
}: {
  sessionCode: string;
  rows: readonly NominationSummary[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [order, setOrder] = useState(() => initialOrder(rows));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signature = rows.map((r) => `${r.id}:${r.priority}:${r.status}`).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-seed only when the server's rows change.
  useEffect(() => setOrder(initialOrder(rows)), [signature]);
  if (order.length < 2) return null;

  const move = (index: number, by: -1 | 1) =>
    setOrder((prev) => {
      const next = [...prev];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await setPriorities(
        sessionCode,
        order.map((n) => n.id),
      );
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      notifications.show({
        closeButtonProps: { 'aria-label': t('nominations.close') },
        color: 'teal',
        message: t('nominations.priorityOrder.saved'),
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" mb="md">
      <Title order={2} fz="lg" mb={4}>
        {t('nominations.priorityOrder.title', { code: sessionCode })}
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        {t('nominations.priorityOrder.explain')}
      </Text>
      <Table withTableBorder verticalSpacing={4} maw={720}>
        <Table.Tbody>
          {order.map((n, i) => {
            const name = n.participantName.latin;
            return (
              <Table.Tr key={n.id}>
                <Table.Td w={48} fw={700} ta="end">
                  {i + 1}
                </Table.Td>
                <Table.Td fz="sm">
                  <PersonName latin={name} arabic={n.participantName.arabic} stacked={false} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={n.status} />
                </Table.Td>
                <Table.Td w={90}>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('nominations.priorityOrder.up', { name })}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={i === order.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('nominations.priorityOrder.down', { name })}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <NominationProblem error={error} />
      <Button mt="sm" size="xs" loading={busy} onClick={() => void save()}>
        {t('nominations.priorityOrder.save')}
      </Button>
    </Paper>
  );
}
