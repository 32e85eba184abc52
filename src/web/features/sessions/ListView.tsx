import { Button, EmptyState, Group, Loader } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { sessionsQuery } from './api.js';

/** Today's date where the reader is, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

import { SessionsTable } from './SessionsTable.js';

const route = getRouteApi('/app/sessions');
type Search = ReturnType<typeof route.useSearch>;

/** The list view's filters, as its query sends them and its export takes them. */
export function listFilters(search: Search) {
  return {
    q: search.q,
    disciplineCode: search.discipline,
    status: search.status,
    openForNominations: search.open,
    // Upcoming and running sessions first; history only when asked for.
    from: search.past === 'true' ? undefined : localToday(),
  };
}

export function ListView() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const filtered = Boolean(search.q || search.discipline || search.status || search.open);
  const sessions = useInfiniteQuery({
    ...sessionsQuery(listFilters(search)),
    placeholderData: keepPreviousData,
  });
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];

  if (sessions.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (sessions.isError) return <ProblemAlert error={sessions.error} />;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconCalendarEvent size={32} aria-hidden />}
        title={filtered ? t('sessions.emptyFilteredTitle') : t('sessions.emptyTitle')}
        description={
          filtered
            ? t('sessions.emptyFiltered')
            : can('sessions.manage')
              ? t('sessions.emptyManage')
              : t('sessions.emptyRead')
        }
        py="xl"
      >
        {!filtered && can('sessions.manage') && (
          <EmptyState.Actions>
            <ButtonLink to="/sessions/new">{t('sessions.add')}</ButtonLink>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <SessionsTable sessions={items} />
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
    </>
  );
}
