import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconLock, IconLockOpen, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanSession } from '../../../contract/plans.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { lockSession, moveSession, planKeys, removeSession } from './api.js';
import { shortRange } from './labels.js';
import { yearWeeks } from './yearWeeks.js';

interface Props {
  plan: Plan;
  session: PlanSession;
  venues: readonly { value: string; label: string }[];
  /** Whether the version may still change (it is not accepted). */
  editable: boolean;
  onClose: () => void;
}

/** Week choices "Week 12 · 20–26 Mar" for a move or an added run. */
export function weekChoices(year: number, locale: ReturnType<typeof currentLocale>, label: string) {
  return yearWeeks(year).map(({ week, start }) => {
    const end = new Date(`${start}T12:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return {
      value: String(week),
      label: `${label} ${week + 1} · ${shortRange(start, end.toISOString().slice(0, 10), locale)}`,
    };
  });
}

/**
 * One proposed session beside the year view: the programme lines it serves and the seats for
 * whom, and what the registrar may do with it (move, lock or free, remove).
 */
export function SessionPanel({ plan, session, venues, editable, onClose }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [week, setWeek] = useState<string | null>(String(session.week));
  const [venue, setVenue] = useState<string | null>(session.venueCode);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [moved, setMoved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.year(plan.year) });

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const move = async () => {
    setMoved(false);
    const ok = await act(() =>
      moveSession(plan.year, plan.version, session.id, {
        week: Number(week),
        venueCode: venue ?? undefined,
      }),
    );
    setMoved(ok);
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position={document.dir === 'rtl' ? 'left' : 'right'}
      size="md"
      title={
        <Title order={2} fz="lg" component="span">
          {session.activityCode}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <div>
          <DateRangeText start={session.startDate} end={session.endDate} fz="sm" />
          <Text fz="sm">
            {venues.find((v) => v.value === session.venueCode)?.label ?? session.venueCode} ·{' '}
            {t('plans.capacity', { count: session.capacity })}
          </Text>
          <Group gap={6} mt={4}>
            {session.locked && (
              <Badge color="grape" variant="light">
                {t('plans.locked')}
              </Badge>
            )}
            {session.existing && (
              <Badge color="gray" variant="light">
                {t('plans.inCalendar')} {session.sessionCode}
              </Badge>
            )}
          </Group>
        </div>

        <section aria-labelledby="plan-serves">
          <Title order={3} fz="md" id="plan-serves" mb={4}>
            {t('plans.serves')}
          </Title>
          {session.serves.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('plans.servesNone')}
            </Text>
          ) : (
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plans.nation')}</Table.Th>
                  <Table.Th scope="col">{t('plans.programmeLine')}</Table.Th>
                  <Table.Th scope="col">{t('plans.seats')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {session.serves.map((s) => (
                  <Table.Tr key={s.lineId}>
                    <Table.Td>{s.nationCode}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/programmes/$id" params={{ id: s.programmeId }}>
                        {t('plans.programmeOf', { nation: s.nationCode })}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{s.seats}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>

        {editable && !session.existing && (
          <section aria-labelledby="plan-move">
            <Title order={3} fz="md" id="plan-move" mb={4}>
              {t('plans.move')}
            </Title>
            <Stack gap="xs">
              <Select
                label={t('plans.startWeek')}
                data={weekChoices(plan.year, locale, t('plans.week'))}
                value={week}
                onChange={setWeek}
                searchable
                allowDeselect={false}
              />
              <Select
                label={t('plans.venue')}
                data={venues}
                value={venue}
                onChange={setVenue}
                allowDeselect={false}
              />
              <Text fz="xs" c="dimmed">
                {t('plans.moveHint')}
              </Text>
              <Group>
                <Button onClick={() => void move()} loading={busy} disabled={week === null}>
                  {t('plans.moveAction')}
                </Button>
              </Group>
              {moved && (
                <Alert color="green" role="status">
                  {t('plans.moved', {
                    dates: shortRange(session.startDate, session.endDate, locale),
                  })}
                </Alert>
              )}
            </Stack>
          </section>
        )}

        <ProblemAlert error={error} />

        {editable && !session.existing && (
          <Group>
            <Button
              variant="default"
              leftSection={
                session.locked ? (
                  <IconLockOpen size={16} aria-hidden />
                ) : (
                  <IconLock size={16} aria-hidden />
                )
              }
              onClick={() =>
                void act(() => lockSession(plan.year, plan.version, session.id, !session.locked))
              }
              loading={busy}
            >
              {session.locked ? t('plans.unlock') : t('plans.lock')}
            </Button>
            <Button
              color="red.9"
              variant="outline"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setRemoving(true)}
            >
              {t('plans.remove')}
            </Button>
          </Group>
        )}
        {!editable && (
          <List size="sm">
            <List.Item>{t('plans.acceptedReadOnly')}</List.Item>
          </List>
        )}
      </Stack>
      {removing && (
        <ConfirmDialog
          title={t('plans.removeTitle', { code: session.activityCode })}
          body={t('plans.removeBody')}
          confirmLabel={t('plans.remove')}
          danger
          onConfirm={async () => {
            await removeSession(plan.year, plan.version, session.id);
            await refresh();
            onClose();
          }}
          onClose={() => setRemoving(false)}
        />
      )}
    </Drawer>
  );
}
