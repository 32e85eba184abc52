import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FrameworkInput } from '../../../../contract/index.js';
import { LocalizedTextFields } from '../../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { DATE_FIELD_BOUNDS } from '../../../lib/dates.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { fromLocalizedValues, toLocalizedValues } from '../../../lib/localizedForm.js';
import { blankToNull } from '../../../lib/validation.js';
import { createFramework, partnerKeys } from '../api.js';

const initialValues = { code: '', name: toLocalizedValues(), launchedOn: '' };
type Values = typeof initialValues;

const toInput = (v: Values) => ({
  code: v.code.trim().toUpperCase(),
  name: fromLocalizedValues(v.name),
  launchedOn: blankToNull(v.launchedOn),
});

export function FrameworkModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues, validate: validateWith(FrameworkInput, toInput) });

  const { error, submit } = useSaveForm(
    form,
    async (values: Values) => {
      await createFramework(parseWith(FrameworkInput, toInput, values));
      await queryClient.invalidateQueries({ queryKey: partnerKeys.frameworks });
      notifications.show({ color: 'teal', message: t('frameworks.created') });
      onClose();
    },
    { framework_exists: 'code' },
  );

  return (
    <Modal opened onClose={onClose} title={t('frameworks.add')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('frameworks.code')}
            description={t('frameworks.codeHint')}
            required
            dir="ltr"
            w={200}
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <LocalizedTextFields form={form} path="name" label={t('frameworks.name')} />
          <TextInput
            type="date"
            {...DATE_FIELD_BOUNDS}
            label={t('frameworks.launchedOn')}
            w={200}
            key={form.key('launchedOn')}
            {...form.getInputProps('launchedOn')}
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
