import { Badge, Button, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconChecks, IconUsersGroup } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  type AttendanceRoster,
  type AttendanceStatus,
} from '../../../contract/index.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { keyOf, shownStatus } from './queue.js';
import { RosterRow } from './RosterRow.js';
import type { useMarkQueue } from './useMarkQueue.js';

/** One day of the roster: counts, "mark all present", and a row per participant. */
export function DayRoster({
  roster,
  day,
  queue,
  locked,
}: {
  roster: AttendanceRoster;
  day: string;
  queue: ReturnType<typeof useMarkQueue>;
  locked: boolean;
}) {
  const { t } = useTranslation();
  // After "mark all present" the button is disabled: the counts, read out, take the focus.
  const countsRef = useRef<HTMLDivElement>(null);
  if (roster.participants.length === 0) {
    return (
      <EmptyState
        icon={<IconUsersGroup size={32} aria-hidden />}
        title={t('attendance.emptyTitle')}
        description={t('attendance.emptyDescription')}
        py="xl"
      />
    );
  }
  const serverMarks = new Map(roster.marks.filter((m) => m.day === day).map((m) => [keyOf(m), m]));
  const pending = new Map(
    queue.state.pending.filter((m) => m.day === day).map((m) => [keyOf(m), m]),
  );
  const conflicts = new Map(
    queue.state.conflicts.filter((c) => c.day === day).map((c) => [keyOf(c), c]),
  );
  const rows = roster.participants.map((participant) => {
    const key = keyOf({ nominationId: participant.nominationId, day });
    const serverMark = serverMarks.get(key);
    return { participant, key, serverMark, shown: shownStatus(serverMark, pending.get(key)) };
  });
  const counts = Object.fromEntries(
    ATTENDANCE_STATUSES.map((s) => [s, rows.filter((r) => r.shown === s).length]),
  ) as Record<AttendanceStatus, number>;
  const unmarked = rows.filter((r) => r.shown === null);

  const mark = (nominationId: string, status: AttendanceStatus) => {
    const serverMark = serverMarks.get(keyOf({ nominationId, day }));
    queue.mark({ nominationId, day, status, baseVersion: serverMark?.version ?? null });
  };

  return (
    <>
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Group
          ref={countsRef}
          gap="xs"
          aria-label={t('attendance.countsLabel')}
          role="group"
          aria-live="polite"
          tabIndex={-1}
        >
          {ATTENDANCE_STATUSES.map((status) => (
            <Badge key={status} size="lg" variant="light" color="dark">
              {t(`attendance.count.${status}`, { count: counts[status] })}
            </Badge>
          ))}
          <Badge size="lg" variant="outline" color="dark">
            {t('attendance.count.unmarked', { count: unmarked.length })}
          </Badge>
        </Group>
        <Button
          size="md"
          h={48}
          color="teal.9"
          leftSection={<IconChecks size={18} aria-hidden />}
          disabled={locked || unmarked.length === 0}
          onClick={() => {
            queue.markMany(
              unmarked.map((r) => ({
                nominationId: r.participant.nominationId,
                day,
                status: 'present' as const,
                baseVersion: r.serverMark?.version ?? null,
              })),
            );
            countsRef.current?.focus();
          }}
        >
          {t('attendance.markAllPresent')}
        </Button>
      </Group>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('attendance.markAllHint')}
      </Text>
      <ResponsiveTable minWidth={440}>
        <Table verticalSpacing="sm" withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('attendance.participant')}</Table.Th>
              <Table.Th scope="col">{t('attendance.mark')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <RosterRow
                key={row.key}
                participant={row.participant}
                serverMark={row.serverMark}
                shown={row.shown}
                unsent={pending.has(row.key)}
                conflict={conflicts.get(row.key)}
                disabled={locked}
                timeZone={roster.timeZone}
                onMark={(status) => mark(row.participant.nominationId, status)}
                onKeepTheirs={() => queue.keepTheirs(row.key)}
                onApplyMine={() => queue.applyMine(row.key)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </>
  );
}
