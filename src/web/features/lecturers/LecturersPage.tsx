import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPencil, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lecturer } from '../../../contract/index.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { SearchInput } from '../../components/SearchInput.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateRange } from '../../lib/dates.js';
import { useCan } from '../auth/session.js';
import { lecturersQuery } from './api.js';
import { LecturerModal } from './LecturerModal.js';

const route = getRouteApi('/app/lecturers');

/** The registry of lecturers and speakers: search in either script, add, edit. */
export function LecturersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/lecturers' });
  const [editing, setEditing] = useState<Lecturer | 'new' | null>(null);
  const list = useInfiniteQuery({ ...lecturersQuery(search), placeholderData: keepPreviousData });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const manage = can('lecturers.manage');
  const locale = currentLocale();

  return (
    <>
      <PageHeader
        title={t('lecturers.title')}
        description={t('lecturers.description')}
        actions={
          manage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('lecturers.add')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="md" mb="sm" wrap="wrap">
        <SearchInput
          value={search.q}
          onSearch={(q) => void navigate({ search: (s) => ({ ...s, q }), replace: true })}
          placeholder={t('lecturers.searchPlaceholder')}
          w={300}
        />
        <SegmentedControl
          aria-label={t('lecturers.kind')}
          value={search.kind ?? 'all'}
          onChange={(value) =>
            void navigate({
              search: (s) => ({
                ...s,
                kind: value === 'internal' || value === 'external' ? value : undefined,
              }),
              replace: true,
            })
          }
          data={[
            { value: 'all', label: t('lecturers.kinds.all') },
            { value: 'internal', label: t('lecturers.kinds.internal') },
            { value: 'external', label: t('lecturers.kinds.external') },
          ]}
        />
      </Group>
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={list.error} />
      {list.data && rows.length === 0 && (
        <EmptyState
          icon={<IconSpeakerphone size={32} aria-hidden />}
          title={search.q || search.kind ? t('lecturers.emptyFiltered') : t('lecturers.emptyTitle')}
          description={manage ? t('lecturers.emptyHint') : undefined}
          py="xl"
        />
      )}
      {rows.length > 0 && (
        <ResponsiveTable minWidth={900}>
          <Table striped withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lecturers.name')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.kind')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.institution')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.expertise')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.languages')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.contact')}</Table.Th>
                <Table.Th scope="col">{t('lecturers.unavailable')}</Table.Th>
                {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((lecturer) => (
                <Table.Tr key={lecturer.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text fz="sm" fw={500}>
                        {lecturer.title ? `${lecturer.title} ` : ''}
                        <bdi dir="ltr">{lecturer.nameLatin}</bdi>
                      </Text>
                      {lecturer.nameArabic && (
                        <Text fz="sm" c="dimmed" lang="ar">
                          <bdi dir="rtl">{lecturer.nameArabic}</bdi>
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={lecturer.kind === 'internal' ? 'blue' : 'grape'}>
                      {t(`lecturers.kinds.${lecturer.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{lecturer.institution ?? '—'}</Table.Td>
                  <Table.Td>{lecturer.expertise.join(t('common.listSeparator')) || '—'}</Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{lecturer.languages.join(', ') || '—'}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {lecturer.email && (
                        <Text fz="sm" dir="ltr" ta="start">
                          <bdi>{lecturer.email}</bdi>
                        </Text>
                      )}
                      {lecturer.phone && (
                        <Text fz="sm">
                          <bdi dir="ltr">{lecturer.phone}</bdi>
                        </Text>
                      )}
                      {!lecturer.email && !lecturer.phone && '—'}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {lecturer.unavailable.length === 0
                      ? '—'
                      : lecturer.unavailable.map((p) => (
                          <Text key={`${p.from}-${p.to}`} fz="sm">
                            {formatDateRange(p.from, p.to, locale).gregorian}
                            {p.note ? ` (${p.note})` : ''}
                          </Text>
                        ))}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('lecturers.editNamed', { name: lecturer.nameLatin })}
                        onClick={() => setEditing(lecturer)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {editing && (
        <LecturerModal
          lecturer={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
