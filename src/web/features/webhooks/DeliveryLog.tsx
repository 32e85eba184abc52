import { Badge, Button, Code, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery, WebhookEndpoint } from '../../../contract/index.js';
import { DateTimeText } from '../../components/DateTimeText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { deliveriesQuery, resendWebhookDelivery, webhookKeys } from './api.js';

const STATUS_COLOUR = { pending: 'blue.9', delivered: 'teal.9', failed: 'red.9' } as const;

/** One endpoint's deliveries, newest first: each attempt's answer, and "send again". */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deliveries = useQuery(deliveriesQuery(endpoint.id));
  async function resend(delivery: WebhookDelivery) {
    await resendWebhookDelivery(delivery.id);
    notifications.show({ color: 'teal', message: t('webhooks.resent') });
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  }
  const rows = deliveries.data ?? [];
  return (
    <Stack gap="xs" mt="lg">
      <Title order={2} fz="h3">
        {t('webhooks.logTitle', { name: endpoint.description })}
      </Title>
      {deliveries.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={deliveries.error} />
      {deliveries.data && rows.length === 0 && <Text c="dimmed">{t('webhooks.logEmpty')}</Text>}
      {rows.length > 0 && (
        <ResponsiveTable minWidth={760}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.event.label')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.status')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.lastAttempt')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.nextAttempt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((delivery) => {
                const last = delivery.attemptLog.at(-1);
                return (
                  <Table.Tr key={delivery.id} data-testid="webhook-delivery">
                    <Table.Td>
                      <Code dir="ltr">{delivery.eventType}</Code>
                      <Text fz="xs" c="dimmed">
                        <bdi dir="ltr">{delivery.id}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={delivery.createdAt} fz="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOUR[delivery.status]}>
                        {t(`webhooks.deliveryStatus.${delivery.status}`)}
                      </Badge>
                      <Text fz="xs">{t('webhooks.attempts', { count: delivery.attempts })}</Text>
                    </Table.Td>
                    <Table.Td>
                      {last ? (
                        <>
                          <Text fz="sm">
                            {last.statusCode !== null
                              ? t('webhooks.answered', {
                                  status: last.statusCode,
                                  ms: last.durationMs,
                                })
                              : t('webhooks.noAnswer', { ms: last.durationMs })}
                          </Text>
                          {last.error && (
                            <Text fz="xs" c="red.9">
                              <bdi dir="ltr">{last.error}</bdi>
                            </Text>
                          )}
                        </>
                      ) : (
                        <Text fz="sm" c="dimmed">
                          {t('webhooks.notYet')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {delivery.nextAttemptAt && delivery.status === 'pending' ? (
                        <DateTimeText value={delivery.nextAttemptAt} fz="sm" />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => resend(delivery)}
                        aria-label={t('webhooks.resendNamed', { id: delivery.id })}
                      >
                        {t('webhooks.resend')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </Stack>
  );
}
