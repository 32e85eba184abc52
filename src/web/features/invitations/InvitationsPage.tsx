import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { invitationsQuery } from './api.js';
import { InvitationsTable } from './InvitationsTable.js';

/** Invitations by name: a nation's to answer, a person's own, or all of them for the centre. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const list = useQuery(invitationsQuery());
  return (
    <>
      <PageHeader title={t('invitations.pageTitle')} description={t('invitations.pageIntro')} />
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('invitations.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <InvitationsTable items={list.data.items} showSession />
      )}
    </>
  );
}
