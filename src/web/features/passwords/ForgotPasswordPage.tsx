import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordResetRequest } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { requestPasswordReset } from './api.js';
import { PublicPage } from './PublicPage.js';

const toInput = (v: { email: string }) => ({ email: v.email.trim() });

/** Asks for a reset link. The answer is the same whether or not the e-mail has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: validateWith(PasswordResetRequest, toInput),
  });
  const { error, submit } = useSaveForm(form, async (values: { email: string }) => {
    const body = parseWith(PasswordResetRequest, toInput, values);
    await requestPasswordReset(body);
    setSentTo(body.email);
  });

  return (
    <PublicPage title={t('passwords.forgotTitle')} intro={t('passwords.forgotIntro')}>
      {sentTo ? (
        <Alert color="teal" role="status">
          {t('passwords.requestSent', { email: sentTo })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="md">
            <ProblemAlert error={error} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              dir="ltr"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('passwords.sendLink')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" search={{}} fz="sm">
        {t('passwords.backToSignIn')}
      </AnchorLink>
    </PublicPage>
  );
}
