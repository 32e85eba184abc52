import { Button, Checkbox, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  WEBHOOK_EVENTS,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
} from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useSaveForm } from '../../lib/forms.js';
import { nationsQuery } from '../partners/api.js';
import { createWebhook, updateWebhook, webhookKeys } from './api.js';

interface Values {
  url: string;
  description: string;
  nationCode: string;
  events: string[];
  enabled: boolean;
}

const CENTRE = 'centre';

/** Registers or changes an endpoint; a new one's secret is handed to `onCreated`, shown once. */
export function WebhookModal({
  endpoint,
  onClose,
  onCreated,
}: {
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nations = useQuery(nationsQuery({}));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      url: endpoint?.url ?? '',
      description: endpoint?.description ?? '',
      nationCode: endpoint?.nationCode ?? CENTRE,
      events: endpoint?.events ?? [],
      enabled: endpoint?.enabled ?? true,
    },
  });
  const { error, submit } = useSaveForm(form, async (values: Values) => {
    const body = {
      url: values.url.trim(),
      description: values.description,
      nationCode: values.nationCode === CENTRE ? null : values.nationCode,
      events: values.events as WebhookEventType[],
      enabled: values.enabled,
    };
    if (endpoint) {
      await updateWebhook(endpoint.id, body);
      onClose();
    } else {
      onCreated(await createWebhook(body));
    }
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={endpoint ? t('webhooks.editNamed', { name: endpoint.description }) : t('webhooks.add')}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHint')}
            required
            dir="ltr"
            type="url"
            {...form.getInputProps('url')}
          />
          <TextInput
            label={t('webhooks.descriptionLabel')}
            required
            {...form.getInputProps('description')}
          />
          <Select
            label={t('webhooks.audience')}
            description={t('webhooks.audienceHint')}
            allowDeselect={false}
            searchable
            data={[
              { value: CENTRE, label: t('webhooks.centre') },
              ...(nations.data ?? []).map((n) => ({
                value: n.code,
                label: `${n.code} · ${n.name.en}`,
              })),
            ]}
            {...form.getInputProps('nationCode')}
          />
          <Checkbox.Group
            label={t('webhooks.events')}
            description={t('webhooks.eventsHint')}
            required
            {...form.getInputProps('events')}
          >
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENTS.map((event) => (
                <Checkbox
                  key={event}
                  value={event}
                  label={t(`webhooks.event.${event}`)}
                  description={<bdi dir="ltr">{event}</bdi>}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch
            label={t('webhooks.enabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
