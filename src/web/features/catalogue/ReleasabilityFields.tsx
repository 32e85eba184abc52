import { Checkbox, Group, MultiSelect, Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { frameworksQuery, nationsQuery } from '../partners/api.js';
import type { ActivityFormValues } from './activityForm.js';

/** Everyone, or the named frameworks and nations: a nation not covered never sees the activity. */
export function ReleasabilityFields({ form }: { form: UseFormReturnType<ActivityFormValues> }) {
  const { t } = useTranslation();
  const frameworks = useQuery(frameworksQuery);
  const nations = useQuery(nationsQuery({}));
  const locale = currentLocale();
  const all = form.getValues().releasability.all;

  return (
    <Stack gap="xs" mt="sm">
      <Radio.Group
        label={t('catalogue.releasability')}
        description={t('catalogue.releasabilityHint')}
        value={all ? 'all' : 'some'}
        onChange={(value) => form.setFieldValue('releasability.all', value === 'all')}
      >
        <Group gap="md" mt={6}>
          <Radio value="all" label={t('catalogue.releasableAll')} />
          <Radio value="some" label={t('catalogue.releasableSome')} />
        </Group>
      </Radio.Group>
      {!all && (
        <Group gap="sm" align="flex-start" grow>
          <MultiSelect
            label={t('catalogue.releasableFrameworks')}
            searchable
            data={(frameworks.data ?? []).map((f) => ({
              value: f.code,
              label: `${f.code} · ${localized(f.name, locale)}`,
            }))}
            key={form.key('releasability.frameworks')}
            {...form.getInputProps('releasability.frameworks')}
          />
          <MultiSelect
            label={t('catalogue.releasableNations')}
            searchable
            data={(nations.data ?? []).map((n) => ({
              value: n.code,
              label: `${n.code} · ${localized(n.name, locale)}`,
            }))}
            key={form.key('releasability.nations')}
            {...form.getInputProps('releasability.nations')}
          />
        </Group>
      )}
      <Checkbox
        mt="xs"
        label={t('catalogue.publicCatalogue')}
        description={t('catalogue.publicCatalogueHint')}
        key={form.key('publicCatalogue')}
        {...form.getInputProps('publicCatalogue', { type: 'checkbox' })}
      />
    </Stack>
  );
}
