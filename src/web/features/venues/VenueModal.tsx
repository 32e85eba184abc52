import {
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { VENUE_KINDS, type Venue, VenueInput, VenueUpdate } from '../../../contract/index.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { firstWeekdayFor } from '../sessions/calendar-grid.js';
import { createVenue, updateVenue, venueKeys } from './api.js';
import { HolidayRows } from './HolidayRows.js';
import { toVenueInput, toVenueUpdate, toVenueValues, type VenueFormValues } from './venueForm.js';
import { timeZoneOptions, weekdayNames, weekOrder } from './weekdays.js';

export function VenueModal({ venue, onClose }: { venue?: Venue; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<VenueFormValues>({
    initialValues: toVenueValues(venue),
    validate: venue
      ? validateWith(VenueUpdate, toVenueUpdate)
      : validateWith(VenueInput, toVenueInput),
  });
  const locale = currentLocale();
  const names = weekdayNames(locale);
  const zones = useMemo(() => timeZoneOptions(locale), [locale]);

  const { error, submit } = useSaveForm(
    form,
    async (values: VenueFormValues) => {
      if (venue) await updateVenue(venue.code, parseWith(VenueUpdate, toVenueUpdate, values));
      else await createVenue(parseWith(VenueInput, toVenueInput, values));
      await queryClient.invalidateQueries({ queryKey: venueKeys.all });
      notifications.show({
        color: 'teal',
        message: venue ? t('common.saved') : t('venues.created'),
      });
      onClose();
    },
    { venue_exists: 'code' },
  );

  return (
    <Modal opened onClose={onClose} title={venue ? t('venues.edit') : t('venues.add')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('venues.code')}
              description={t('venues.codeHint')}
              required
              disabled={Boolean(venue)}
              dir="ltr"
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
            <Select
              label={t('venues.kind')}
              required
              data={VENUE_KINDS.map((k) => ({ value: k, label: t(`venueKind.${k}`) }))}
              key={form.key('kind')}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          <LocalizedTextFields form={form} path="name" label={t('venues.name')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('venues.city')}
              key={form.key('city')}
              {...form.getInputProps('city')}
            />
            <TextInput
              label={t('venues.country')}
              description={t('institutions.countryHint')}
              dir="ltr"
              key={form.key('countryCode')}
              {...form.getInputProps('countryCode')}
            />
            <Select
              label={t('venues.timeZone')}
              description={t('venues.timeZoneHint')}
              required
              searchable
              limit={50}
              data={zones}
              key={form.key('timeZone')}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('venues.workingDays')}
            description={t('venues.workingDaysHint')}
            required
            key={form.key('workingDays')}
            {...form.getInputProps('workingDays')}
          >
            <Group gap="md" mt={6}>
              {weekOrder(firstWeekdayFor(locale)).map((day) => (
                <Checkbox key={day} value={String(day)} label={names[day]} />
              ))}
            </Group>
          </Checkbox.Group>
          <HolidayRows form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
