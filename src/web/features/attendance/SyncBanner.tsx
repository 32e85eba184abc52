import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.js';
import { DARK_ORANGE } from '../nominations/labels.js';
import { attendanceError } from './labels.js';
import type { useMarkQueue } from './useMarkQueue.js';

/** How many marks wait on this device, why, and what can be done about it. */
export function SyncBanner({ queue }: { queue: ReturnType<typeof useMarkQueue> }) {
  const { t } = useTranslation();
  const unsent = queue.state.pending.length;
  const conflicts = queue.state.conflicts.length;
  // A refusal the server will repeat (not a lost connection) needs the user, not a retry.
  const refused =
    isApiError(queue.failure) && queue.failure.status > 0 && queue.failure.status < 500;
  return (
    <div role="status" aria-live="polite">
      {unsent > 0 ? (
        <Alert
          color={DARK_ORANGE}
          variant="light"
          mb="md"
          icon={<IconCloudOff size={18} aria-hidden />}
          title={t('attendance.unsentCount', { count: unsent })}
        >
          <Text fz="sm">
            {!queue.online
              ? t('attendance.offlineText')
              : queue.sending
                ? t('attendance.sending')
                : queue.failure
                  ? attendanceError(queue.failure)
                  : t('attendance.willSend')}
          </Text>
          <Group gap="xs" mt="xs">
            <Button
              size="sm"
              variant="default"
              disabled={!queue.online || queue.sending}
              onClick={queue.sendNow}
            >
              {t('attendance.sendNow')}
            </Button>
            {refused && (
              <Button size="sm" variant="subtle" color="red.9" onClick={queue.discardPending}>
                {t('attendance.discardUnsent')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : (
        <Group gap="xs" mb="md">
          <Badge
            color="teal.9"
            variant="outline"
            size="lg"
            leftSection={<IconCloudCheck size={14} aria-hidden />}
          >
            {t('attendance.allSent')}
          </Badge>
          {!queue.online && (
            <Badge color={DARK_ORANGE} variant="outline" size="lg">
              {t('attendance.offline')}
            </Badge>
          )}
        </Group>
      )}
      {conflicts > 0 && (
        <Alert color={DARK_ORANGE} variant="outline" mb="md">
          {t('attendance.conflictCount', { count: conflicts })}
        </Alert>
      )}
    </div>
  );
}
