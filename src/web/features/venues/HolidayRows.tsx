import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_BOUNDS } from '../../lib/dates.js';
import { toLocalizedValues } from '../../lib/localizedForm.js';
import type { VenueFormValues } from './venueForm.js';

/** Public holidays are data: the venue's working-day counts skip them. */
export function HolidayRows({ form }: { form: UseFormReturnType<VenueFormValues> }) {
  const { t } = useTranslation();
  const holidays = form.getValues().holidays;

  return (
    <Fieldset legend={t('venues.holidays')}>
      <Stack gap="xs">
        {holidays.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('venues.noHolidays')}
          </Text>
        )}
        {holidays.map((_, index) => (
          // Rows have no identity of their own while being edited.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('venues.holidayDate')}
              required
              w={160}
              key={form.key(`holidays.${index}.date`)}
              {...form.getInputProps(`holidays.${index}.date`)}
            />
            <TextInput
              label={`${t('venues.holidayName')} (${t('language.en')})`}
              required
              lang="en"
              style={{ flex: 1 }}
              key={form.key(`holidays.${index}.name.en`)}
              {...form.getInputProps(`holidays.${index}.name.en`)}
            />
            <TextInput
              label={`${t('venues.holidayName')} (${t('language.fr')})`}
              lang="fr"
              style={{ flex: 1 }}
              key={form.key(`holidays.${index}.name.fr`)}
              {...form.getInputProps(`holidays.${index}.name.fr`)}
            />
            <TextInput
              label={`${t('venues.holidayName')} (${t('language.ar')})`}
              lang="ar"
              dir="rtl"
              style={{ flex: 1 }}
              key={form.key(`holidays.${index}.name.ar`)}
              {...form.getInputProps(`holidays.${index}.name.ar`)}
            />
            <ActionIcon
              variant="subtle"
              color="red.8"
              size="lg"
              aria-label={t('venues.removeHoliday')}
              onClick={() => form.removeListItem('holidays', index)}
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
            onClick={() => form.insertListItem('holidays', { date: '', name: toLocalizedValues() })}
          >
            {t('venues.addHoliday')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
