import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ResetPasswordRequest, type User } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { resetPassword } from './api.js';

const toInput = (v: { newPassword: string }) => v;

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { newPassword: '' },
    validate: validateWith(ResetPasswordRequest, toInput),
  });

  const { error, submit } = useSaveForm(form, async (values: { newPassword: string }) => {
    await resetPassword(user.id, parseWith(ResetPasswordRequest, toInput, values));
    notifications.show({ color: 'teal', message: t('users.passwordReset') });
    onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.resetPasswordNamed', { name: user.displayName })}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <Text fz="sm">{t('users.resetPasswordHint')}</Text>
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordHint')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
