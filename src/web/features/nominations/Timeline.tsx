import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationEvent } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * Every move, oldest first: who (and for which nation, when centre staff acted for one), when,
 * from which state to which, and why.
 */
export function Timeline({ events }: { events: readonly NominationEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('nominations.noEvents')}
      </Text>
    );
  }
  return (
    <ResponsiveTable minWidth={640}>
      <Table withTableBorder striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('nominations.when')}</Table.Th>
            <Table.Th scope="col">{t('nominations.who')}</Table.Th>
            <Table.Th scope="col">{t('nominations.change')}</Table.Th>
            <Table.Th scope="col">{t('nominations.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={`${e.at}-${e.action}-${e.toStatus}`}>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                <DateText value={e.at} withTime fz="sm" />
              </Table.Td>
              <Table.Td fz="sm">
                {e.onBehalfOf
                  ? t('nominations.byOnBehalf', {
                      name: e.actorName ?? t('nominations.system'),
                      nation: localized(e.onBehalfOf.name, currentLocale()),
                    })
                  : (e.actorName ?? t('nominations.system'))}
              </Table.Td>
              <Table.Td fz="sm">
                {i18n.exists(`nominations.event.${e.action}`) && (
                  <Text span display="block" fz="sm" fw={500} mb={2}>
                    {t(`nominations.event.${e.action}`)}
                  </Text>
                )}
                <Group gap={6} wrap="nowrap">
                  {e.fromStatus && (
                    <>
                      <StatusBadge status={e.fromStatus} />
                      <Text span aria-hidden>
                        {t('nominations.arrow')}
                      </Text>
                      <VisuallyHidden>{t('nominations.to')}</VisuallyHidden>
                    </>
                  )}
                  <StatusBadge status={e.toStatus} />
                </Group>
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {e.reason ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
