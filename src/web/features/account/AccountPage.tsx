import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCan, useMe } from '../auth/session.js';
import { SecondFactorsPanel } from '../second-factors/SecondFactorsPanel.js';
import { TwoFactorPolicyPanel } from '../second-factors/TwoFactorPolicyPanel.js';
import { ApiTokensPanel } from './ApiTokensPanel.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const can = useCan();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Stack gap="lg" maw={960}>
        <Paper withBorder p="md">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 4 }} spacing="md" m={0}>
            <Field label={t('users.displayName')}>{user.displayName}</Field>
            <Field label={t('users.email')}>
              <span dir="ltr">{user.email}</span>
            </Field>
            <Field label={t('users.roles')}>
              {user.roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator'))}
            </Field>
            <Field label={t('users.nation')}>{user.nationCode ?? '—'}</Field>
          </SimpleGrid>
        </Paper>
        <ChangePasswordForm />
        <SecondFactorsPanel />
        {can('users.manage') && <TwoFactorPolicyPanel />}
        <ApiTokensPanel />
      </Stack>
    </>
  );
}
