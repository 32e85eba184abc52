import { Button, Group, Modal, NumberInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Room, RoomInput } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { createRoom, roomKeys, updateRoom } from './api.js';

interface RoomValues {
  name: string;
  capacity: number | string;
  equipment: string[];
}

const toInput = (v: RoomValues) => ({
  name: v.name,
  capacity: v.capacity === '' ? undefined : Number(v.capacity),
  equipment: v.equipment,
});

/** Adds a room to a venue or edits one. */
export function RoomModal({
  venueCode,
  room,
  onClose,
}: {
  venueCode: string;
  room?: Room;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<RoomValues>({
    initialValues: {
      name: room?.name ?? '',
      capacity: room?.capacity ?? '',
      equipment: room?.equipment ?? [],
    },
    validate: validateWith(RoomInput, toInput),
  });
  const { error, submit } = useSaveForm(
    form,
    async (values: RoomValues) => {
      const body = parseWith(RoomInput, toInput, values);
      if (room) await updateRoom(venueCode, room.id, body);
      else await createRoom(venueCode, body);
      await queryClient.invalidateQueries({ queryKey: roomKeys.all });
      notifications.show({ color: 'teal', message: room ? t('common.saved') : t('rooms.created') });
      onClose();
    },
    { room_exists: 'name' },
  );
  return (
    <Modal opened onClose={onClose} title={room ? t('rooms.edit') : t('rooms.add')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('rooms.name')}
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t('rooms.capacity')}
            required
            min={1}
            max={5000}
            key={form.key('capacity')}
            {...form.getInputProps('capacity')}
          />
          <TagsInput
            label={t('rooms.equipment')}
            description={t('lecturers.tagsHint')}
            key={form.key('equipment')}
            {...form.getInputProps('equipment')}
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
