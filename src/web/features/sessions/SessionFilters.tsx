import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STATUSES } from '../../../contract/index.js';
import type { SessionsSearch } from '../../app/routes/sessions.js';
import { useCatalogueNames } from '../catalogue/useNames.js';

const route = getRouteApi('/app/sessions');

/** Filters kept in the URL; the month and the view are not filters and survive "clear". */
export function SessionFilters({ view }: { view: 'month' | 'list' }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/sessions' });
  const names = useCatalogueNames();
  const [q, setQ] = useState(search.q ?? '');

  const set = (patch: Partial<SessionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const pushQ = useDebouncedCallback((value: string) => {
    void navigate({ search: (prev) => ({ ...prev, q: value.trim() || undefined }), replace: true });
  }, 300);
  const hasFilters = Boolean(search.q || search.discipline || search.status || search.open);

  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('sessions.filters')}>
      {view === 'list' && (
        <TextInput
          label={t('common.search')}
          placeholder={t('sessions.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            pushQ(event.currentTarget.value);
          }}
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
            setQ('');
            void navigate({ search: (prev) => ({ view: prev.view, month: prev.month }) });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
