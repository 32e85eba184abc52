import { Loader, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ActionList } from './ActionList.js';
import { nationPortalQuery } from './api.js';
import { InvitationCounts } from './InvitationCounts.js';
import { OpenSessionsTable } from './OpenSessionsTable.js';
import { StatusCounts } from './StatusCounts.js';

/**
 * "My nation" at a glance: what to do now, the sessions open to the nation with their seat
 * numbers, the nominations by state and the centre's invitations by name. `compact` keeps only the figures (above a list).
 */
export function NationOverview({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const portal = useQuery(nationPortalQuery);
  if (portal.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (portal.isError) return <ProblemAlert error={portal.error} />;
  const data = portal.data;
  if (compact) {
    return (
      <Stack gap="xs" mb="md">
        <StatusCounts counts={data.countsByStatus} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.needsAction', { count: data.actions.length })}
        </Title>
        <ActionList actions={data.actions} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.openSessions')}
        </Title>
        <OpenSessionsTable sessions={data.openSessions} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.byStatus')}
        </Title>
        <StatusCounts counts={data.countsByStatus} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          {t('portal.invitations')}
        </Title>
        <InvitationCounts counts={data.invitations} />
      </Paper>
    </Stack>
  );
}
