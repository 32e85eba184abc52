import { Button, EmptyState, Group, Loader, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../contract/index.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { usersQuery } from './api.js';
import { CreateUserModal } from './CreateUserModal.js';
import { EditUserModal } from './EditUserModal.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { UserRowActions } from './UserRowActions.js';
import { UsersTable } from './UsersTable.js';

const route = getRouteApi('/app/users');
type Dialog = { kind: 'create' } | { kind: 'edit' | 'password'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { q } = route.useSearch();
  const navigate = useNavigate({ from: '/users' });
  const [text, setText] = useState(q ?? '');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const users = useInfiniteQuery({ ...usersQuery(q), placeholderData: keepPreviousData });
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const manage = can('users.manage');
  const pushQ = useDebouncedCallback((value: string) => {
    void navigate({ search: { q: value.trim() || undefined }, replace: true });
  }, 300);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <>
            <ExportMenu path="/api/v1/users/export" filters={{ q }} />
            {manage && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'create' })}
              >
                {t('users.add')}
              </Button>
            )}
          </>
        }
      />
      <TextInput
        role="searchbox"
        label={t('common.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={300}
        mb="sm"
      />
      {users.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={users.error} />
      {users.data && rows.length === 0 && (
        <EmptyState
          icon={<IconUsers size={32} aria-hidden />}
          title={t('users.emptyTitle')}
          description={q ? t('users.emptyFiltered') : t('users.emptyHint')}
          py="xl"
        />
      )}
      {rows.length > 0 && (
        <UsersTable
          users={rows}
          actions={
            manage
              ? (user) => (
                  <UserRowActions
                    user={user}
                    onEdit={() => setDialog({ kind: 'edit', user })}
                    onResetPassword={() => setDialog({ kind: 'password', user })}
                  />
                )
              : undefined
          }
        />
      )}
      {users.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
