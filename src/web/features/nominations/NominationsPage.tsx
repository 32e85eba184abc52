import { Button, EmptyState, Group, Loader } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan, useMe } from '../auth/session.js';
import { NationOverview } from '../portal/NationOverview.js';
import { nominationsQuery } from './api.js';
import { NominationFilters } from './NominationFilters.js';
import { NominationsTable } from './NominationsTable.js';
import { PriorityOrder } from './PriorityOrder.js';

const route = getRouteApi('/app/nominations');

export function NominationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const search = route.useSearch();
  // Centre staff and observers without a nation see every nation; the rest see their own.
  const allNations = me.user.nationCode === null;
  const filtered = Boolean(search.status || search.session || search.nation);
  const filters = {
    status: search.status,
    sessionCode: search.session,
    nationCode: allNations ? search.nation : undefined,
  };
  const query = useInfiniteQuery({
    ...nominationsQuery(filters),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('nominations.title')}
        description={
          allNations ? t('nominations.descriptionCentre') : t('nominations.descriptionNation')
        }
        actions={
          <>
            <ExportMenu path="/api/v1/nominations/export" filters={filters} />
            {can('nominations.propose') && (
              <ButtonLink to="/sessions" search={{ open: 'true', view: 'list' }} variant="default">
                {t('nominations.findSession')}
              </ButtonLink>
            )}
          </>
        }
      />
      {me.user.roles.includes('npoc') && !filtered && <NationOverview compact />}
      <NominationFilters allNations={allNations} />
      {query.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={query.error} />
      {query.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconListCheck size={32} aria-hidden />}
          title={filtered ? t('nominations.emptyFilteredTitle') : t('nominations.emptyTitle')}
          description={
            filtered
              ? t('nominations.emptyFiltered')
              : can('nominations.propose')
                ? t('nominations.emptyPropose')
                : can('nominations.decide')
                  ? t('nominations.emptyDecide')
                  : t('nominations.emptyRead')
          }
          py="xl"
        >
          {!filtered && can('nominations.propose') && (
            <EmptyState.Actions>
              <ButtonLink to="/sessions" search={{ open: 'true', view: 'list' }}>
                {t('nominations.findSession')}
              </ButtonLink>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {search.session && can('nominations.submit') && !query.hasNextPage && (
        <PriorityOrder
          sessionCode={search.session}
          rows={items.filter((n) => n.sessionCode === search.session)}
        />
      )}
      {items.length > 0 && <NominationsTable nominations={items} hideNation={!allNations} />}
      {query.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
