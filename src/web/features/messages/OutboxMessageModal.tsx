import {
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPaperclip, IconRefresh, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { messageKeys, outboxMessageQuery, resendOutboxMessage, retryOutboxMessage } from './api.js';
import { STATUS_COLORS } from './status.js';

/** How the server shows a one-time link's secret to anyone but its recipient. */
const LINK_MASK = '••••••';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={180} fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * One queued e-mail as it will be (or was) sent, one-time links masked, with a retry for those
 * not yet sent and a resend (with new links) for those sent.
 */
export function OutboxMessageModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useQuery(outboxMessageQuery(id));
  const retry = useMutation({
    mutationFn: () => retryOutboxMessage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.outbox }),
  });
  const resend = useMutation({
    mutationFn: () => resendOutboxMessage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.outbox }),
  });
  const m = message.data;
  const hasHiddenLink = m !== undefined && `${m.subject}\n${m.body}`.includes(LINK_MASK);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('messages.outbox.messageTitle', { id })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {message.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={message.error ?? retry.error ?? resend.error} />
      {m && (
        <Stack gap="sm">
          <Table withTableBorder>
            <Table.Tbody>
              <Fact label={t('messages.outbox.to')}>
                <bdi dir="ltr">{m.to}</bdi>
              </Fact>
              <Fact label={t('messages.outbox.event')}>
                <bdi dir="ltr">{m.event}</bdi> · {m.locale}
              </Fact>
              <Fact label={t('messages.outbox.status')}>
                <Badge color={STATUS_COLORS[m.status]}>{t(`messages.status.${m.status}`)}</Badge>
              </Fact>
              <Fact label={t('messages.outbox.queuedAt')}>
                <DateText value={m.createdAt} withTime fz="sm" />
              </Fact>
              <Fact
                label={m.sentAt ? t('messages.outbox.sentAt') : t('messages.outbox.nextAttempt')}
              >
                <DateText value={m.sentAt ?? m.nextAttemptAt} withTime fz="sm" />
              </Fact>
              <Fact label={t('messages.outbox.attempts')}>{m.attempts}</Fact>
              {m.lastError && (
                <Fact label={t('messages.outbox.lastError')}>
                  <Code dir="ltr">{m.lastError}</Code>
                </Fact>
              )}
            </Table.Tbody>
          </Table>
          <Paper withBorder p="sm" bg="gray.0">
            <Text fw={600} fz="sm" dir="auto">
              {m.subject}
            </Text>
            <Text fz="sm" dir="auto" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
          {hasHiddenLink && (
            <Text fz="sm" c="dimmed">
              {t('messages.outbox.linkHidden')}
            </Text>
          )}
          {resend.isSuccess && (
            <Text fz="sm" role="status">
              {t('messages.outbox.resent', { id: resend.data.id })}
            </Text>
          )}
          {m.attachments.length > 0 && (
            <Stack gap={4}>
              <Text fz="sm" fw={600}>
                {t('messages.outbox.attachments')}
              </Text>
              {m.attachments.map((a) => (
                <Group key={a.filename} gap={6}>
                  <IconPaperclip size={14} aria-hidden />
                  <Text fz="sm" dir="ltr">
                    {a.filename}
                  </Text>
                  <Text fz="xs" c="dimmed" dir="ltr">
                    {a.contentType}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          <Group justify="flex-end">
            {m.status !== 'sent' && (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={retry.isPending}
                onClick={() => retry.mutate()}
              >
                {t('messages.outbox.retryNow')}
              </Button>
            )}
            {m.status === 'sent' && (
              <Button
                leftSection={<IconSend size={16} aria-hidden />}
                loading={resend.isPending}
                disabled={resend.isSuccess}
                onClick={() => resend.mutate()}
              >
                {hasHiddenLink ? t('messages.outbox.resendNewLink') : t('messages.outbox.resend')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
