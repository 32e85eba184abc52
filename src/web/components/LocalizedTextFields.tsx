import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  form: UseFormReturnType<V>;
  /** Path of the `{ en, fr, ar }` object in the form values, e.g. `name`. */
  path: string;
  label: string;
}

/** English is required; French and Arabic are optional and typed in their own direction. */
export function LocalizedTextFields<V>({ form, path, label }: Props<V>) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        label={`${label} (${t('language.en')})`}
        required
        lang="en"
        dir="ltr"
        key={form.key(`${path}.en`)}
        {...form.getInputProps(`${path}.en`)}
      />
      <TextInput
        label={`${label} (${t('language.fr')})`}
        lang="fr"
        dir="ltr"
        key={form.key(`${path}.fr`)}
        {...form.getInputProps(`${path}.fr`)}
      />
      <TextInput
        label={`${label} (${t('language.ar')})`}
        lang="ar"
        dir="rtl"
        key={form.key(`${path}.ar`)}
        {...form.getInputProps(`${path}.ar`)}
      />
    </SimpleGrid>
  );
}
