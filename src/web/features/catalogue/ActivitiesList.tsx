import { Button, EmptyState, Group, Loader } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { ActivitiesTable } from './ActivitiesTable.js';
import { activitiesQuery } from './api.js';

const route = getRouteApi('/app/catalogue');

type Search = ReturnType<typeof route.useSearch>;

/** The list's filters, as its query sends them and its export takes them. */
export function activityFilters(search: Search) {
  return {
    q: search.q,
    disciplineCode: search.discipline,
    providerCode: search.provider,
    type: search.type,
    delivery: search.delivery,
    language: search.language,
    openForNominations: search.open,
    from: search.from,
    to: search.to,
  };
}

export function ActivitiesList() {
  const { t } = useTranslation();
  const can = useCan();
  const { tab: _tab, ...search } = route.useSearch();
  const filtered = Object.values(search).some(Boolean);
  const activities = useInfiniteQuery({
    ...activitiesQuery(activityFilters(search)),
    placeholderData: keepPreviousData,
  });
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];

  if (activities.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (activities.isError) return <ProblemAlert error={activities.error} />;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconBook size={32} aria-hidden />}
        title={filtered ? t('catalogue.emptyFilteredTitle') : t('catalogue.emptyTitle')}
        description={
          filtered
            ? t('catalogue.emptyFiltered')
            : can('catalogue.manage')
              ? t('catalogue.emptyManage')
              : t('catalogue.emptyRead')
        }
        py="xl"
      >
        {!filtered && can('catalogue.manage') && (
          <EmptyState.Actions>
            <ButtonLink to="/catalogue/new">{t('catalogue.add')}</ButtonLink>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }

  return (
    <>
      <ActivitiesTable activities={items} />
      {activities.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={activities.isFetchingNextPage}
            onClick={() => void activities.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
