import { Loader, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/index.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { invitationsQuery } from './api.js';
import { InvitationsTable } from './InvitationsTable.js';
import { InviteForm } from './InviteForm.js';

/**
 * The session page's invited people, for an activity whose seats are given by invitation: each
 * with their role and RSVP; staff change roles and invite, a nation answers its own.
 */
export function SessionInvitations({ session }: { session: Session }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuery(invitationsQuery(session.code));
  const staff = can('sessions.manage');
  const open = session.status !== 'completed' && session.status !== 'cancelled';
  if (rulesOfType(session.activityType).seats !== 'invitation') return null;
  const items = list.data?.items ?? [];
  if (!staff && items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-invitations">
      <Title order={2} fz="lg" mb="xs" id="session-invitations">
        {t('invitations.title')}
      </Title>
      {list.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('invitations.none')}
        </Text>
      )}
      {items.length > 0 && (
        <InvitationsTable
          items={items}
          roleChoices={staff && open ? { type: session.activityType } : null}
          withdrawable={staff && open}
        />
      )}
      {staff && open && session.status !== 'draft' && <InviteForm session={session} />}
    </Paper>
  );
}
