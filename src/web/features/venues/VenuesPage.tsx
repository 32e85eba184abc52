import { ActionIcon, Button, EmptyState, Loader, Table, Text } from '@mantine/core';
import { IconMapPin, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Venue } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { zoneName } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { firstWeekdayFor } from '../sessions/calendar-grid.js';
import { venuesQuery } from './api.js';
import { VenueModal } from './VenueModal.js';
import { weekdayNames, weekOrder } from './weekdays.js';

export function VenuesPage() {
  const { t } = useTranslation();
  const venues = useQuery(venuesQuery);
  // null: closed; 'new': adding; a venue: editing it.
  const [editing, setEditing] = useState<Venue | 'new' | null>(null);
  const locale = currentLocale();
  const days = weekdayNames(locale, 'short');
  const order = weekOrder(firstWeekdayFor(locale));

  return (
    <>
      <PageHeader
        title={t('venues.title')}
        description={t('venues.description')}
        above={
          <AnchorLink to="/sessions" fz="sm">
            {t('sessions.backToList')}
          </AnchorLink>
        }
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('venues.add')}
          </Button>
        }
      />
      {venues.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={venues.error} />
      {venues.data?.length === 0 && (
        <EmptyState
          icon={<IconMapPin size={32} aria-hidden />}
          title={t('venues.emptyTitle')}
          description={t('venues.emptyHint')}
          py="xl"
        />
      )}
      {venues.data && venues.data.length > 0 && (
        <ResponsiveTable minWidth={860}>
          <Table striped withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('venues.code')}</Table.Th>
                <Table.Th scope="col">{t('venues.name')}</Table.Th>
                <Table.Th scope="col">{t('venues.kind')}</Table.Th>
                <Table.Th scope="col">{t('venues.city')}</Table.Th>
                <Table.Th scope="col">{t('venues.timeZone')}</Table.Th>
                <Table.Th scope="col">{t('venues.workingDays')}</Table.Th>
                <Table.Th scope="col">{t('venues.holidays')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {venues.data.map((venue) => {
                const name = localized(venue.name, locale);
                return (
                  <Table.Tr key={venue.code}>
                    <Table.Td ff="monospace">
                      <bdi dir="ltr">{venue.code}</bdi>
                    </Table.Td>
                    <Table.Td fw={500}>
                      <AnchorLink to="/venues/$code" params={{ code: venue.code }} fz="sm">
                        {name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`venueKind.${venue.kind}`)}</Table.Td>
                    <Table.Td>
                      {[venue.city, venue.countryCode].filter(Boolean).join(', ') || '—'}
                    </Table.Td>
                    <Table.Td title={venue.timeZone}>{zoneName(venue.timeZone, locale)}</Table.Td>
                    <Table.Td>
                      {order
                        .filter((d) => venue.workingDays.includes(d))
                        .map((d) => days[d])
                        .join(t('common.listSeparator'))}
                    </Table.Td>
                    <Table.Td>
                      <Text span fz="sm">
                        {t('venues.holidayCount', { count: venue.holidays.length })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('venues.editNamed', { name })}
                        onClick={() => setEditing(venue)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {editing && (
        <VenueModal
          venue={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
