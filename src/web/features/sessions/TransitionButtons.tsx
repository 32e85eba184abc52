import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session, SessionStatus } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { sessionKeys, sessionQuery, transitionSession } from './api.js';
import { CancelSessionModal } from './CancelSessionModal.js';
import { transitionKey } from './labels.js';

/** One button per step the session may take now; cancelling asks why first. */
export function TransitionButtons({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<SessionStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (session.allowedTransitions.length === 0) return null;

  async function move(to: SessionStatus, reason?: string) {
    setBusy(to);
    setError(null);
    try {
      const updated = await transitionSession(session.code, to, reason);
      queryClient.setQueryData(sessionQuery(session.code).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      notifications.show({ color: 'teal', message: t(`sessionStatus.${updated.status}`) });
    } catch (caught) {
      setError(caught);
      throw caught;
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Group gap="xs" mb="md" role="group" aria-label={t('sessions.lifecycle')}>
        {session.allowedTransitions.map((to) => {
          const key = transitionKey(session.status, to);
          const cancel = to === 'cancelled';
          const back = key === 'backToDraft' || key === 'reopen';
          return (
            <Button
              key={to}
              size="xs"
              variant={cancel ? 'outline' : back ? 'default' : 'filled'}
              color={cancel ? 'red.8' : undefined}
              loading={busy === to}
              disabled={busy !== null && busy !== to}
              onClick={() => (cancel ? setCancelling(true) : void move(to).catch(() => undefined))}
            >
              {t(`transition.${key}`)}
            </Button>
          );
        })}
      </Group>
      <ProblemAlert error={error} />
      {cancelling && (
        <CancelSessionModal
          code={session.code}
          onCancel={(reason) => move('cancelled', reason)}
          onClose={() => setCancelling(false)}
        />
      )}
    </>
  );
}
