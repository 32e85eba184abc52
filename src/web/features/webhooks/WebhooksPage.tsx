import { Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../../contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import {
  deleteWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  webhookKeys,
  webhooksQuery,
} from './api.js';
import { DeliveryLog } from './DeliveryLog.js';
import { SecretModal } from './SecretModal.js';
import { WebhookModal } from './WebhookModal.js';

/** The systems told of Rabita's events, for administrators: endpoints, secrets, deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const endpoints = useQuery(webhooksQuery);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [removing, setRemoving] = useState<WebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const rows = endpoints.data ?? [];
  const shown = rows.find((e) => e.id === logOf) ?? null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  function created(endpoint: WebhookEndpointWithSecret) {
    setEditing(null);
    setSecret(endpoint.secret);
    setLogOf(endpoint.id);
  }
  async function test(endpoint: WebhookEndpoint) {
    await sendWebhookTest(endpoint.id);
    notifications.show({ color: 'teal', message: t('webhooks.testQueued') });
    setLogOf(endpoint.id);
    await refresh();
  }
  async function rotate(endpoint: WebhookEndpoint) {
    const rotated = await rotateWebhookSecret(endpoint.id);
    setSecret(rotated.secret);
    await refresh();
  }
  async function remove(endpoint: WebhookEndpoint) {
    await deleteWebhook(endpoint.id);
    notifications.show({ color: 'teal', message: t('webhooks.removed') });
    if (logOf === endpoint.id) setLogOf(null);
    await refresh();
  }

  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      <Group justify="flex-end" mb="sm">
        <Button onClick={() => setEditing('new')}>{t('webhooks.add')}</Button>
      </Group>
      {endpoints.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={endpoints.error} />
      {endpoints.data && rows.length === 0 && <Text c="dimmed">{t('webhooks.empty')}</Text>}
      {rows.length > 0 && (
        <ResponsiveTable minWidth={760}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.descriptionLabel')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.audience')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.events')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((endpoint) => (
                <Table.Tr key={endpoint.id}>
                  <Table.Td>
                    <Text fz="sm">{endpoint.description}</Text>
                    <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      <bdi dir="ltr">{endpoint.url}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {endpoint.nationCode ? (
                      <bdi dir="ltr">{endpoint.nationCode}</bdi>
                    ) : (
                      t('webhooks.centre')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      {endpoint.events.map((e) => t(`webhooks.event.${e}`)).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {endpoint.enabled ? (
                        <Badge color="teal.9">{t('webhooks.on')}</Badge>
                      ) : (
                        <Badge color="gray.8">{t('webhooks.off')}</Badge>
                      )}
                      {endpoint.failed > 0 && (
                        <Badge color="red.9" variant="outline">
                          {t('webhooks.failedCount', { count: endpoint.failed })}
                        </Badge>
                      )}
                      {endpoint.pending > 0 && (
                        <Badge color="blue.9" variant="outline">
                          {t('webhooks.pendingCount', { count: endpoint.pending })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="compact-sm"
                        variant={logOf === endpoint.id ? 'filled' : 'default'}
                        onClick={() => setLogOf(endpoint.id)}
                        aria-label={t('webhooks.logNamed', { name: endpoint.description })}
                      >
                        {t('webhooks.log')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(endpoint)}
                        aria-label={t('webhooks.editNamed', { name: endpoint.description })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => test(endpoint)}
                        aria-label={t('webhooks.testNamed', { name: endpoint.description })}
                      >
                        {t('webhooks.test')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setRotating(endpoint)}
                        aria-label={t('webhooks.rotateNamed', { name: endpoint.description })}
                      >
                        {t('webhooks.rotate')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red.8"
                        onClick={() => setRemoving(endpoint)}
                        aria-label={t('webhooks.removeNamed', { name: endpoint.description })}
                      >
                        {t('webhooks.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {shown && <DeliveryLog endpoint={shown} />}
      {removing !== null && (
        <ConfirmDialog
          title={t('webhooks.removeNamed', { name: removing.description })}
          body={t('webhooks.confirmRemove', { name: removing.description })}
          confirmLabel={t('webhooks.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
      {rotating !== null && (
        <ConfirmDialog
          title={t('webhooks.rotateNamed', { name: rotating.description })}
          body={t('webhooks.confirmRotate')}
          confirmLabel={t('webhooks.rotate')}
          onConfirm={() => rotate(rotating)}
          onClose={() => setRotating(null)}
        />
      )}
      {editing !== null && (
        <WebhookModal
          endpoint={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={created}
        />
      )}
      {secret !== null && <SecretModal secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
