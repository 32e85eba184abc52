import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  LECTURER_KINDS,
  type Lecturer,
  LecturerInput,
  LecturerUpdate,
} from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { createLecturer, lecturerKeys, updateLecturer } from './api.js';
import { type LecturerFormValues, toLecturerInput, toLecturerValues } from './lecturerForm.js';

/** Adds a lecturer to the registry or edits one: names in both scripts, contact, periods away. */
export function LecturerModal({ lecturer, onClose }: { lecturer?: Lecturer; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<LecturerFormValues>({
    initialValues: toLecturerValues(lecturer),
    validate: lecturer
      ? validateWith(LecturerUpdate, toLecturerInput)
      : validateWith(LecturerInput, toLecturerInput),
  });
  const { error, submit } = useSaveForm(
    form,
    async (values: LecturerFormValues) => {
      if (lecturer) {
        await updateLecturer(lecturer.id, parseWith(LecturerUpdate, toLecturerInput, values));
      } else {
        await createLecturer(parseWith(LecturerInput, toLecturerInput, values));
      }
      await queryClient.invalidateQueries({ queryKey: lecturerKeys.all });
      notifications.show({
        color: 'teal',
        message: lecturer ? t('common.saved') : t('lecturers.created'),
      });
      onClose();
    },
    { lecturer_email_exists: 'email' },
  );
  const periods = form.getValues().unavailable;

  return (
    <Modal
      opened
      onClose={onClose}
      title={lecturer ? t('lecturers.edit') : t('lecturers.add')}
      size="xl"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('lecturers.kind')}
              required
              allowDeselect={false}
              data={LECTURER_KINDS.map((k) => ({ value: k, label: t(`lecturers.kinds.${k}`) }))}
              key={form.key('kind')}
              {...form.getInputProps('kind')}
            />
            <TextInput
              label={t('lecturers.titleField')}
              description={t('lecturers.titleHint')}
              key={form.key('title')}
              {...form.getInputProps('title')}
            />
            <TextInput
              label={t('lecturers.nameLatin')}
              required
              dir="ltr"
              key={form.key('nameLatin')}
              {...form.getInputProps('nameLatin')}
            />
            <TextInput
              label={t('lecturers.nameArabic')}
              dir="rtl"
              lang="ar"
              key={form.key('nameArabic')}
              {...form.getInputProps('nameArabic')}
            />
            <TextInput
              label={t('lecturers.institution')}
              key={form.key('institution')}
              {...form.getInputProps('institution')}
            />
            <TagsInput
              label={t('lecturers.expertise')}
              description={t('lecturers.tagsHint')}
              key={form.key('expertise')}
              {...form.getInputProps('expertise')}
            />
            <TagsInput
              label={t('lecturers.languages')}
              description={t('lecturers.languagesHint')}
              dir="ltr"
              key={form.key('languages')}
              {...form.getInputProps('languages')}
            />
            <TextInput
              label={t('lecturers.email')}
              type="email"
              dir="ltr"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('lecturers.phone')}
              type="tel"
              dir="ltr"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
          </SimpleGrid>
          <Fieldset legend={t('lecturers.unavailable')}>
            <Stack gap="xs">
              {periods.length === 0 && (
                <Text fz="sm" c="dimmed">
                  {t('lecturers.noPeriods')}
                </Text>
              )}
              {periods.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Group key={index} align="flex-end" gap="xs" wrap="wrap">
                  <TextInput
                    type="date"
                    label={t('lecturers.from')}
                    required
                    key={form.key(`unavailable.${index}.from`)}
                    {...form.getInputProps(`unavailable.${index}.from`)}
                  />
                  <TextInput
                    type="date"
                    label={t('lecturers.to')}
                    required
                    key={form.key(`unavailable.${index}.to`)}
                    {...form.getInputProps(`unavailable.${index}.to`)}
                  />
                  <TextInput
                    label={t('lecturers.periodNote')}
                    style={{ flex: 1, minInlineSize: 160 }}
                    key={form.key(`unavailable.${index}.note`)}
                    {...form.getInputProps(`unavailable.${index}.note`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('lecturers.removePeriod', { n: index + 1 })}
                    onClick={() => form.removeListItem('unavailable', index)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <div>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('unavailable', { from: '', to: '', note: '' })}
                >
                  {t('lecturers.addPeriod')}
                </Button>
              </div>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('lecturers.passport')}>
            <Stack gap="xs">
              <TextInput
                label={t('lecturers.passportName')}
                key={form.key('passportName')}
                {...form.getInputProps('passportName')}
              />
              <TextInput
                label={t('lecturers.passportNumber')}
                key={form.key('passportNumber')}
                {...form.getInputProps('passportNumber')}
              />
              <TextInput
                label={t('lecturers.nationalityCode')}
                maxLength={3}
                key={form.key('nationalityCode')}
                {...form.getInputProps('nationalityCode')}
              />
            </Stack>
          </Fieldset>
          <Textarea
            label={t('lecturers.notes')}
            autosize
            minRows={2}
            key={form.key('notes')}
            {...form.getInputProps('notes')}
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
