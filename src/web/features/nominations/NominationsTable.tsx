import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationSummary } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { EligibilityFlags } from './EligibilityLines.js';
import { PersonName } from './PersonName.js';
import { StatusBadge } from './StatusBadge.js';

interface Props {
  nominations: readonly NominationSummary[];
  /** A nation's own lists do not need the nation column. */
  hideNation?: boolean;
  /** Shown beside the status: the NPOC's decline reason, the centre's rejection reason. */
  showReason?: boolean;
}

export function NominationsTable({ nominations, hideNation, showReason = true }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={960}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={6}>
        <Table.Caption>{t('nominations.shown', { count: nominations.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('nominations.participant')}</Table.Th>
            <Table.Th scope="col">{t('nominations.rank')}</Table.Th>
            {!hideNation && <Table.Th scope="col">{t('nominations.nation')}</Table.Th>}
            <Table.Th scope="col">{t('nominations.session')}</Table.Th>
            <Table.Th scope="col">{t('nominations.dates')}</Table.Th>
            <Table.Th scope="col">{t('nominations.statusLabel')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('nominations.priority')}
            </Table.Th>
            <Table.Th scope="col">{t('nominations.eligibility')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nominations.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <AnchorLink to="/nominations/$id" params={{ id: n.id }} fw={500} fz="sm">
                  <PersonName latin={n.participantName.latin} arabic={n.participantName.arabic} />
                </AnchorLink>
              </Table.Td>
              <Table.Td fz="sm">
                <Text span ff="monospace" fz="xs">
                  {n.rankCode}
                </Text>
                {n.rankTitle && (
                  <Text span display="block" fz="xs" c="dimmed">
                    {n.rankTitle}
                  </Text>
                )}
              </Table.Td>
              {!hideNation && (
                <Table.Td ff="monospace" fz="sm">
                  {n.nationCode}
                </Table.Td>
              )}
              <Table.Td fz="sm">
                <AnchorLink to="/sessions/$code" params={{ code: n.sessionCode }} ff="monospace">
                  <bdi dir="ltr">{n.sessionCode}</bdi>
                </AnchorLink>
                <Text span display="block" fz="xs" c="dimmed">
                  {localized(n.activityTitle, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DateRangeText start={n.startDate} end={n.endDate} stacked fz="sm" />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={n.status} />
                {n.waitlist && (
                  <Text span display="block" fz="xs">
                    {t('nominations.waitlistPosition', { position: n.waitlist.position })}
                  </Text>
                )}
                {showReason && n.decisionReason && (
                  <Text span display="block" fz="xs" c="dimmed" maw={260} dir="auto">
                    {n.decisionReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {n.priority ?? '—'}
              </Table.Td>
              <Table.Td>
                <EligibilityFlags eligibility={n.eligibility} overridden={n.overridden} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
