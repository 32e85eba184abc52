import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CLEARANCE_LEVELS } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { clearableSelect } from '../../lib/forms.js';
import type { ActivityFormValues } from './activityForm.js';
import { PROFILE_LANGUAGES, RANK_CODES } from './labels.js';
import { languageName } from './prerequisites.js';

type Form = UseFormReturnType<ActivityFormValues>;

/** Rank range, civilians, language profiles, clearance, prior courses and free text. */
export function PrerequisitesFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ranks = RANK_CODES.map((code) => ({ value: code, label: code }));
  const languages = form.getValues().prerequisites.languages;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('catalogue.rankMin')}
          placeholder={t('catalogue.anyRank')}
          clearable
          searchable
          data={ranks}
          key={form.key('prerequisites.rankMin')}
          {...clearableSelect(form, 'prerequisites.rankMin')}
        />
        <Select
          label={t('catalogue.rankMax')}
          placeholder={t('catalogue.anyRank')}
          clearable
          searchable
          data={ranks}
          key={form.key('prerequisites.rankMax')}
          {...clearableSelect(form, 'prerequisites.rankMax')}
        />
        <Select
          label={t('catalogue.clearanceRequired')}
          data={CLEARANCE_LEVELS.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
          key={form.key('prerequisites.clearance')}
          {...form.getInputProps('prerequisites.clearance')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('catalogue.civiliansAllowed')}
        key={form.key('prerequisites.civiliansAllowed')}
        {...form.getInputProps('prerequisites.civiliansAllowed', { type: 'checkbox' })}
      />
      {languages.map((_, index) => (
        // Rows have no identity of their own; the index is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} gap="sm" align="flex-end">
          <Select
            label={t('catalogue.profileLanguage')}
            searchable
            w={200}
            data={PROFILE_LANGUAGES.map((code) => ({
              value: code,
              label: languageName(code, locale),
            }))}
            key={form.key(`prerequisites.languages.${index}.language`)}
            {...form.getInputProps(`prerequisites.languages.${index}.language`)}
          />
          <TextInput
            label={t('catalogue.profileMinimum')}
            description={t('catalogue.profileHint')}
            dir="ltr"
            w={200}
            key={form.key(`prerequisites.languages.${index}.minimum`)}
            {...form.getInputProps(`prerequisites.languages.${index}.minimum`)}
          />
          <ActionIcon
            variant="subtle"
            color="red.8"
            size="lg"
            aria-label={t('catalogue.removeLanguage')}
            onClick={() => form.removeListItem('prerequisites.languages', index)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            form.insertListItem('prerequisites.languages', { language: 'en', minimum: '2222' })
          }
          disabled={languages.length >= 5}
        >
          {t('catalogue.addLanguage')}
        </Button>
      </Group>
      <TagsInput
        label={t('catalogue.prerequisiteCourses')}
        description={t('catalogue.prerequisiteCoursesHint')}
        dir="ltr"
        key={form.key('prerequisites.courses')}
        {...form.getInputProps('prerequisites.courses')}
      />
      <Textarea
        label={t('catalogue.extra')}
        autosize
        minRows={2}
        key={form.key('prerequisites.extra')}
        {...form.getInputProps('prerequisites.extra')}
      />
    </Stack>
  );
}
