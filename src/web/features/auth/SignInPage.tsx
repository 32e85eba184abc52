import {
  Alert,
  Box,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginRequest, type Me } from '../../../contract/index.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isApiError } from '../../lib/api.js';
import { check, problemFieldErrors } from '../../lib/validation.js';
import { type NextStep, nextStepOf } from '../second-factors/api.js';
import { EnrolStep } from '../second-factors/EnrolStep.js';
import { SecondStepForm } from '../second-factors/SecondStepForm.js';
import { meQuery, signIn, signInProvidersQuery, singleSignOnHref } from './session.js';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { redirect, sso } = useSearch({ from: '/sign-in' });
  // No buttons rather than no page when the list cannot be read.
  const providers = useQuery(signInProvidersQuery).data ?? [];
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => {
      const result = check(LoginRequest, values, t);
      return result.ok ? {} : result.errors;
    },
  });

  const [next, setNext] = useState<NextStep>(null);

  function signedIn(me: Me) {
    queryClient.setQueryData(meQuery.queryKey, me);
    router.history.push(redirect ?? '/');
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

  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" h={52}>
        <Text fw={700} fz="lg" c="indigo.8">
          Rabita
        </Text>
        <LanguageSwitch />
      </Group>
      <Box component="main" px="md" pt={48}>
        <Paper withBorder shadow="xs" p="xl" maw={400} mx="auto">
          {next?.kind === 'second_step' && (
            <SecondStepForm methods={next.methods} onSignedIn={signedIn} />
          )}
          {next?.kind === 'enrol' && <EnrolStep onSignedIn={signedIn} />}
          <form onSubmit={form.onSubmit(submit)} noValidate hidden={next !== null}>
            <Stack gap="md">
              <div>
                <Title order={1} fz={22}>
                  {t('auth.signInTitle')}
                </Title>
                <Text c="dimmed" fz="sm" mt={4}>
                  {t('auth.signInIntro')}
                </Text>
              </div>
              {sso ? (
                <Alert color="red" title={t('sso.refusedTitle')}>
                  {t(`sso.refused.${sso}`)}
                </Alert>
              ) : null}
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
                visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={form.submitting} fullWidth>
                {t('auth.signIn')}
              </Button>
              <AnchorLink to="/forgot-password" fz="sm" ta="center">
                {t('passwords.forgotLink')}
              </AnchorLink>
              {providers.length > 0 ? (
                <>
                  <Divider label={t('sso.or')} labelPosition="center" />
                  {providers.map((provider) => (
                    <Button
                      key={provider.key}
                      component="a"
                      href={singleSignOnHref(provider.key, redirect)}
                      variant="default"
                      fullWidth
                    >
                      {t('sso.signInWith', { name: provider.displayName })}
                    </Button>
                  ))}
                </>
              ) : null}
            </Stack>
          </form>
        </Paper>
      </Box>
    </Box>
  );
}
