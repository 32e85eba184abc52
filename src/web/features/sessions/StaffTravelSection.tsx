import { ActionIcon, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlane } from '@tabler/icons-react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session, StaffTravel, StaffTravelInput } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { api } from '../../lib/api.js';
import { TravelModal } from '../lecturers/TravelModal.js';
import { TravelSummary } from '../lecturers/TravelSummary.js';
import { sessionKeys } from './api.js';

const travelPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/staff-travel`;

const staffTravelQuery = (code: string) =>
  queryOptions({
    queryKey: [...sessionKeys.all, 'staff-travel', code] as const,
    queryFn: ({ signal }) => api<StaffTravel[]>(travelPath(code), { signal }),
  });

const recordStaffTravel = (code: string, userId: string, body: StaffTravelInput) =>
  api<StaffTravel>(`${travelPath(code)}/${encodeURIComponent(userId)}`, { method: 'PUT', body });

/**
 * A mobile training team's travel: the session's director and instructors fly to the host
 * nation, and the registrar records their flights and hotel as for a visiting lecturer.
 */
export function StaffTravelSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(staffTravelQuery(session.code));
  const [editing, setEditing] = useState<StaffTravel | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-travel">
      <Title order={2} fz="lg" mb="xs" id="staff-travel">
        {t('sessions.staffTravel.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('sessions.staffTravel.intro', { zone: session.timeZone })}
      </Text>
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 && <Text fz="sm">{t('sessions.staffTravel.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <ResponsiveTable minWidth={560}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.staffTravel.name')}</Table.Th>
                <Table.Th scope="col">{t('sessions.staffTravel.role')}</Table.Th>
                <Table.Th scope="col">{t('sessions.staffTravel.travel')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    <bdi>{member.displayName}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`sessions.staffTravel.${member.role}`)}</Table.Td>
                  <Table.Td>
                    <TravelSummary travel={member} timeZone={session.timeZone} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('sessions.staffTravel.edit', { name: member.displayName })}
                      onClick={() => setEditing(member)}
                    >
                      <IconPlane size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {editing && (
        <TravelModal
          timeZone={session.timeZone}
          title={t('sessions.staffTravel.modalTitle', { name: editing.displayName })}
          travel={editing}
          onSave={async (input) => {
            await recordStaffTravel(session.code, editing.userId, input);
            await queryClient.invalidateQueries({
              queryKey: staffTravelQuery(session.code).queryKey,
            });
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
