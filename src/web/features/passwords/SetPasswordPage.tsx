import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordResetComplete, PasswordToken } from '../../../contract/index.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isApiError } from '../../lib/api.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { completePasswordReset } from './api.js';
import { PublicPage } from './PublicPage.js';

const route = getRouteApi('/password/$token');

interface Values {
  newPassword: string;
  confirm: string;
}

const LINK_PROBLEMS = ['token_invalid', 'token_used', 'token_expired'] as const;

/** Where a reset or invitation link lands: choose a password, then sign in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const [done, setDone] = useState(false);
  const toInput = (v: Values) => ({ token, newPassword: v.newPassword });
  const form = useForm<Values>({
    initialValues: { newPassword: '', confirm: '' },
    validate: (values) => {
      const errors = validateWith(PasswordResetComplete, toInput)(values);
      if (values.confirm !== values.newPassword) errors.confirm = t('passwords.mismatch');
      return errors;
    },
  });
  const { error, submit } = useSaveForm(form, async (values: Values) => {
    await completePasswordReset(parseWith(PasswordResetComplete, toInput, values));
    setDone(true);
  });
  // A link mangled by a mail client is known to be bad before anything is typed.
  const linkProblem = PasswordToken.safeParse(token).success
    ? LINK_PROBLEMS.find((code) => isApiError(error, code))
    : 'token_invalid';

  if (done) {
    return (
      <PublicPage title={t('passwords.doneTitle')}>
        <Alert color="teal" role="status">
          {t('passwords.done')}
        </Alert>
        <ButtonLink to="/sign-in" search={{}} fullWidth>
          {t('auth.signIn')}
        </ButtonLink>
      </PublicPage>
    );
  }

  return (
    <PublicPage title={t('passwords.setTitle')} intro={t('passwords.setIntro')}>
      {linkProblem ? (
        <>
          <Alert color="orange" role="alert">
            {t(`passwords.linkProblems.${linkProblem}`)}
          </Alert>
          <AnchorLink to="/forgot-password" fz="sm">
            {t('passwords.askNewLink')}
          </AnchorLink>
        </>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="md">
            <ProblemAlert error={error} />
            <PasswordInput
              label={t('passwords.newPassword')}
              description={t('passwords.passwordHint')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
              key={form.key('newPassword')}
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('passwords.confirm')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
              key={form.key('confirm')}
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('passwords.save')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
