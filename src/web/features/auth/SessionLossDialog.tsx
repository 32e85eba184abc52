import {
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginRequest, type Me } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isApiError } from '../../lib/api.js';
import { check, problemFieldErrors } from '../../lib/validation.js';
import { type NextStep, nextStepOf } from '../second-factors/api.js';
import { EnrolStep } from '../second-factors/EnrolStep.js';
import { SecondStepForm } from '../second-factors/SecondStepForm.js';
import { meQuery, signIn, signInProvidersQuery, singleSignOnHref } from './session.js';
import { finishSessionLoss, leaveForOtherPerson, useSessionLost } from './sessionRecovery.js';

/**
 * The sign-in that a lost session opens over the page: the page and its forms stay as they are,
 * and the request that met the lost session is sent once the same person is back. A second
 * factor is asked here as on the sign-in page. Someone else signing in starts afresh at home.
 */
export function SessionLossDialog() {
  const lost = useSessionLost();
  const { t } = useTranslation();
  return (
    <Modal
      opened={lost}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('sessionLoss.title')}
      zIndex={1000}
    >
      {lost && <SignInAgain />}
    </Modal>
  );
}

function SignInAgain() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const before = queryClient.getQueryData(meQuery.queryKey) ?? null;
  const providers = useQuery(signInProvidersQuery).data ?? [];
  const [error, setError] = useState<unknown>(null);
  const [next, setNext] = useState<NextStep>(null);
  const form = useForm({
    initialValues: { email: before?.user.email ?? '', password: '' },
    validate: (values) => {
      const result = check(LoginRequest, values, t);
      return result.ok ? {} : result.errors;
    },
  });
  const here = router.state.location.href;

  function signedIn(me: Me) {
    if (before && before.user.id !== me.user.id) {
      // Another person's requests are not theirs to send, nor the page theirs to see.
      leaveForOtherPerson(queryClient);
      return;
    }
    queryClient.setQueryData(meQuery.queryKey, me);
    finishSessionLoss(true);
  }

  async function submit(values: typeof form.values) {
    setError(null);
    try {
      signedIn(await signIn(values));
    } catch (caught) {
      const step = nextStepOf(caught);
      if (step) return setNext(step);
      if (isApiError(caught) && caught.problem.errors?.length) {
        form.setErrors(problemFieldErrors(caught.problem, t, i18n.language));
      }
      setError(caught);
    }
  }

  function leave() {
    // Drafts are written as the person types, so a full page change loses nothing kept.
    window.location.assign(`/sign-in?redirect=${encodeURIComponent(here)}`);
  }

  if (next?.kind === 'second_step')
    return <SecondStepForm methods={next.methods} onSignedIn={signedIn} />;
  if (next?.kind === 'enrol') return <EnrolStep onSignedIn={signedIn} />;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <Text fz="sm">{t('sessionLoss.explain')}</Text>
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
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          data-autofocus
          visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" onClick={leave}>
            {t('sessionLoss.leave')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('sessionLoss.signIn')}
          </Button>
        </Group>
        {providers.length > 0 && (
          <>
            <Divider label={t('sso.or')} labelPosition="center" />
            {providers.map((provider) => (
              <Button
                key={provider.key}
                component="a"
                href={singleSignOnHref(provider.key, here)}
                variant="default"
                fullWidth
              >
                {t('sso.signInWith', { name: provider.displayName })}
              </Button>
            ))}
          </>
        )}
      </Stack>
    </form>
  );
}
