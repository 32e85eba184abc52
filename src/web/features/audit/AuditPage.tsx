import { Button, EmptyState, Group, Loader, Table, VisuallyHidden } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { AuditChainPanel } from './AuditChainPanel.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditRow } from './AuditRow.js';
import { auditQuery } from './api.js';

const route = getRouteApi('/app/audit');

export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const audit = useInfiniteQuery({ ...auditQuery(search), placeholderData: keepPreviousData });
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={<ExportMenu path="/api/v1/audit/export" filters={search} />}
      />
      <AuditChainPanel />
      <AuditFilters />
      {audit.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={audit.error} />
      {audit.data && entries.length === 0 && (
        <EmptyState
          icon={<IconHistory size={32} aria-hidden />}
          title={t('audit.emptyTitle')}
          description={t('audit.emptyHint')}
          py="xl"
        />
      )}
      {entries.length > 0 && (
        <ResponsiveTable minWidth={760}>
          <Table withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('audit.changes')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">{t('audit.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entityType')}</Table.Th>
                <Table.Th scope="col">{t('audit.entityId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {audit.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
