import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomConflict, Session } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatDateRange } from '../../lib/dates.js';
import { useCan } from '../auth/session.js';
import {
  bookRoom,
  releaseRoom,
  roomKeys,
  roomsQuery,
  sessionRoomQuery,
  setInterpretation,
} from './api.js';

const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The sessions a `room_conflict` names, which the registrar may confirm to share the room; null
 * for any other error, and for a room another session's agenda item holds at a set hour: that
 * cannot be shared, and the problem's own message says so.
 */
function roomConflictsOf(error: unknown): RoomConflict[] | null {
  if (!isApiError(error) || error.code !== 'room_conflict') return null;
  const body = error.body as { conflicts?: RoomConflict[]; agendaItems?: unknown[] } | undefined;
  if (Array.isArray(body?.agendaItems) && body.agendaItems.length > 0) return null;
  return Array.isArray(body?.conflicts) ? body.conflicts : [];
}

function RoomConflicts({ conflicts }: { conflicts: RoomConflict[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <List size="sm">
      {conflicts.map((c) => (
        <List.Item key={c.sessionCode}>
          {t('rooms.conflict.item', {
            session: isolate(c.sessionCode),
            dates: formatDateRange(c.startDate, c.endDate, locale).gregorian,
          })}
        </List.Item>
      ))}
    </List>
  );
}

interface PairRow {
  from: string;
  to: string;
  interpreters: number | string;
}

/**
 * The session page's room and simultaneous interpretation: the room booked (with a warning when
 * it seats fewer than the session, or another session holds it those days) and the pairs.
 */
export function SessionRoomSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const booking = useQuery(sessionRoomQuery(session.code));
  const editable = session.status !== 'completed' && session.status !== 'cancelled';
  const manage = can('sessions.manage') && editable;
  const rooms = useQuery({ ...roomsQuery(session.venueCode), enabled: manage });
  const [roomId, setRoomId] = useState<string | null>(null);
  const [pending, setPending] = useState<RoomConflict[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pairs, setPairs] = useState<PairRow[]>([]);

  useEffect(() => {
    if (booking.data) {
      setRoomId(booking.data.room?.id ?? null);
      setPairs(booking.data.interpretation.map((p) => ({ ...p })));
    }
  }, [booking.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: roomKeys.all });

  async function act(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setPending(null);
      await refresh();
      notifications.show({ color: 'teal', message });
    } catch (caught) {
      const conflicts = roomConflictsOf(caught);
      if (conflicts) setPending(conflicts);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const book = (confirmRoomConflict: boolean) =>
    roomId && act(() => bookRoom(session.code, { roomId, confirmRoomConflict }), t('rooms.booked'));

  const data = booking.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-room">
      <Title order={2} fz="lg" mb="xs" id="session-room">
        {t('rooms.sessionTitle')}
      </Title>
      {booking.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={booking.error ?? error} />
      {data && (
        <Stack gap="sm">
          <Text fz="sm">
            {data.room
              ? t('rooms.bookedRoom', {
                  room: data.room.name,
                  capacity: data.room.capacity,
                })
              : t('rooms.noRoom')}{' '}
            {can('rooms.read') && (
              <AnchorLink to="/venues/$code" params={{ code: session.venueCode }} fz="sm">
                {t('rooms.venueCalendar')}
              </AnchorLink>
            )}
          </Text>
          {data.shortfall > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('rooms.shortfall', {
                count: data.shortfall,
                capacity: data.sessionCapacity,
              })}
            </Alert>
          )}
          {data.conflicts.length > 0 && (
            <Alert
              color="yellow"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('rooms.conflict.shared')}
            >
              <RoomConflicts conflicts={data.conflicts} />
            </Alert>
          )}
          {manage && (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('rooms.room')}
                placeholder={t('rooms.pickPlaceholder')}
                nothingFoundMessage={t('rooms.noRooms')}
                data={(rooms.data ?? []).map((r) => ({
                  value: r.id,
                  label: t('rooms.option', { name: r.name, capacity: r.capacity }),
                }))}
                value={roomId}
                onChange={(value) => {
                  setRoomId(value);
                  setPending(null);
                }}
                w={300}
              />
              <Button
                onClick={() => void book(false)}
                disabled={!roomId || roomId === data.room?.id}
                loading={busy && !pending}
              >
                {t('rooms.book')}
              </Button>
              {data.room && (
                <Button
                  variant="default"
                  onClick={() => void act(() => releaseRoom(session.code), t('rooms.released'))}
                >
                  {t('rooms.release')}
                </Button>
              )}
            </Group>
          )}
          {manage && rooms.data?.length === 0 && (
            <Text fz="sm" c="dimmed">
              {t('rooms.addRoomsFirst')}
            </Text>
          )}
          {pending && (
            <Alert
              color="yellow"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('rooms.conflict.title')}
            >
              <Stack gap="xs">
                <RoomConflicts conflicts={pending} />
                <Text size="sm">{t('rooms.conflict.explain')}</Text>
                <Group gap="sm">
                  <Button loading={busy} onClick={() => void book(true)}>
                    {t('rooms.conflict.confirm')}
                  </Button>
                  <Button variant="default" onClick={() => setPending(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Title order={3} fz="md" mt="xs">
            {t('rooms.interpretation')}
          </Title>
          {!manage &&
            (data.interpretation.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('rooms.noInterpretation')}
              </Text>
            ) : (
              <List size="sm">
                {data.interpretation.map((p) => (
                  <List.Item key={`${p.from}-${p.to}`}>
                    <bdi dir="ltr">{`${p.from} ⇄ ${p.to}`}</bdi>{' '}
                    {t('rooms.interpreters', { count: p.interpreters })}
                  </List.Item>
                ))}
              </List>
            ))}
          {manage && (
            <Stack gap="xs">
              {pairs.length === 0 && (
                <Text fz="sm" c="dimmed">
                  {t('rooms.noInterpretation')}
                </Text>
              )}
              {pairs.map((pair, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Group key={index} align="flex-end" gap="xs" wrap="wrap">
                  <TextInput
                    label={t('rooms.languageA', { n: index + 1 })}
                    dir="ltr"
                    w={150}
                    value={pair.from}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setPairs((rows) =>
                        rows.map((r, i) => (i === index ? { ...r, from: value } : r)),
                      );
                    }}
                  />
                  <TextInput
                    label={t('rooms.languageB', { n: index + 1 })}
                    dir="ltr"
                    w={150}
                    value={pair.to}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setPairs((rows) =>
                        rows.map((r, i) => (i === index ? { ...r, to: value } : r)),
                      );
                    }}
                  />
                  <NumberInput
                    label={t('rooms.interpretersLabel', { n: index + 1 })}
                    min={1}
                    max={20}
                    w={140}
                    value={pair.interpreters}
                    onChange={(value) =>
                      setPairs((rows) =>
                        rows.map((r, i) => (i === index ? { ...r, interpreters: value } : r)),
                      )
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('rooms.removePair', { n: index + 1 })}
                    onClick={() => setPairs((rows) => rows.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group gap="sm">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    setPairs((rows) => [...rows, { from: 'en', to: 'ar', interpreters: 2 }])
                  }
                >
                  {t('rooms.addPair')}
                </Button>
                <Button
                  size="xs"
                  onClick={() =>
                    void act(
                      () =>
                        setInterpretation(session.code, {
                          pairs: pairs.map((p) => ({
                            from: p.from.trim().toLowerCase(),
                            to: p.to.trim().toLowerCase(),
                            interpreters: Number(p.interpreters),
                          })),
                        }),
                      t('common.saved'),
                    )
                  }
                >
                  {t('rooms.saveInterpretation')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
