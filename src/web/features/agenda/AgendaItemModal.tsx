import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useSaveForm } from '../../lib/forms.js';
import { lecturerChoicesQuery } from '../lecturers/api.js';
import { roomsQuery } from '../rooms/api.js';
import { agendaKeys, createAgendaItem, updateAgendaItem } from './api.js';

interface ItemValues {
  en: string;
  fr: string;
  ar: string;
  startsAt: string;
  endsAt: string;
  speakerIds: string[];
  roomId: string | null;
}

const toBody = (v: ItemValues) => ({
  title: {
    en: v.en,
    ...(v.fr.trim() ? { fr: v.fr } : {}),
    ...(v.ar.trim() ? { ar: v.ar } : {}),
  },
  startsAt: v.startsAt,
  endsAt: v.endsAt,
  speakerIds: v.speakerIds,
  roomId: v.roomId,
});

/**
 * Adds an agenda item or edits one: titles in three languages, times on the venue's clock
 * (the browser's date-time field gives exactly the wall-clock form the API takes), speakers
 * from the registry and a room of the venue.
 */
export function AgendaItemModal({
  agenda,
  venueCode,
  item,
  onClose,
}: {
  agenda: Agenda;
  venueCode: string;
  item?: AgendaItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lecturers = useQuery(lecturerChoicesQuery);
  const rooms = useQuery(roomsQuery(venueCode));
  const firstDay = `${agenda.startDate}T09:00`;
  const form = useForm<ItemValues>({
    initialValues: {
      en: item?.title.en ?? '',
      fr: item?.title.fr ?? '',
      ar: item?.title.ar ?? '',
      startsAt: item?.localStartsAt ?? firstDay,
      endsAt: item?.localEndsAt ?? `${agenda.startDate}T10:00`,
      speakerIds: item?.speakers.map((s) => s.id) ?? [],
      roomId: item?.room?.id ?? null,
    },
    validate: {
      en: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const { error, submit } = useSaveForm(
    form,
    async (values: ItemValues) => {
      if (item) await updateAgendaItem(agenda.sessionCode, item.id, toBody(values));
      else await createAgendaItem(agenda.sessionCode, toBody(values));
      await queryClient.invalidateQueries({ queryKey: agendaKeys.session(agenda.sessionCode) });
      notifications.show({ color: 'teal', message: t('agenda.saved') });
      onClose();
    },
    {
      agenda_speaker_conflict: 'speakerIds',
      agenda_room_conflict: 'roomId',
      agenda_outside_session: 'startsAt',
      agenda_times_reversed: 'endsAt',
    },
  );
  const bounds = { min: `${agenda.startDate}T00:00`, max: `${agenda.endDate}T23:59` };
  return (
    <Modal opened onClose={onClose} title={item ? t('agenda.edit') : t('agenda.add')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('agenda.titleEn')}
            required
            key={form.key('en')}
            {...form.getInputProps('en')}
          />
          <TextInput
            label={t('agenda.titleFr')}
            key={form.key('fr')}
            {...form.getInputProps('fr')}
          />
          <TextInput
            label={t('agenda.titleAr')}
            dir="rtl"
            lang="ar"
            key={form.key('ar')}
            {...form.getInputProps('ar')}
          />
          <TextInput
            type="datetime-local"
            label={t('agenda.startsAt')}
            description={t('agenda.timesIn', { zone: agenda.timeZone })}
            required
            {...bounds}
            key={form.key('startsAt')}
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('agenda.endsAt')}
            required
            {...bounds}
            key={form.key('endsAt')}
            {...form.getInputProps('endsAt')}
          />
          <MultiSelect
            label={t('agenda.speakers')}
            searchable
            data={(lecturers.data?.items ?? []).map((l) => ({ value: l.id, label: l.nameLatin }))}
            key={form.key('speakerIds')}
            {...form.getInputProps('speakerIds')}
          />
          <Select
            label={t('agenda.room')}
            clearable
            placeholder={t('agenda.noRoom')}
            data={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            key={form.key('roomId')}
            {...form.getInputProps('roomId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agenda.cancel')}
            </Button>
            <Button type="submit">{t('agenda.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
