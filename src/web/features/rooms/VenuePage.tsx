import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDoor, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../contract/index.js';
import { addDays } from '../../../domain/venue-calendar.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { SESSION_STATUS_COLOR } from '../sessions/labels.js';
import { venuesQuery } from '../venues/api.js';
import { roomsQuery, venueCalendarQuery } from './api.js';
import { RoomModal } from './RoomModal.js';

const route = getRouteApi('/app/venues/$code');

const today = () => new Date().toISOString().slice(0, 10);

/** One venue: its rooms, and what each room holds over a span of days (the venue calendar). */
export function VenuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { code } = route.useParams();
  const locale = currentLocale();
  const venues = useQuery({ ...venuesQuery, enabled: can('sessions.read') });
  const venue = venues.data?.find((v) => v.code === code);
  const rooms = useQuery(roomsQuery(code));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => addDays(today(), 90));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const calendar = useQuery({ ...venueCalendarQuery(code, from, to), enabled: valid });
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const manage = can('sessions.manage');

  return (
    <>
      <PageHeader
        above={
          manage ? (
            <AnchorLink to="/venues" fz="sm">
              {t('rooms.backToVenues')}
            </AnchorLink>
          ) : undefined
        }
        title={venue ? localized(venue.name, locale) : code}
        description={t('rooms.venueDescription')}
        actions={
          manage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('rooms.add')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="venue-rooms">
          <Title order={2} fz="lg" mb="xs" id="venue-rooms">
            {t('rooms.title')}
          </Title>
          {rooms.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          <ProblemAlert error={rooms.error} />
          {rooms.data?.length === 0 && (
            <EmptyState
              icon={<IconDoor size={32} aria-hidden />}
              title={t('rooms.emptyTitle')}
              description={manage ? t('rooms.emptyHint') : undefined}
              py="md"
            />
          )}
          {rooms.data && rooms.data.length > 0 && (
            <ResponsiveTable minWidth={520}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rooms.name')}</Table.Th>
                    <Table.Th scope="col">{t('rooms.capacity')}</Table.Th>
                    <Table.Th scope="col">{t('rooms.equipment')}</Table.Th>
                    {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rooms.data.map((room) => (
                    <Table.Tr key={room.id}>
                      <Table.Td fw={500}>{room.name}</Table.Td>
                      <Table.Td>{room.capacity}</Table.Td>
                      <Table.Td>{room.equipment.join(t('common.listSeparator')) || '—'}</Table.Td>
                      {manage && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('rooms.editNamed', { name: room.name })}
                            onClick={() => setEditing(room)}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ResponsiveTable>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="venue-calendar">
          <Title order={2} fz="lg" mb="xs" id="venue-calendar">
            {t('rooms.calendarTitle')}
          </Title>
          <Group gap="sm" mb="sm" align="flex-end">
            <TextInput
              type="date"
              label={t('rooms.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('rooms.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={valid ? undefined : t('rooms.badRange')}
            />
          </Group>
          {calendar.isPending && valid && <Loader size="sm" aria-label={t('common.loading')} />}
          <ProblemAlert error={calendar.error} />
          {calendar.data && calendar.data.rooms.length === 0 && (
            <Text fz="sm" c="dimmed">
              {t('rooms.emptyTitle')}
            </Text>
          )}
          {calendar.data?.rooms.map((room) => (
            <Stack key={room.id} gap={4} mb="md">
              <Title order={3} fz="md">
                {t('rooms.option', { name: room.name, capacity: room.capacity })}
              </Title>
              {room.bookings.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('rooms.freeAll')}
                </Text>
              ) : (
                <ResponsiveTable minWidth={640}>
                  <Table withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('rooms.dates')}</Table.Th>
                        <Table.Th scope="col">{t('rooms.session')}</Table.Th>
                        <Table.Th scope="col">{t('rooms.interpretation')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {room.bookings.map((b) => (
                        <Table.Tr key={b.sessionCode}>
                          <Table.Td>
                            <DateRangeText start={b.startDate} end={b.endDate} />
                          </Table.Td>
                          <Table.Td>
                            <Group gap="xs">
                              <AnchorLink
                                to="/sessions/$code"
                                params={{ code: b.sessionCode }}
                                fz="sm"
                                ff="monospace"
                              >
                                <bdi dir="ltr">{b.sessionCode}</bdi>
                              </AnchorLink>
                              <Badge color={SESSION_STATUS_COLOR[b.status]} variant="light">
                                {t(`sessionStatus.${b.status}`)}
                              </Badge>
                            </Group>
                            <Text fz="sm">{localized(b.activityTitle, locale)}</Text>
                            {b.capacity > room.capacity && (
                              <Text fz="xs" c="orange.9">
                                {t('rooms.shortfall', {
                                  count: b.capacity - room.capacity,
                                  capacity: b.capacity,
                                })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {b.interpretation.length === 0
                              ? '—'
                              : b.interpretation.map((p) => (
                                  <Text key={`${p.from}-${p.to}`} fz="sm">
                                    <bdi dir="ltr">{`${p.from} ⇄ ${p.to}`}</bdi>{' '}
                                    {t('rooms.interpreters', { count: p.interpreters })}
                                  </Text>
                                ))}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ResponsiveTable>
              )}
            </Stack>
          ))}
        </Paper>
      </Stack>
      {editing && (
        <RoomModal
          venueCode={code}
          room={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
