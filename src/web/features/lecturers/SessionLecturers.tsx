import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlane, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Assignment,
  LECTURER_ROLES,
  type LecturerConflict,
  type LecturerRole,
  type Session,
} from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useCan } from '../auth/session.js';
import {
  assignLecturer,
  lecturerChoicesQuery,
  lecturerKeys,
  removeAssignment,
  sessionLecturersQuery,
  updateAssignment,
} from './api.js';
import { ConflictList, lecturerConflictsOf } from './ConflictList.js';
import { TravelModal } from './TravelModal.js';
import { TravelSummary } from './TravelSummary.js';

/**
 * The session page's lecturers: who teaches or speaks, their travel, and what clashes with each
 * (another session those days, a period away). Assigning someone who clashes asks first.
 */
export function SessionLecturers({ session }: { session: Session }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const list = useQuery(sessionLecturersQuery(session.code));
  const editable = session.status !== 'completed' && session.status !== 'cancelled';
  const manage = can('lecturers.manage') && editable;
  const choices = useQuery({ ...lecturerChoicesQuery, enabled: manage });
  const [lecturerId, setLecturerId] = useState<string | null>(null);
  const [role, setRole] = useState<LecturerRole>('lecturer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<LecturerConflict[] | null>(null);
  const [travelOf, setTravelOf] = useState<Assignment | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: lecturerKeys.all });

  async function assign(confirmConflicts: boolean) {
    if (!lecturerId) return;
    setBusy(true);
    setError(null);
    try {
      await assignLecturer(session.code, { lecturerId, role, confirmConflicts });
      setPending(null);
      setLecturerId(null);
      await refresh();
      notifications.show({ color: 'teal', message: t('lecturers.assigned') });
    } catch (caught) {
      const conflicts = lecturerConflictsOf(caught);
      if (conflicts) setPending(conflicts);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove(assignment: Assignment) {
    setError(null);
    try {
      await removeAssignment(session.code, assignment.id);
      await refresh();
      // Their letter is revoked with the assignment: the letters section must not offer it.
      await queryClient.invalidateQueries({ queryKey: ['lecturer-letters', session.code] });
      notifications.show({
        color: 'teal',
        message: t('lecturers.removed', { name: assignment.lecturer.nameLatin }),
      });
    } catch (caught) {
      setError(caught);
    }
  }

  const assignedIds = new Set(list.data?.map((a) => a.lecturer.id));
  const options =
    choices.data?.items
      .filter((l) => !assignedIds.has(l.id))
      .map((l) => ({
        value: l.id,
        label: [l.nameLatin, l.nameArabic, l.institution].filter(Boolean).join(' · '),
      })) ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-lecturers">
      <Title order={2} fz="lg" mb="xs" id="session-lecturers">
        {t('lecturers.sessionTitle')}
      </Title>
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={list.error ?? error} />
      {list.data?.length === 0 && (
        <Text fz="sm" c="dimmed" mb="sm">
          {manage ? t('lecturers.sessionEmptyManage') : t('lecturers.sessionEmpty')}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <ResponsiveTable minWidth={760}>
          <Table withTableBorder mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lecturers.name')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.role')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.travel')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.warnings')}</Table.Th>
                {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      <bdi dir="ltr">{a.lecturer.nameLatin}</bdi>
                    </Text>
                    {a.lecturer.nameArabic && (
                      <Text fz="sm" c="dimmed" lang="ar">
                        <bdi dir="rtl">{a.lecturer.nameArabic}</bdi>
                      </Text>
                    )}
                    {a.lecturer.institution && (
                      <Text fz="xs" c="dimmed">
                        {a.lecturer.institution}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`lecturers.roles.${a.role}`)}</Table.Td>
                  <Table.Td>
                    <TravelSummary travel={a} timeZone={session.timeZone} />
                  </Table.Td>
                  <Table.Td>
                    {a.conflicts.length === 0 ? (
                      <Text fz="sm" c="dimmed">
                        {t('lecturers.noConflicts')}
                      </Text>
                    ) : (
                      <Stack gap={4}>
                        <Badge color="yellow" variant="light">
                          {t('lecturers.conflictCount', { count: a.conflicts.length })}
                        </Badge>
                        <ConflictList conflicts={a.conflicts} />
                      </Stack>
                    )}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('lecturers.editTravelOf', { name: a.lecturer.nameLatin })}
                          onClick={() => setTravelOf(a)}
                        >
                          <IconPlane size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('lecturers.removeFrom', { name: a.lecturer.nameLatin })}
                          onClick={() => void remove(a)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {manage && (
        <Stack gap="xs">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('lecturers.pick')}
              placeholder={t('lecturers.pickPlaceholder')}
              searchable
              clearable
              nothingFoundMessage={t('lecturers.nothingFound')}
              data={options}
              value={lecturerId}
              onChange={(value) => {
                setLecturerId(value);
                setPending(null);
              }}
              w={320}
            />
            <Select
              label={t('lecturers.role')}
              allowDeselect={false}
              data={LECTURER_ROLES.map((r) => ({ value: r, label: t(`lecturers.roles.${r}`) }))}
              value={role}
              onChange={(value) => value && setRole(value as LecturerRole)}
              w={180}
            />
            <Button
              onClick={() => void assign(false)}
              loading={busy && !pending}
              disabled={!lecturerId}
            >
              {t('lecturers.assign')}
            </Button>
          </Group>
          {pending && (
            <Alert
              color="yellow"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('lecturers.conflict.title')}
            >
              <Stack gap="xs">
                <ConflictList conflicts={pending} />
                <Text size="sm">{t('lecturers.conflict.explain')}</Text>
                <Group gap="sm">
                  <Button loading={busy} onClick={() => void assign(true)}>
                    {t('lecturers.conflict.confirm')}
                  </Button>
                  <Button variant="default" onClick={() => setPending(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      )}
      {travelOf && (
        <TravelModal
          timeZone={session.timeZone}
          title={t('lecturers.travelOf', { name: travelOf.lecturer.nameLatin })}
          travel={travelOf}
          onSave={async (input) => {
            await updateAssignment(session.code, travelOf.id, input);
            await queryClient.invalidateQueries({ queryKey: lecturerKeys.all });
          }}
          onClose={() => setTravelOf(null)}
        />
      )}
    </Paper>
  );
}
