import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffTravelInput } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useSaveForm } from '../../lib/forms.js';
import { blankToNull } from '../../lib/validation.js';
import { isoToVenueTime, venueTimeToIso } from '../logistics/logisticsForm.js';

interface TravelValues {
  arrivalAt: string;
  arrivalFlight: string;
  departureAt: string;
  departureFlight: string;
  hotel: string;
}

/** The travel a lecturer's assignment or a team member's record holds. */
export interface TravelRecord {
  arrivalAt: string | null;
  arrivalFlight: string | null;
  departureAt: string | null;
  departureFlight: string | null;
  hotel: string | null;
}

/**
 * A traveller's arrival, departure and hotel for one session, on the venue's clock: a lecturer
 * flying in, or a mobile team's director or instructor flying out to the host nation.
 */
export function TravelModal({
  timeZone: zone,
  title,
  travel,
  onSave,
  onClose,
}: {
  timeZone: string;
  title: string;
  travel: TravelRecord;
  /** Saves the travel; the modal closes once it is saved. */
  onSave: (input: Required<StaffTravelInput>) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<TravelValues>({
    initialValues: {
      arrivalAt: isoToVenueTime(travel.arrivalAt, zone),
      arrivalFlight: travel.arrivalFlight ?? '',
      departureAt: isoToVenueTime(travel.departureAt, zone),
      departureFlight: travel.departureFlight ?? '',
      hotel: travel.hotel ?? '',
    },
  });
  const instant = (local: string) =>
    local.trim() === '' ? null : (venueTimeToIso(local, zone) ?? local);
  const { error, submit } = useSaveForm(form, async (v: TravelValues) => {
    await onSave({
      arrivalAt: instant(v.arrivalAt),
      arrivalFlight: blankToNull(v.arrivalFlight),
      departureAt: instant(v.departureAt),
      departureFlight: blankToNull(v.departureFlight),
      hotel: blankToNull(v.hotel),
    });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <Text fz="sm" c="dimmed">
            {t('lecturers.venueClock', { zone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('lecturers.arrivalAt')}
              key={form.key('arrivalAt')}
              {...form.getInputProps('arrivalAt')}
            />
            <TextInput
              label={t('lecturers.arrivalFlight')}
              dir="ltr"
              key={form.key('arrivalFlight')}
              {...form.getInputProps('arrivalFlight')}
            />
            <TextInput
              type="datetime-local"
              label={t('lecturers.departureAt')}
              key={form.key('departureAt')}
              {...form.getInputProps('departureAt')}
            />
            <TextInput
              label={t('lecturers.departureFlight')}
              dir="ltr"
              key={form.key('departureFlight')}
              {...form.getInputProps('departureFlight')}
            />
          </SimpleGrid>
          <TextInput
            label={t('lecturers.hotel')}
            key={form.key('hotel')}
            {...form.getInputProps('hotel')}
          />
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
