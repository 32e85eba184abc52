import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session, SessionStatus } from '../../../contract/index.js';
import { ConfirmDialog, type Figure } from '../../components/ConfirmDialog.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateRange } from '../../lib/dates.js';
import { sessionKeys, sessionQuery, transitionSession } from './api.js';
import { CancelSessionModal } from './CancelSessionModal.js';
import { sessionStatusLabel, transitionKey } from './labels.js';
import { useSessionReach } from './reach.js';

/** Steps the nations see at once or that end the session's life: the registrar confirms them. */
const ASKS_FIRST: ReadonlySet<string> = new Set(['announce', 'complete', 'cancel']);

/** One button per step the session may take now; announcing, completing and cancelling ask first. */
export function TransitionButtons({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<SessionStatus | null>(null);
  const [asking, setAsking] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reach = useSessionReach(session, asking !== null);

  if (session.allowedTransitions.length === 0) return null;

  async function move(to: SessionStatus, reason?: string) {
    setBusy(to);
    setError(null);
    try {
      const updated = await transitionSession(session.code, to, reason);
      queryClient.setQueryData(sessionQuery(session.code).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      notifications.show({
        color: 'teal',
        message: sessionStatusLabel(t, updated.status, updated.activityType),
      });
    } catch (caught) {
      // Asked in a dialog: the dialog shows the refusal; otherwise it goes under the buttons.
      if (!asking) setError(caught);
      throw caught;
    } finally {
      setBusy(null);
    }
  }

  const figure = (name: keyof typeof reach): Figure => ({
    label: t(`sessions.reach.${name}`),
    value: reach[name] ?? '…',
  });
  const askedKey = asking ? transitionKey(session.status, asking) : null;

  return (
    <>
      <Group gap="xs" mb="md" role="group" aria-label={t('sessions.lifecycle')}>
        {session.allowedTransitions.map((to) => {
          const key = transitionKey(session.status, to, session.activityType);
          const cancel = to === 'cancelled';
          const back = ['backToDraft', 'reopen', 'reopenInvitations'].includes(key);
          return (
            <Button
              key={to}
              size="xs"
              variant={cancel ? 'outline' : back ? 'default' : 'filled'}
              color={cancel ? 'red.8' : undefined}
              loading={busy === to}
              disabled={busy !== null && busy !== to}
              onClick={() =>
                ASKS_FIRST.has(key) ? setAsking(to) : void move(to).catch(() => undefined)
              }
            >
              {t(`transition.${key}`)}
            </Button>
          );
        })}
      </Group>
      <ProblemAlert error={error} />
      {asking === 'cancelled' && (
        <CancelSessionModal
          code={session.code}
          figures={[figure('selected'), figure('waitlisted'), figure('pending'), figure('nations')]}
          onCancel={(reason) => move('cancelled', reason)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking && askedKey === 'announce' && (
        <ConfirmDialog
          title={t('sessions.reach.announceTitle', { code: session.code })}
          figures={[
            {
              label: t('sessions.reach.window'),
              value: formatDateRange(
                session.nominationOpens,
                session.nominationCloses,
                currentLocale(),
              ).gregorian,
            },
            { label: t('sessions.reach.quotaNations'), value: session.quotas.length },
            { label: t('sessions.reach.capacity'), value: session.seats.capacity },
          ]}
          body={t('sessions.reach.announce')}
          confirmLabel={t('transition.announce')}
          onConfirm={() => move(asking)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking && askedKey === 'complete' && (
        <ConfirmDialog
          title={t('sessions.reach.completeTitle', { code: session.code })}
          figures={[figure('selected'), figure('nations')]}
          body={t('sessions.reach.complete')}
          confirmLabel={t('transition.complete')}
          danger
          onConfirm={() => move(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
