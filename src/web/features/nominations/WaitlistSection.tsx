import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationSummary } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { waitlistOrder } from './board.js';
import { PersonName } from './PersonName.js';
import { WaitlistReason } from './WaitlistReason.js';

/** The waitlist in its real order: who gets the next seat that frees, and why in that place. */
export function WaitlistSection({ rows }: { rows: readonly NominationSummary[] }) {
  const { t } = useTranslation();
  const waitlist = waitlistOrder(rows);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('nominations.board.waitlistTitle', { count: waitlist.length })}
      </Title>
      {waitlist.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('nominations.board.waitlistEmpty')}
        </Text>
      ) : (
        <ResponsiveTable>
          <Table withTableBorder striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="end" w={70}>
                  {t('nominations.board.position')}
                </Table.Th>
                <Table.Th scope="col">{t('nominations.participant')}</Table.Th>
                <Table.Th scope="col">{t('nominations.nation')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('nominations.priority')}
                </Table.Th>
                <Table.Th scope="col">{t('nominations.board.whyHere')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waitlist.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td ta="end" fw={700}>
                    {n.waitlist?.position}
                  </Table.Td>
                  <Table.Td fz="sm">
                    <AnchorLink to="/nominations/$id" params={{ id: n.id }} fz="sm">
                      <PersonName
                        latin={n.participantName.latin}
                        arabic={n.participantName.arabic}
                      />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {n.nationCode}
                  </Table.Td>
                  <Table.Td ta="end" fz="sm">
                    {n.priority ?? '—'}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {n.waitlist && <WaitlistReason waitlist={n.waitlist} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </Paper>
  );
}
