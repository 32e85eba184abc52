import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_BOUNDS } from '../../lib/dates.js';

const route = getRouteApi('/app/audit');

const clean = (value: string) => value.trim() || undefined;

/** Applied on submit rather than per keystroke: each change is a new audit query. */
export function AuditFilters() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/audit' });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      entityType: search.entityType ?? '',
      action: search.action ?? '',
      from: search.from ?? '',
      to: search.to ?? '',
    },
  });

  return (
    <form
      aria-label={t('audit.filters')}
      onSubmit={form.onSubmit((v) =>
        navigate({
          search: {
            entityType: clean(v.entityType),
            action: clean(v.action),
            from: clean(v.from),
            to: clean(v.to),
          },
        }),
      )}
    >
      <Group gap="sm" align="flex-end" mb="sm">
        <TextInput
          label={t('audit.entityType')}
          placeholder={t('audit.entityTypePlaceholder')}
          dir="ltr"
          w={180}
          {...form.getInputProps('entityType')}
        />
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          dir="ltr"
          w={200}
          {...form.getInputProps('action')}
        />
        <TextInput
          type="date"
          {...DATE_FIELD_BOUNDS}
          label={t('audit.from')}
          w={160}
          {...form.getInputProps('from')}
        />
        <TextInput
          type="date"
          {...DATE_FIELD_BOUNDS}
          label={t('audit.to')}
          w={160}
          {...form.getInputProps('to')}
        />
        <Button type="submit">{t('common.applyFilters')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            form.reset();
            form.setValues({ entityType: '', action: '', from: '', to: '' });
            void navigate({ search: {} });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </Group>
    </form>
  );
}
