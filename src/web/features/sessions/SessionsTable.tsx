import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { SESSION_STATUS_COLOR, sessionStatusLabel } from './labels.js';

interface Props {
  sessions: readonly SessionSummary[];
  /** On an activity's page the activity column says nothing new. */
  hideActivity?: boolean;
}

export function SessionsTable({ sessions, hideActivity }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={900}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('sessions.count', { count: sessions.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.code')}</Table.Th>
            {!hideActivity && <Table.Th scope="col">{t('sessions.activity')}</Table.Th>}
            <Table.Th scope="col">{t('sessions.dates')}</Table.Th>
            <Table.Th scope="col">{t('sessions.venue')}</Table.Th>
            <Table.Th scope="col">{t('sessions.status')}</Table.Th>
            <Table.Th scope="col">{t('sessions.seatsLeftOfCapacity')}</Table.Th>
            <Table.Th scope="col">{t('sessions.nominationCloses')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/sessions/$code" params={{ code: s.code }} fw={500}>
                  <bdi dir="ltr">{s.code}</bdi>
                </AnchorLink>
              </Table.Td>
              {!hideActivity && <Table.Td>{localized(s.activityTitle, locale)}</Table.Td>}
              <Table.Td>
                <DateRangeText start={s.startDate} end={s.endDate} stacked fz="sm" />
              </Table.Td>
              <Table.Td>
                {localized(s.venueName, locale)}
                {s.hostNation && (
                  <Text span display="block" fz="xs" c="dimmed">
                    {t('sessions.mobileTeamHost', {
                      nation: localized(s.hostNation.name, locale),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={SESSION_STATUS_COLOR[s.status]}>
                  {sessionStatusLabel(t, s.status, s.activityType)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text span fz="sm" fw={s.seats.left <= 0 ? 700 : undefined}>
                  {s.seats.left <= 0
                    ? t('sessions.full', { capacity: s.seats.capacity })
                    : t('sessions.leftOf', { left: s.seats.left, capacity: s.seats.capacity })}
                </Text>
                {s.myQuota !== null && s.myQuota > 0 && (
                  <Text span display="block" fz="xs" c="dimmed">
                    {t('sessions.yourQuotaShort', { count: s.myQuota })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DateText value={s.nominationCloses} fz="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
