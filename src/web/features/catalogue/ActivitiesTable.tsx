import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { ACTIVITY_STATUS_COLOR } from './labels.js';
import { useCatalogueNames } from './useNames.js';

export function ActivitiesTable({ activities }: { activities: readonly ActivitySummary[] }) {
  const { t } = useTranslation();
  const names = useCatalogueNames();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={900}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('catalogue.count', { count: activities.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalogue.code')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.activityTitle')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.discipline')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.provider')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.type')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.delivery')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.duration')}</Table.Th>
            <Table.Th scope="col">{t('catalogue.openSessions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                <bdi dir="ltr">{activity.code}</bdi>
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/catalogue/$code" params={{ code: activity.code }} fw={500}>
                  {localized(activity.title, locale)}
                </AnchorLink>
                {activity.status !== 'active' && (
                  <Badge ms={6} size="sm" color={ACTIVITY_STATUS_COLOR[activity.status]}>
                    {t(`activityStatus.${activity.status}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{names.discipline(activity.disciplineCode)}</Table.Td>
              <Table.Td>
                <Text span fz="sm" title={names.provider(activity.providerCode)}>
                  {activity.providerCode}
                </Text>
              </Table.Td>
              <Table.Td>{t(`activityType.${activity.type}`)}</Table.Td>
              <Table.Td>{t(`delivery.${activity.delivery}`)}</Table.Td>
              <Table.Td>{t('catalogue.days', { count: activity.durationDays })}</Table.Td>
              <Table.Td>
                {activity.openSessions > 0 ? (
                  <Badge color="teal.9">
                    {t('catalogue.openCount', { count: activity.openSessions })}
                  </Badge>
                ) : (
                  <Text span fz="sm" c="dimmed">
                    {t('catalogue.noneOpen')}
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
