import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateUserRequest, type User } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { updateUser, userKeys } from './api.js';
import { RoleAndNationFields } from './RoleAndNationFields.js';
import { nationRule } from './userForm.js';

interface Values {
  displayName: string;
  roles: string[];
  nationCode: string | null;
  ssoOnly: boolean;
}

const toInput = (v: Values) => ({ ...v, nationCode: v.nationCode || null });
const schemaErrors = validateWith(UpdateUserRequest, toInput);

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      displayName: user.displayName,
      roles: user.roles,
      nationCode: user.nationCode,
      ssoOnly: user.ssoOnly,
    },
    validate: (values) => ({
      ...nationRule(values.roles, values.nationCode),
      ...schemaErrors(values),
    }),
  });

  const { error, submit } = useSaveForm(form, async (values: Values) => {
    await updateUser(user.id, parseWith(UpdateUserRequest, toInput, values));
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.editNamed', { name: user.displayName })}
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput label={t('users.email')} value={user.email} readOnly dir="ltr" />
          <TextInput
            label={t('users.displayName')}
            required
            {...form.getInputProps('displayName')}
          />
          <RoleAndNationFields form={form} />
          <Checkbox
            label={t('users.ssoOnly')}
            description={t('users.ssoOnlyHint')}
            {...form.getInputProps('ssoOnly', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
