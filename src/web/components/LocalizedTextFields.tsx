import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  form: UseFormReturnType<V>;
  /** Path of the `{ en, fr, ar }` object in the form values, e.g. `name`. */
  path: string;
  label: string;
  /** Long text (descriptions, instructions): one text area per language, stacked. */
  long?: boolean;
  /** English is required unless the whole text is optional (e.g. a description). */
  required?: boolean;
}

const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'fr', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const;

/** English is required; French and Arabic are optional and typed in their own direction. */
export function LocalizedTextFields<V>({ form, path, label, long, required = true }: Props<V>) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={long ? 1 : { base: 1, sm: 3 }} spacing="sm">
      {LANGUAGES.map(({ lang, dir }) => {
        const props = {
          label: `${label} (${t(`language.${lang}`)})`,
          required: lang === 'en' && required,
          lang,
          dir,
          ...form.getInputProps(`${path}.${lang}`),
        };
        return long ? (
          <Textarea
            key={form.key(`${path}.${lang}`)}
            autosize
            minRows={3}
            maxRows={12}
            {...props}
          />
        ) : (
          <TextInput key={form.key(`${path}.${lang}`)} {...props} />
        );
      })}
    </SimpleGrid>
  );
}
