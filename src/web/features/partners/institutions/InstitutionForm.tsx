import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LocalizedTextFields } from '../../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { DATE_FIELD_BOUNDS } from '../../../lib/dates.js';
import type { InstitutionFormValues } from './institutionForm.js';

interface Props {
  form: UseFormReturnType<InstitutionFormValues>;
  mode: 'create' | 'edit';
  error: unknown;
  onSubmit: (values: InstitutionFormValues) => Promise<void>;
  onCancel: () => void;
}

export function InstitutionForm({ form, mode, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack gap="sm" maw={900}>
        <ProblemAlert error={error} />
        <TextInput
          label={t('institutions.code')}
          description={t('institutions.codeHint')}
          required
          disabled={mode === 'edit'}
          dir="ltr"
          w={320}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <LocalizedTextFields form={form} path="name" label={t('institutions.name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('institutions.city')}
            key={form.key('city')}
            {...form.getInputProps('city')}
          />
          <TextInput
            label={t('institutions.country')}
            description={t('institutions.countryHint')}
            required
            dir="ltr"
            key={form.key('countryCode')}
            {...form.getInputProps('countryCode')}
          />
          <TextInput
            type="date"
            {...DATE_FIELD_BOUNDS}
            label={t('institutions.openedOn')}
            key={form.key('openedOn')}
            {...form.getInputProps('openedOn')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('institutions.hostLabel')}
          key={form.key('host')}
          {...form.getInputProps('host', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('institutions.create') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
