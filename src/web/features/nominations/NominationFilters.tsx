import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOMINATION_STATUSES } from '../../../contract/index.js';
import type { NominationsSearch } from '../../app/routes/nominations.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';

const route = getRouteApi('/app/nominations');

/** Filters kept in the URL, so a filtered list can be bookmarked and sent to a colleague. */
export function NominationFilters({ allNations }: { allNations: boolean }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/nominations' });
  const nations = useQuery({ ...nationsQuery({}), enabled: allNations });
  const locale = currentLocale();
  const [session, setSession] = useState(search.session ?? '');
  useEffect(() => setSession(search.session ?? ''), [search.session]);

  const set = (patch: Partial<NominationsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const hasFilters = Boolean(search.status || search.session || search.nation);

  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('nominations.filters')} mb="sm">
      <Select
        label={t('nominations.statusLabel')}
        placeholder={t('common.all')}
        clearable
        data={NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`nominations.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(value) => set({ status: NOMINATION_STATUSES.find((s) => s === value) })}
        w={200}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set({ session: session.trim().toUpperCase() || undefined });
        }}
      >
        <TextInput
          label={t('nominations.sessionCode')}
          placeholder="M5-66-A-24"
          value={session}
          onChange={(event) => setSession(event.currentTarget.value)}
          onBlur={() => set({ session: session.trim().toUpperCase() || undefined })}
          w={180}
          styles={{ input: { fontFamily: 'monospace' } }}
          dir="ltr"
        />
      </form>
      {allNations && (
        <Select
          label={t('nominations.nation')}
          placeholder={t('common.all')}
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
      {hasFilters && (
        <Button variant="subtle" onClick={() => void navigate({ search: {} })}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
