import { Button, Group, NumberInput, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_GROUPINGS, type ReportGrouping } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useMe } from '../auth/session.js';
import { useCatalogueNames } from '../catalogue/useNames.js';
import { nationsQuery } from '../partners/api.js';

const route = getRouteApi('/app/reports');

const year = (value: string | number) =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** Filters kept in the URL; the years apply on submit, the lists at once. */
export function ReportFilters() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/reports' });
  const me = useMe();
  const names = useCatalogueNames();
  const unscoped = me.user.nationCode === null;
  const nations = useQuery({ ...nationsQuery({}), enabled: unscoped });
  const locale = currentLocale();
  const [from, setFrom] = useState<string | number>(search.from ?? '');
  const [to, setTo] = useState<string | number>(search.to ?? '');

  const set = (patch: Record<string, unknown>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <form
      aria-label={t('reports.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        set({ from: year(from), to: year(to) });
      }}
    >
      <Group gap="sm" align="flex-end" mb="md">
        <NumberInput
          label={t('reports.fromYear')}
          value={from}
          onChange={setFrom}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={110}
        />
        <NumberInput
          label={t('reports.toYear')}
          value={to}
          onChange={setTo}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={110}
        />
        <Button type="submit" variant="default">
          {t('reports.apply')}
        </Button>
        {unscoped && (
          <Select
            label={t('reports.nation')}
            placeholder={t('reports.allNations')}
            clearable
            searchable
            data={(nations.data ?? []).map((n) => ({
              value: n.code,
              label: `${localized(n.name, locale)} (${n.code})`,
            }))}
            value={search.nation ?? null}
            onChange={(value) => set({ nation: value ?? undefined })}
            w={220}
          />
        )}
        <Select
          label={t('reports.discipline')}
          placeholder={t('reports.allDisciplines')}
          clearable
          searchable
          data={names.disciplineOptions}
          value={search.discipline ?? null}
          onChange={(value) => set({ discipline: value ?? undefined })}
          w={200}
        />
        {/* Only the trained and rates reports are grouped; the others have fixed rows. */}
        {(search.tab ?? 'trained') !== 'evaluations' && search.tab !== 'programme-delivery' && (
          <Select
            label={t('reports.groupBy')}
            data={REPORT_GROUPINGS.map((g) => ({ value: g, label: t(`reports.group.${g}`) }))}
            value={search.groupBy ?? 'nation'}
            allowDeselect={false}
            onChange={(value) => set({ groupBy: (value as ReportGrouping | null) ?? undefined })}
            w={160}
          />
        )}
      </Group>
    </form>
  );
}
