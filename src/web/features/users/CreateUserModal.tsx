import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateUserRequest, LOCALES } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { createUser, userKeys } from './api.js';
import { RoleAndNationFields } from './RoleAndNationFields.js';
import { nationRule } from './userForm.js';

interface Values {
  email: string;
  displayName: string;
  roles: string[];
  nationCode: string | null;
  locale: string;
  password: string;
}

const toInput = (v: Values) => ({ ...v, email: v.email.trim(), nationCode: v.nationCode || null });
const schemaErrors = validateWith(CreateUserRequest, toInput);

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      email: '',
      displayName: '',
      roles: [],
      nationCode: null,
      locale: 'en',
      password: '',
    },
    validate: (values) => ({
      ...nationRule(values.roles, values.nationCode),
      ...schemaErrors(values),
    }),
  });

  const { error, submit } = useSaveForm(
    form,
    async (values: Values) => {
      await createUser(parseWith(CreateUserRequest, toInput, values));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({ color: 'teal', message: t('users.created') });
      onClose();
    },
    { email_taken: 'email' },
  );

  return (
    <Modal opened onClose={onClose} title={t('users.add')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            dir="ltr"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('users.displayName')}
            required
            {...form.getInputProps('displayName')}
          />
          <RoleAndNationFields form={form} />
          <Select
            label={t('users.locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('account.passwordHint')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
