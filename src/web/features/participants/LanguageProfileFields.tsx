import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { PROFILE_LANGUAGES } from '../catalogue/labels.js';
import { languageName } from '../catalogue/prerequisites.js';
import type { ParticipantFormValues } from './participantForm.js';

/** One row per language the person holds: the language and its four-digit STANAG profile. */
export function LanguageProfileFields({
  form,
}: {
  form: UseFormReturnType<ParticipantFormValues>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows = form.getValues().languageProfiles;
  const options = PROFILE_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code, locale),
  }));

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('participants.profileHint')}
      </Text>
      {rows.map((_, index) => {
        const language = languageName(rows[index]?.language ?? '', locale);
        return (
          // Rows have no identity of their own; the index is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap="sm" align="flex-start">
            <Select
              label={t('participants.language')}
              searchable
              w={200}
              data={options}
              key={form.key(`languageProfiles.${index}.language`)}
              {...form.getInputProps(`languageProfiles.${index}.language`)}
            />
            <TextInput
              label={t('participants.profile')}
              dir="ltr"
              inputMode="numeric"
              maxLength={4}
              w={160}
              key={form.key(`languageProfiles.${index}.profile`)}
              {...form.getInputProps(`languageProfiles.${index}.profile`)}
            />
            <ActionIcon
              variant="subtle"
              color="red.8"
              size="lg"
              mt={25}
              aria-label={t('participants.removeLanguage', { language })}
              onClick={() => form.removeListItem('languageProfiles', index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('languageProfiles', { language: '', profile: '' })}
          disabled={rows.length >= 10}
        >
          {t('participants.addLanguage')}
        </Button>
      </Group>
    </Stack>
  );
}
