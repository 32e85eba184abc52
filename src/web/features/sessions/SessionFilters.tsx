import { Button, Checkbox, Group, Select } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SESSION_STATUSES } from '../../../contract/index.js';
import type { SessionsSearch } from '../../app/routes/sessions.js';
import { SearchInput } from '../../components/SearchInput.js';
import { useCatalogueNames } from '../catalogue/useNames.js';

const route = getRouteApi('/app/sessions');

/** Filters kept in the URL; the month and the view are not filters and survive "clear". */
export function SessionFilters({ view }: { view: 'month' | 'list' }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/sessions' });
  const names = useCatalogueNames();

  const set = (patch: Partial<SessionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const hasFilters = Boolean(search.q || search.discipline || search.status || search.open);

  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('sessions.filters')}>
      {view === 'list' && (
        <SearchInput
          value={search.q}
          onSearch={(q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
          placeholder={t('sessions.searchPlaceholder')}
          w={240}
        />
      )}
      <Select
        label={t('catalogue.discipline')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={names.disciplineOptions}
        value={search.discipline ?? null}
        onChange={(value) => set({ discipline: value ?? undefined })}
        w={200}
      />
      <Select
        label={t('sessions.status')}
        placeholder={t('common.all')}
        clearable
        data={SESSION_STATUSES.map((s) => ({ value: s, label: t(`sessionStatus.${s}`) }))}
        value={search.status ?? null}
        onChange={(value) => set({ status: SESSION_STATUSES.find((s) => s === value) })}
        w={200}
      />
      <Checkbox
        label={t('sessions.openOnly')}
        checked={search.open === 'true'}
        onChange={(event) => set({ open: event.currentTarget.checked ? 'true' : undefined })}
        mb={8}
      />
      {view === 'list' && (
        <Checkbox
          label={t('sessions.includePast')}
          checked={search.past === 'true'}
          onChange={(event) => set({ past: event.currentTarget.checked ? 'true' : undefined })}
          mb={8}
        />
      )}
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            void navigate({ search: (prev) => ({ view: prev.view, month: prev.month }) });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
