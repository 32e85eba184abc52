import { Button, EmptyState, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { nominationsQuery } from '../nominations/api.js';
import { NominationsTable } from '../nominations/NominationsTable.js';
import { nationPortalQuery } from './api.js';
import { OpenSessionsTable } from './OpenSessionsTable.js';

/** A nominator's landing: what they proposed, where each stands, and what the NPOC said. */
export function MyProposals() {
  const { t } = useTranslation();
  const proposals = useInfiniteQuery(nominationsQuery({}));
  const portal = useQuery(nationPortalQuery);
  const items = proposals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.myProposals')}
        </Title>
        {proposals.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        <ProblemAlert error={proposals.error} />
        {proposals.isSuccess && items.length === 0 && (
          <EmptyState
            icon={<IconListCheck size={32} aria-hidden />}
            title={t('portal.noProposalsTitle')}
            description={t('portal.noProposals')}
            py="md"
          />
        )}
        {items.length > 0 && <NominationsTable nominations={items} hideNation showReason />}
        {proposals.hasNextPage && (
          <Group justify="center" mt="md">
            <Button
              variant="default"
              loading={proposals.isFetchingNextPage}
              onClick={() => void proposals.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.openSessions')}
        </Title>
        {portal.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        <ProblemAlert error={portal.error} />
        {portal.data && <OpenSessionsTable sessions={portal.data.openSessions} />}
      </Paper>
    </Stack>
  );
}
