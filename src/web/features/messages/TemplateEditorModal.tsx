import {
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MessageTemplate,
  type RenderedMessage,
  TemplateUpdate,
} from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { directionOf } from '../../i18n/index.js';
import { parseWith, showServerErrors, useSaveForm, validateWith } from '../../lib/forms.js';
import { messageKeys, previewTemplate, resetTemplate, saveTemplate } from './api.js';

interface Values {
  subject: string;
  body: string;
}

const toInput = (v: Values) => v;

/** Edit one e-mail in one language; preview it with sample values before saving. */
export function TemplateEditorModal({
  template,
  onClose,
}: {
  template: MessageTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<RenderedMessage | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'reset' | null>(null);
  const form = useForm<Values>({
    initialValues: { subject: template.subject, body: template.body },
    validate: validateWith(TemplateUpdate, toInput),
  });
  const dir = directionOf(template.locale);
  const { event, locale } = template;
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: messageKeys.templates });
    notifications.show({ color: 'teal', message });
    onClose();
  };

  const { error, submit } = useSaveForm(form, async (values: Values) => {
    await saveTemplate(event, locale, parseWith(TemplateUpdate, toInput, values));
    await done(t('messages.templates.saved'));
  });

  async function run(kind: 'preview' | 'reset') {
    setActionError(null);
    setBusy(kind);
    try {
      if (kind === 'preview') {
        setPreview(await previewTemplate(event, locale, form.getValues()));
      } else {
        await resetTemplate(event, locale);
        await done(t('messages.templates.resetDone'));
      }
    } catch (caught) {
      showServerErrors(form, caught);
      setActionError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('messages.templates.editNamed', {
        event: t(`messages.events.${event}`),
        language: t(`language.${locale}`),
      })}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error ?? actionError} />
          <TextInput
            label={t('messages.templates.subject')}
            required
            dir={dir}
            key={form.key('subject')}
            {...form.getInputProps('subject')}
          />
          <Textarea
            label={t('messages.templates.body')}
            required
            dir={dir}
            autosize
            minRows={8}
            maxRows={20}
            key={form.key('body')}
            {...form.getInputProps('body')}
          />
          <div>
            <Text fz="xs" c="dimmed" mb={4}>
              {t('messages.templates.variablesHint')}
            </Text>
            <Group gap={6}>
              {template.variables.map((name) => (
                <Code key={name} dir="ltr">{`{{${name}}}`}</Code>
              ))}
            </Group>
          </div>
          {preview && (
            <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
              <Title order={2} fz="sm" mb={4}>
                {t('messages.templates.previewTitle')}
              </Title>
              <Text fw={600} fz="sm" dir={dir}>
                {preview.subject}
              </Text>
              <Text fz="sm" dir={dir} style={{ whiteSpace: 'pre-wrap' }} mt={6}>
                {preview.body}
              </Text>
            </Paper>
          )}
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                variant="default"
                loading={busy === 'preview'}
                onClick={() => void run('preview')}
              >
                {t('messages.templates.preview')}
              </Button>
              {template.customized && (
                <Button
                  variant="subtle"
                  color="red"
                  loading={busy === 'reset'}
                  onClick={() => void run('reset')}
                >
                  {t('messages.templates.reset')}
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
