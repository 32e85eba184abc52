import { Button, Checkbox, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { twoFactorPolicyQuery, updateTwoFactorPolicy } from './api.js';

/** An administrator's choice of the roles that must sign in with a second factor. */
export function TwoFactorPolicyPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useQuery(twoFactorPolicyQuery);
  const [required, setRequired] = useState<Role[]>([]);
  useEffect(() => {
    if (policy.data) setRequired(policy.data.roles.filter((r) => r.required).map((r) => r.role));
  }, [policy.data]);
  const save = useMutation({
    mutationFn: () =>
      updateTwoFactorPolicy({
        roles: (policy.data?.roles ?? []).map(({ role }) => ({
          role,
          required: required.includes(role),
        })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(twoFactorPolicyQuery.queryKey, saved);
      notifications.show({ color: 'teal', message: t('secondFactors.policySaved') });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="policy-heading">
      <Title order={2} fz="lg" id="policy-heading" mb="xs">
        {t('secondFactors.policyTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('secondFactors.policyDescription')}
      </Text>
      <ProblemAlert error={policy.error ?? save.error} />
      {policy.data && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Checkbox.Group
            label={t('secondFactors.policyRoles')}
            value={required}
            onChange={(value) => setRequired(value as Role[])}
          >
            <Group mt="xs">
              {policy.data.roles.map(({ role }) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" mt="md" loading={save.isPending}>
            {t('secondFactors.policySave')}
          </Button>
        </form>
      )}
    </Paper>
  );
}
