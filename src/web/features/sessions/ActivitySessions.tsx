import { Button, EmptyState, Group, Loader, Paper, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { sessionsQuery } from './api.js';
import { SessionsTable } from './SessionsTable.js';

/** The runs of one activity, on its catalogue page. */
export function ActivitySessions({ activityCode }: { activityCode: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const sessions = useInfiniteQuery(sessionsQuery({ activityCode }));
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('sessions.ofActivity')}
      </Title>
      {sessions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={sessions.error} />
      {sessions.data && items.length === 0 && (
        <EmptyState
          icon={<IconCalendarOff size={28} aria-hidden />}
          title={t('sessions.noneForActivity')}
          description={
            can('sessions.manage')
              ? t('sessions.noneForActivityManage')
              : t('sessions.noneForActivityRead')
          }
          py="md"
        />
      )}
      {items.length > 0 && <SessionsTable sessions={items} hideActivity />}
      {sessions.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={sessions.isFetchingNextPage}
            onClick={() => void sessions.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
