import { Badge, Button, Code, Group, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../contract/index.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { deleteIdentityProvider, identityProviderKeys, identityProvidersQuery } from './api.js';
import { IdentityProviderModal } from './IdentityProviderModal.js';

/** The identity providers users may sign in with (single sign-on), for administrators. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useQuery(identityProvidersQuery);
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: deleteIdentityProvider,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('identityProviders.removed') });
      return queryClient.invalidateQueries({ queryKey: identityProviderKeys.all });
    },
  });
  const rows = providers.data ?? [];
  const redirectUri = rows[0]?.redirectUri;

  return (
    <>
      <PageHeader
        title={t('identityProviders.title')}
        description={t('identityProviders.description')}
      />
      <Group justify="space-between" mb="sm">
        {redirectUri ? (
          <Text fz="sm">
            {t('identityProviders.redirectUri')} <Code dir="ltr">{redirectUri}</Code>
          </Text>
        ) : (
          <span />
        )}
        <Button onClick={() => setEditing('new')}>{t('identityProviders.add')}</Button>
      </Group>
      {providers.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={providers.error ?? remove.error} />
      {providers.data && rows.length === 0 && (
        <Text c="dimmed">{t('identityProviders.empty')}</Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('identityProviders.displayName')}</Table.Th>
                <Table.Th scope="col">{t('identityProviders.issuer')}</Table.Th>
                <Table.Th scope="col">{t('identityProviders.clientId')}</Table.Th>
                <Table.Th scope="col">{t('identityProviders.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((provider) => (
                <Table.Tr key={provider.id}>
                  <Table.Td>
                    <Text fz="sm">{provider.displayName}</Text>
                    <Text fz="xs" c="dimmed">
                      <bdi dir="ltr">{provider.key}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{provider.issuer}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{provider.clientId}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {provider.enabled ? (
                        <Badge color="teal">{t('identityProviders.on')}</Badge>
                      ) : (
                        <Badge color="gray">{t('identityProviders.off')}</Badge>
                      )}
                      {provider.clientSecretSet ? (
                        <Badge variant="outline">{t('identityProviders.secretSet')}</Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(provider)}
                        aria-label={t('identityProviders.editNamed', {
                          name: provider.displayName,
                        })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red.8"
                        loading={remove.isPending && remove.variables === provider.id}
                        onClick={() => {
                          if (
                            window.confirm(
                              t('identityProviders.confirmRemove', { name: provider.displayName }),
                            )
                          ) {
                            remove.mutate(provider.id);
                          }
                        }}
                        aria-label={t('identityProviders.removeNamed', {
                          name: provider.displayName,
                        })}
                      >
                        {t('identityProviders.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && (
        <IdentityProviderModal
          provider={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
