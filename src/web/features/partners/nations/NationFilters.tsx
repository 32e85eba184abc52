import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NATION_STATUSES, type NationStatus } from '../../../../contract/index.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { frameworksQuery } from '../api.js';

const route = getRouteApi('/app/partners');

/** Filters live in the URL, so a filtered list can be bookmarked and shared. */
export function NationFilters() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/partners' });
  const frameworks = useQuery(frameworksQuery);
  const locale = currentLocale();

  const hasFilters = Boolean(search.q || search.framework || search.status);

  return (
    <Group gap="sm" align="flex-end" mb="sm" role="search" aria-label={t('partners.filters')}>
      <SearchInput
        value={search.q}
        onSearch={(q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
        placeholder={t('partners.searchPlaceholder')}
        w={260}
      />
      <Select
        label={t('partners.framework')}
        placeholder={t('common.all')}
        clearable
        data={(frameworks.data ?? []).map((f) => ({
          value: f.code,
          label: `${f.code} · ${localized(f.name, locale)}`,
        }))}
        value={search.framework ?? null}
        onChange={(value) =>
          void navigate({ search: (prev) => ({ ...prev, framework: value ?? undefined }) })
        }
        w={240}
      />
      <Select
        label={t('partners.status')}
        placeholder={t('common.all')}
        clearable
        data={NATION_STATUSES.map((s) => ({ value: s, label: t(`nationStatus.${s}`) }))}
        value={search.status ?? null}
        onChange={(value) =>
          void navigate({
            search: (prev) => ({ ...prev, status: (value as NationStatus | null) ?? undefined }),
          })
        }
        w={220}
      />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            void navigate({ search: (prev) => ({ tab: prev.tab }) });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
