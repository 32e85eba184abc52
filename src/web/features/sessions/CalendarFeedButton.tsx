import {
  Alert,
  Button,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { calendarFeedQuery, rotateCalendarFeed, sessionKeys } from './api.js';

/** The reader's secret iCal address, to subscribe from Outlook or a phone; it can be replaced. */
export function CalendarFeedButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarShare size={16} aria-hidden />}
        onClick={open}
      >
        {t('feed.button')}
      </Button>
      {opened && <CalendarFeedModal onClose={close} />}
    </>
  );
}

function CalendarFeedModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery);
  const [confirming, setConfirming] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function rotate() {
    setRotating(true);
    setError(null);
    try {
      queryClient.setQueryData(sessionKeys.feed, await rotateCalendarFeed());
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('feed.rotated') });
    } catch (caught) {
      setError(caught);
    } finally {
      setRotating(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('feed.title')} size="lg">
      <Stack gap="sm">
        <Text fz="sm">{t('feed.explain')}</Text>
        {feed.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        <ProblemAlert error={feed.error ?? error} />
        {feed.data?.url && <FeedAddress url={feed.data.url} />}
        {feed.data && !feed.data.url && (
          <Alert color="gray" variant="light" title={t('feed.hiddenTitle')}>
            <Text fz="sm">{t('feed.hidden')}</Text>
          </Alert>
        )}
        {feed.data && (
          <Text fz="xs" c="dimmed">
            {t('feed.createdAt')} <DateText value={feed.data.createdAt} withTime />
          </Text>
        )}
        {confirming ? (
          <Alert color="orange" title={t('feed.rotateTitle')}>
            <Text fz="sm" mb="sm">
              {t('feed.rotateWarning')}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange.9" loading={rotating} onClick={() => void rotate()}>
                {t('feed.rotateConfirm')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="orange.9"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
              disabled={!feed.data}
            >
              {t('feed.rotate')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('common.done')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

/** The address is shown only when issued: the server keeps no more than its hash. */
function FeedAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('feed.url')}
          value={url}
          readOnly
          dir="ltr"
          style={{ flex: 1 }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              leftSection={
                copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
              }
              onClick={copy}
            >
              {copied ? t('feed.copied') : t('feed.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert color="orange" variant="light">
        <Text fz="sm">{t('feed.secret')}</Text>
      </Alert>
    </>
  );
}
