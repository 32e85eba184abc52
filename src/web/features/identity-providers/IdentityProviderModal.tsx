import { Button, Checkbox, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useSaveForm } from '../../lib/forms.js';
import { createIdentityProvider, identityProviderKeys, updateIdentityProvider } from './api.js';

interface Values {
  key: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  email: string;
  emailVerified: string;
  name: string;
  proposal: string;
  enabled: boolean;
}

function initialValues(provider: IdentityProvider | null): Values {
  return {
    key: provider?.key ?? '',
    displayName: provider?.displayName ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    scopes: (provider?.scopes ?? ['openid', 'email', 'profile']).join(' '),
    email: provider?.claimMapping.email ?? 'email',
    emailVerified: provider?.claimMapping.emailVerified ?? 'email_verified',
    name: provider?.claimMapping.name ?? 'name',
    proposal: provider?.claimMapping.proposal ?? '',
    enabled: provider?.enabled ?? true,
  };
}

/** Sets up or changes an identity provider; the stored secret is never shown, only replaced. */
export function IdentityProviderModal({
  provider,
  onClose,
}: {
  provider: IdentityProvider | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: 'controlled', initialValues: initialValues(provider) });

  const { error, submit } = useSaveForm(
    form,
    async (values: Values) => {
      const common = {
        displayName: values.displayName,
        issuer: values.issuer.trim(),
        clientId: values.clientId,
        scopes: values.scopes.split(/\s+/).filter(Boolean),
        claimMapping: {
          email: values.email.trim(),
          emailVerified: values.emailVerified.trim(),
          name: values.name.trim(),
          proposal: values.proposal.trim() || null,
        },
        enabled: values.enabled,
      };
      if (provider) {
        await updateIdentityProvider(provider.id, {
          ...common,
          // Empty: the stored secret stays.
          ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        });
      } else {
        await createIdentityProvider({
          ...common,
          key: values.key.trim(),
          clientSecret: values.clientSecret || null,
        });
      }
      await queryClient.invalidateQueries({ queryKey: identityProviderKeys.all });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    { identity_provider_exists: 'key' },
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        provider
          ? t('identityProviders.editNamed', { name: provider.displayName })
          : t('identityProviders.add')
      }
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <TextInput
            label={t('identityProviders.key')}
            description={t('identityProviders.keyHint')}
            required
            dir="ltr"
            readOnly={provider !== null}
            {...form.getInputProps('key')}
          />
          <TextInput
            label={t('identityProviders.displayName')}
            required
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label={t('identityProviders.issuer')}
            description={t('identityProviders.issuerHint')}
            required
            dir="ltr"
            {...form.getInputProps('issuer')}
          />
          <TextInput
            label={t('identityProviders.clientId')}
            required
            dir="ltr"
            {...form.getInputProps('clientId')}
          />
          <PasswordInput
            label={t('identityProviders.clientSecret')}
            description={
              provider?.clientSecretSet
                ? t('identityProviders.secretKeep')
                : t('identityProviders.secretHint')
            }
            autoComplete="off"
            dir="ltr"
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
            {...form.getInputProps('clientSecret')}
          />
          <TextInput
            label={t('identityProviders.scopes')}
            description={t('identityProviders.scopesHint')}
            dir="ltr"
            {...form.getInputProps('scopes')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('identityProviders.emailClaim')}
              dir="ltr"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('identityProviders.emailVerifiedClaim')}
              dir="ltr"
              {...form.getInputProps('emailVerified')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('identityProviders.nameClaim')}
              dir="ltr"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('identityProviders.proposalClaim')}
              description={t('identityProviders.proposalHint')}
              dir="ltr"
              {...form.getInputProps('proposal')}
            />
          </Group>
          <Checkbox
            label={t('identityProviders.enabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
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
