import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../contract/index.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { rankText } from './labels.js';
import { ParticipantName } from './ParticipantName.js';

/** The registry as a dense table: both scripts, rank, nation, service and e-mail at a glance. */
export function ParticipantsTable({ people }: { people: readonly Participant[] }) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable minWidth={860}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('participants.count', { count: people.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('participants.name')}</Table.Th>
            <Table.Th scope="col">{t('participants.rank')}</Table.Th>
            <Table.Th scope="col">{t('participants.nation')}</Table.Th>
            <Table.Th scope="col">{t('participants.service')}</Table.Th>
            <Table.Th scope="col">{t('participants.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <ParticipantName person={person} link />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <bdi dir="ltr">{rankText(person)}</bdi>
              </Table.Td>
              <Table.Td ff="monospace">{person.nationCode}</Table.Td>
              <Table.Td>{person.service ?? '—'}</Table.Td>
              <Table.Td>
                {person.email ? (
                  <Anchor href={`mailto:${person.email}`} fz="sm">
                    <bdi dir="ltr">{person.email}</bdi>
                  </Anchor>
                ) : (
                  <Text span c="dimmed" fz="sm">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
