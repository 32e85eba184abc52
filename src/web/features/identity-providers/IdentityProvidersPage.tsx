import { Badge, Button, Code, Group, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { deleteIdentityProvider, identityProviderKeys, identityProvidersQuery } from './api.js';
import { IdentityProviderModal } from './IdentityProviderModal.js';

/** The identity providers users may sign in with (single sign-on), for administrators. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useQuery(identityProvidersQuery);
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const [removing, setRemoving] = useState<IdentityProvider | null>(null);
  async function remove(provider: IdentityProvider) {
    await deleteIdentityProvider(provider.id);
    notifications.show({ color: 'teal', message: t('identityProviders.removed') });
    await queryClient.invalidateQueries({ queryKey: identityProviderKeys.all });
  }
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
      <ProblemAlert error={providers.error} />
      {providers.data && rows.length === 0 && (
        <Text c="dimmed">{t('identityProviders.empty')}</Text>
      )}
      {rows.length > 0 && (
        <ResponsiveTable minWidth={720}>
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
                        <Badge color="teal.9">{t('identityProviders.on')}</Badge>
                      ) : (
                        <Badge color="gray.8">{t('identityProviders.off')}</Badge>
                      )}
                      {provider.clientSecretSet ? (
                        <Badge variant="outline" color="indigo.9">
                          {t('identityProviders.secretSet')}
                        </Badge>
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
                        onClick={() => setRemoving(provider)}
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
        </ResponsiveTable>
      )}
      {removing !== null && (
        <ConfirmDialog
          title={t('identityProviders.removeNamed', { name: removing.displayName })}
          body={t('identityProviders.confirmRemove', { name: removing.displayName })}
          confirmLabel={t('identityProviders.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
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
