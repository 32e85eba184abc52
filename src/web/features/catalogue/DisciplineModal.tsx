import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Discipline, DisciplineInput, LocalizedText } from '../../../contract/index.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { fromLocalizedValues, toLocalizedValues } from '../../lib/localizedForm.js';
import { catalogueKeys, createDiscipline, updateDiscipline } from './api.js';

type Values = { code: string; name: ReturnType<typeof toLocalizedValues> };

const toInput = (v: Values) => ({
  code: v.code.trim().toUpperCase(),
  name: fromLocalizedValues(v.name),
});
const NameOnly = DisciplineInput.pick({ name: true });
const toUpdate = (v: Values) => ({ name: fromLocalizedValues(v.name) });

/** Adds a discipline, or renames one: its code is fixed once activities use it. */
export function DisciplineModal(props: { discipline?: Discipline; onClose: () => void }) {
  const { discipline, onClose } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { code: discipline?.code ?? '', name: toLocalizedValues(discipline?.name) },
    validate: discipline
      ? validateWith(NameOnly, toUpdate)
      : validateWith(DisciplineInput, toInput),
  });

  const { error, submit } = useSaveForm(
    form,
    async (values: Values) => {
      if (discipline) {
        await updateDiscipline(discipline.code, {
          name: LocalizedText.parse(toUpdate(values).name),
        });
      } else {
        await createDiscipline(parseWith(DisciplineInput, toInput, values));
      }
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.disciplines });
      notifications.show({
        color: 'teal',
        message: discipline ? t('common.saved') : t('disciplines.created'),
      });
      onClose();
    },
    { discipline_exists: 'code' },
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={discipline ? t('disciplines.edit') : t('disciplines.add')}
      size="xl"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('disciplines.code')}
            description={t('disciplines.codeHint')}
            required
            disabled={Boolean(discipline)}
            dir="ltr"
            w={220}
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <LocalizedTextFields form={form} path="name" label={t('disciplines.name')} />
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
