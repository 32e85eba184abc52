import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NATION_STATUSES } from '../../../../contract/index.js';
import { LocalizedTextFields } from '../../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { currentLocale } from '../../../i18n/index.js';
import { DATE_FIELD_BOUNDS } from '../../../lib/dates.js';
import { localized } from '../../../lib/localized.js';
import { frameworksQuery } from '../api.js';
import type { NationFormValues } from './nationForm.js';

interface NationFormProps {
  form: UseFormReturnType<NationFormValues>;
  mode: 'create' | 'edit';
  error: unknown;
  onSubmit: (values: NationFormValues) => Promise<void>;
  onCancel: () => void;
}

export function NationForm({ form, mode, error, onSubmit, onCancel }: NationFormProps) {
  const { t } = useTranslation();
  const frameworks = useQuery(frameworksQuery);
  const locale = currentLocale();

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack gap="sm" maw={900}>
        <ProblemAlert error={error} />
        <TextInput
          label={t('partners.code')}
          description={t('partners.codeHint')}
          required
          disabled={mode === 'edit'}
          dir="ltr"
          w={320}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <LocalizedTextFields form={form} path="name" label={t('partners.name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('partners.framework')}
            required
            data={(frameworks.data ?? []).map((f) => ({
              value: f.code,
              label: `${f.code} · ${localized(f.name, locale)}`,
            }))}
            key={form.key('frameworkCode')}
            {...form.getInputProps('frameworkCode')}
          />
          <Select
            label={t('partners.status')}
            required
            data={NATION_STATUSES.map((s) => ({ value: s, label: t(`nationStatus.${s}`) }))}
            key={form.key('status')}
            {...form.getInputProps('status')}
          />
          <TextInput
            type="date"
            {...DATE_FIELD_BOUNDS}
            label={t('partners.joinedOn')}
            key={form.key('joinedOn')}
            {...form.getInputProps('joinedOn')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('partners.hostLabel')}
          key={form.key('host')}
          {...form.getInputProps('host', { type: 'checkbox' })}
        />
        <Textarea
          label={t('partners.notes')}
          autosize
          minRows={3}
          key={form.key('notes')}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('partners.create') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
