import { Button, EmptyState, Group, Loader, Select } from '@mantine/core';
import { IconId, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { SearchInput } from '../../components/SearchInput.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan, useMe } from '../auth/session.js';
import { nationsQuery } from '../partners/api.js';
import { participantsQuery } from './api.js';
import { ParticipantsTable } from './ParticipantsTable.js';

const route = getRouteApi('/app/people');

/** Centre staff and observers without a nation see every nation, so they can narrow it. */
export function useSeesAllNations(): boolean {
  const me = useMe();
  return (
    me.user.nationCode === null ||
    me.user.roles.some((r) => r === 'administrator' || r === 'registrar')
  );
}

export function ParticipantsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const allNations = useSeesAllNations();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/people' });
  const nations = useQuery({ ...nationsQuery({}), enabled: allNations });
  const locale = currentLocale();
  const filtered = Boolean(search.q || search.nation);
  const filters = { q: search.q, nationCode: search.nation };
  const people = useInfiniteQuery({
    ...participantsQuery(filters),
    placeholderData: keepPreviousData,
  });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const manage = can('participants.manage');

  return (
    <>
      <PageHeader
        title={t('participants.title')}
        description={t('participants.description')}
        actions={
          <>
            <ExportMenu path="/api/v1/participants/export" filters={filters} />
            {manage && (
              <ButtonLink to="/people/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('participants.add')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Group gap="sm" align="flex-end" mb="sm" role="search" aria-label={t('participants.filters')}>
        <SearchInput
          value={search.q}
          onSearch={(q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
          placeholder={t('participants.searchPlaceholder')}
          w={300}
        />
        {allNations && (
          <Select
            label={t('participants.nation')}
            placeholder={t('common.all')}
            clearable
            searchable
            w={220}
            data={(nations.data ?? []).map((n) => ({
              value: n.code,
              label: `${localized(n.name, locale)} (${n.code})`,
            }))}
            value={search.nation ?? null}
            onChange={(value) =>
              void navigate({ search: (prev) => ({ ...prev, nation: value ?? undefined }) })
            }
          />
        )}
        {filtered && (
          <Button variant="subtle" onClick={() => void navigate({ search: {} })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {people.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : people.isError ? (
        <ProblemAlert error={people.error} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconId size={32} aria-hidden />}
          title={filtered ? t('participants.emptyFilteredTitle') : t('participants.emptyTitle')}
          description={
            filtered
              ? t('participants.emptyFiltered')
              : manage
                ? t('participants.emptyManage')
                : t('participants.emptyRead')
          }
          py="xl"
        >
          {!filtered && manage && (
            <EmptyState.Actions>
              <ButtonLink to="/people/new">{t('participants.add')}</ButtonLink>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <>
          <ParticipantsTable people={items} />
          {people.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                loading={people.isFetchingNextPage}
                onClick={() => void people.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
