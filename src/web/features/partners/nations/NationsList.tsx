import { EmptyState, Loader } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/links.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useCan } from '../../auth/session.js';
import { nationsQuery } from '../api.js';
import { NationsTable } from './NationsTable.js';

const route = getRouteApi('/app/partners');

export function NationsList() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const filtered = Boolean(search.q || search.framework || search.status);
  const nations = useQuery({
    ...nationsQuery({ q: search.q, frameworkCode: search.framework, status: search.status }),
    placeholderData: keepPreviousData,
  });

  if (nations.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (nations.isError) return <ProblemAlert error={nations.error} />;
  if (nations.data.length > 0) return <NationsTable nations={nations.data} />;

  return (
    <EmptyState
      icon={<IconFlag size={32} aria-hidden />}
      title={filtered ? t('partners.emptyFilteredTitle') : t('partners.emptyTitle')}
      description={
        filtered
          ? t('partners.emptyFiltered')
          : can('partners.manage')
            ? t('partners.emptyManage')
            : t('partners.emptyRead')
      }
      py="xl"
    >
      {!filtered && can('partners.manage') && (
        <EmptyState.Actions>
          <ButtonLink to="/partners/new">{t('partners.add')}</ButtonLink>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
