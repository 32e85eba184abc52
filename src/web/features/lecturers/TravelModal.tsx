import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Assignment, Session } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useSaveForm } from '../../lib/forms.js';
import { blankToNull } from '../../lib/validation.js';
import { isoToVenueTime, venueTimeToIso } from '../logistics/logisticsForm.js';
import { lecturerKeys, updateAssignment } from './api.js';

interface TravelValues {
  arrivalAt: string;
  arrivalFlight: string;
  departureAt: string;
  departureFlight: string;
  hotel: string;
}

/** A lecturer's arrival, departure and hotel for one session, on the venue's clock. */
export function TravelModal({
  session,
  assignment,
  onClose,
}: {
  session: Session;
  assignment: Assignment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zone = session.timeZone;
  const form = useForm<TravelValues>({
    initialValues: {
      arrivalAt: isoToVenueTime(assignment.arrivalAt, zone),
      arrivalFlight: assignment.arrivalFlight ?? '',
      departureAt: isoToVenueTime(assignment.departureAt, zone),
      departureFlight: assignment.departureFlight ?? '',
      hotel: assignment.hotel ?? '',
    },
  });
  const instant = (local: string) =>
    local.trim() === '' ? null : (venueTimeToIso(local, zone) ?? local);
  const { error, submit } = useSaveForm(form, async (v: TravelValues) => {
    await updateAssignment(session.code, assignment.id, {
      arrivalAt: instant(v.arrivalAt),
      arrivalFlight: blankToNull(v.arrivalFlight),
      departureAt: instant(v.departureAt),
      departureFlight: blankToNull(v.departureFlight),
      hotel: blankToNull(v.hotel),
    });
    await queryClient.invalidateQueries({ queryKey: lecturerKeys.all });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('lecturers.travelOf', { name: assignment.lecturer.nameLatin })}
      size="lg"
    >
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
