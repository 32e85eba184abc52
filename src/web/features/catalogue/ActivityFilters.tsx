import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, DELIVERY_METHODS } from '../../../contract/index.js';
import type { CatalogueSearch } from '../../app/routes/catalogue.js';
import { SearchInput } from '../../components/SearchInput.js';
import { currentLocale } from '../../i18n/index.js';
import { DATE_FIELD_BOUNDS } from '../../lib/dates.js';
import { INSTRUCTION_LANGUAGES } from './labels.js';
import { languageName } from './prerequisites.js';
import { useCatalogueNames } from './useNames.js';

const route = getRouteApi('/app/catalogue');

/** Filters live in the URL, so a filtered catalogue can be bookmarked and shared. */
export function ActivityFilters() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/catalogue' });
  const names = useCatalogueNames();
  const locale = currentLocale();

  const set = (patch: Partial<CatalogueSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const { tab: _tab, ...filters } = search;
  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Group gap="sm" align="flex-end" mb="sm" role="search" aria-label={t('catalogue.filters')}>
      <SearchInput
        value={search.q}
        onSearch={(q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
        placeholder={t('catalogue.searchPlaceholder')}
        w={260}
      />
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
        label={t('catalogue.provider')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={names.providerOptions}
        value={search.provider ?? null}
        onChange={(value) => set({ provider: value ?? undefined })}
        w={220}
      />
      <Select
        label={t('catalogue.type')}
        placeholder={t('common.all')}
        clearable
        data={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activityType.${v}`) }))}
        value={search.type ?? null}
        onChange={(value) => set({ type: ACTIVITY_TYPES.find((v) => v === value) })}
        w={170}
      />
      <Select
        label={t('catalogue.delivery')}
        placeholder={t('common.all')}
        clearable
        data={DELIVERY_METHODS.map((v) => ({ value: v, label: t(`delivery.${v}`) }))}
        value={search.delivery ?? null}
        onChange={(value) => set({ delivery: DELIVERY_METHODS.find((v) => v === value) })}
        w={200}
      />
      <Select
        label={t('catalogue.language')}
        placeholder={t('common.all')}
        clearable
        data={INSTRUCTION_LANGUAGES.map((v) => ({ value: v, label: languageName(v, locale) }))}
        value={search.language ?? null}
        onChange={(value) => set({ language: value ?? undefined })}
        w={140}
      />
      <TextInput
        type="date"
        {...DATE_FIELD_BOUNDS}
        label={t('catalogue.sessionsFrom')}
        value={search.from ?? ''}
        onChange={(event) => set({ from: event.currentTarget.value || undefined })}
        w={160}
      />
      <TextInput
        type="date"
        {...DATE_FIELD_BOUNDS}
        label={t('catalogue.sessionsTo')}
        value={search.to ?? ''}
        onChange={(event) => set({ to: event.currentTarget.value || undefined })}
        w={160}
      />
      <Checkbox
        label={t('catalogue.openOnly')}
        checked={search.open === 'true'}
        onChange={(event) => set({ open: event.currentTarget.checked ? 'true' : undefined })}
        mb={8}
      />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            void navigate({ search: {} });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
