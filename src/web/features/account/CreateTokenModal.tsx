import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API_TOKEN_MAX_DAYS,
  CreateApiTokenRequest,
  type CreatedApiToken,
} from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { createToken, tokensQuery } from './api.js';

interface Values {
  name: string;
  expiresInDays: number | string;
}
const toInput = (v: Values) => ({ name: v.name, expiresInDays: Number(v.expiresInDays) });

export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', expiresInDays: API_TOKEN_MAX_DAYS },
    validate: validateWith(CreateApiTokenRequest, toInput),
  });

  const { error, submit } = useSaveForm(form, async (values: Values) => {
    setCreated(await createToken(parseWith(CreateApiTokenRequest, toInput, values)));
    await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
  });

  return (
    <Modal opened onClose={onClose} title={t('tokens.create')} size="lg">
      {created ? (
        <Stack gap="sm">
          <Alert color="orange" title={t('tokens.copyNow')}>
            {t('tokens.shownOnce')}
          </Alert>
          <Code block dir="ltr" fz="sm" style={{ wordBreak: 'break-all' }}>
            {created.token}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal.9' : undefined}
                  onClick={copy}
                >
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="sm">
            <ProblemAlert error={error} />
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <NumberInput
              label={t('tokens.expiresInDays')}
              min={1}
              max={API_TOKEN_MAX_DAYS}
              w={200}
              key={form.key('expiresInDays')}
              {...form.getInputProps('expiresInDays')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
