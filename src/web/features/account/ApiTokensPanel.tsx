import { Button, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { errorMessage } from '../../lib/errors.js';
import { revokeToken, tokensQuery } from './api.js';
import { CreateTokenModal } from './CreateTokenModal.js';

function RevokeButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      notifications.show({ color: 'teal', message: t('tokens.revoked', { name: token.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red.8"
      loading={revoke.isPending}
      onClick={() => revoke.mutate()}
      aria-label={t('tokens.revokeNamed', { name: token.name })}
    >
      {t('tokens.revoke')}
    </Button>
  );
}

export function ApiTokensPanel() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery);
  const [opened, { open, close }] = useDisclosure();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tokens-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="tokens-heading">
          {t('tokens.title')}
        </Title>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {t('tokens.create')}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('tokens.description')}
      </Text>
      {tokens.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={tokens.error} />
      {tokens.data?.length === 0 && <Text fz="sm">{t('tokens.empty')}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <ResponsiveTable minWidth={600}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td fw={500}>{token.name}</Table.Td>
                  <Table.Td ff="monospace">
                    <bdi dir="ltr">{token.prefix}…</bdi>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={token.createdAt} fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={token.expiresAt} fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? (
                      <DateText value={token.lastUsedAt} fz="sm" />
                    ) : (
                      t('tokens.neverUsed')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RevokeButton token={token} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {opened && <CreateTokenModal onClose={close} />}
    </Paper>
  );
}
