import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../contract/index.js';
import { isEditable } from '../../../domain/session-lifecycle.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { sessionKeys, updateSession } from '../sessions/api.js';
import { nominationKeys } from './api.js';
import { DARK_ORANGE } from './labels.js';

/**
 * Says whether free seats go to the waitlist by themselves, and lets a registrar pause or
 * resume that. Resuming promotes at once as far as seats allow, so the board is read again.
 */
export function PromotionPause({
  code,
  paused,
  status,
}: {
  code: string;
  paused: boolean;
  status: SessionStatus | undefined;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayChange = can('sessions.manage') && status !== undefined && isEditable(status);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      await updateSession(code, { promotionPaused: !paused });
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const button = mayChange ? (
    <Button size="xs" variant="light" loading={busy} onClick={() => void toggle()}>
      {paused ? t('nominations.board.promotionResume') : t('nominations.board.promotionPause')}
    </Button>
  ) : null;

  return (
    <>
      {paused ? (
        <Alert color={DARK_ORANGE} variant="light" title={t('nominations.board.promotionPaused')}>
          <Group justify="space-between" gap="sm">
            <Text fz="sm">{t('nominations.board.promotionPausedExplain')}</Text>
            {button}
          </Group>
        </Alert>
      ) : (
        <Group justify="space-between" gap="sm">
          <Text fz="sm" c="dimmed">
            {t('nominations.board.promotionAutomatic')}
          </Text>
          {button}
        </Group>
      )}
      <ProblemAlert error={error} />
    </>
  );
}
