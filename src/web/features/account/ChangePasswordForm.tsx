import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordRequest } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { changePassword } from './api.js';

interface Values {
  currentPassword: string;
  newPassword: string;
}
const toInput = (v: Values) => v;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: validateWith(ChangePasswordRequest, toInput),
  });
  const toggle = { 'aria-label': t('auth.togglePassword') };

  const { error, submit } = useSaveForm(
    form,
    async (values: Values) => {
      await changePassword(parseWith(ChangePasswordRequest, toInput, values));
      form.reset();
      notifications.show({ color: 'teal', message: t('account.passwordChanged') });
    },
    { wrong_password: 'currentPassword' },
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="lg" mb="sm" id="password-heading">
        {t('account.changePassword')}
      </Title>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm" maw={420}>
          <ProblemAlert error={error} />
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={toggle}
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggle}
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
