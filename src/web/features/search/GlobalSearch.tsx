import { ActionIcon, Button, Kbd, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalSearchResults } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { readerName } from '../participants/reader-name.js';
import { globalSearchQuery } from './api.js';

const [searchStore, searchBox] = createSpotlight();

/** Where each result opens, and what it shows. */
interface Hit {
  key: string;
  label: string;
  description: string;
  open: () => Promise<void>;
}

type Kind = keyof GlobalSearchResults;
const KINDS: readonly Kind[] = [
  'people',
  'nominations',
  'sessions',
  'activities',
  'lecturers',
  'nations',
];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * One search box for people, nominations, sessions, activities, lecturers and nations, in Arabic or Latin
 * script: opened by Ctrl+K (⌘K) anywhere or the header's button; arrows move through the
 * results, Enter opens one.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim().slice(0, 100), 200);
  const results = useQuery({
    ...globalSearchQuery(typed),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
  });

  if (!can('search.read')) return null;

  const data = typed.length > 0 ? results.data : undefined;
  const hits: Record<Kind, Hit[]> = {
    people: (data?.people ?? []).map((p) => ({
      key: p.id,
      label: readerName(p, locale),
      description: p.nationCode,
      open: () => navigate({ to: '/people/$id', params: { id: p.id } }),
    })),
    nominations: (data?.nominations ?? []).map((n) => ({
      key: n.id,
      label: readerName(n, locale),
      description: `${n.sessionCode} · ${t(`nominations.status.${n.status}`)}`,
      open: () => navigate({ to: '/nominations/$id', params: { id: n.id } }),
    })),
    sessions: (data?.sessions ?? []).map((s) => ({
      key: s.code,
      label: s.code,
      description: `${localized(s.activityTitle, locale)} · ${s.startDate}`,
      open: () => navigate({ to: '/sessions/$code', params: { code: s.code } }),
    })),
    activities: (data?.activities ?? []).map((a) => ({
      key: a.code,
      label: localized(a.title, locale),
      description: a.code,
      open: () => navigate({ to: '/catalogue/$code', params: { code: a.code } }),
    })),
    // The registry has no page per lecturer: it opens filtered to the name, one row.
    lecturers: (data?.lecturers ?? []).map((l) => ({
      key: l.id,
      label: locale === 'ar' && l.nameArabic ? l.nameArabic : l.nameLatin,
      description: [t(`lecturers.kinds.${l.kind}`), l.institution].filter(Boolean).join(' · '),
      open: () => navigate({ to: '/lecturers', search: { q: l.nameLatin } }),
    })),
    nations: (data?.nations ?? []).map((n) => ({
      key: n.code,
      label: localized(n.name, locale),
      description: n.code,
      open: () => navigate({ to: '/partners/$code', params: { code: n.code } }),
    })),
  };
  const found = KINDS.some((kind) => hits[kind].length > 0);

  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          <Text
            span
            fz="xs"
            c="dimmed"
            aria-hidden
            visibleFrom="md"
            style={{ whiteSpace: 'nowrap' }}
          >
            <Kbd size="xs">{isMac() ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd>
          </Text>
        }
        onClick={searchBox.open}
        aria-keyshortcuts="Control+K Meta+K"
      >
        {t('search.open')}
      </Button>
      <ActionIcon
        variant="subtle"
        color="gray"
        hiddenFrom="sm"
        aria-label={t('search.title')}
        aria-keyshortcuts="Control+K Meta+K"
        onClick={searchBox.open}
      >
        <IconSearch size={18} aria-hidden />
      </ActionIcon>
      <Spotlight.Root
        store={searchStore}
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K', 'ctrl + K']}
        scrollable
        maxHeight="70vh"
        title={t('search.title')}
        size="lg"
        styles={{ header: { paddingInline: 'var(--mantine-spacing-md)' } }}
      >
        <Spotlight.Search
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          leftSection={<IconSearch size={18} aria-hidden />}
          rightSection={
            results.isFetching ? <Loader size="xs" aria-label={t('search.loading')} /> : null
          }
          maxLength={100}
        />
        <Spotlight.ActionsList aria-label={t('search.results')}>
          {KINDS.filter((kind) => hits[kind].length > 0).map((kind) => (
            <Spotlight.ActionsGroup key={kind} label={t(`search.kinds.${kind}`)}>
              {hits[kind].map((hit) => (
                <Spotlight.Action
                  key={hit.key}
                  label={hit.label}
                  description={hit.description}
                  onClick={() => void hit.open()}
                />
              ))}
            </Spotlight.ActionsGroup>
          ))}
          {!found && (
            <Spotlight.Empty>
              {results.isError ? (
                <Text fz="sm" c="red.8">
                  {t('search.failed')}
                </Text>
              ) : typed.length > 0 && results.isSuccess && !results.isPlaceholderData ? (
                <Text fz="sm">{t('search.nothing', { query: typed })}</Text>
              ) : (
                <Text fz="sm">{t('search.hint')}</Text>
              )}
            </Spotlight.Empty>
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
