import { Badge, Code, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdministrationHome as Data } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { administrationHomeQuery } from './api.js';
import { HomeBlock, HomeItem, HomeList, STATE_COLOR } from './HomeBlock.js';

const DAY_MS = 86_400_000;

/** A long hex fingerprint, shortened for reading; the whole value stays in the title. */
function Fingerprint({ value }: { value: string }) {
  return (
    <Code title={value} dir="ltr">
      {value.slice(0, 16)}…
    </Code>
  );
}

function UsersWaiting({ data }: { data: Data['usersWaiting'] }) {
  const { t } = useTranslation();
  const total = data.invitedTotal + data.proposals;
  return (
    <HomeBlock
      title={t('homes.admin.usersTitle')}
      count={total}
      empty={t('homes.admin.usersEmpty')}
      footer={
        <>
          <ButtonLink to="/users" size="sm" variant="default">
            {t('homes.admin.openUsers')}
          </ButtonLink>
          {data.proposals > 0 && (
            <ButtonLink to="/identity-providers" size="sm" variant="default">
              {t('homes.admin.openProposals')}
            </ButtonLink>
          )}
        </>
      }
    >
      {data.invitedTotal > 0 && (
        <>
          <Text fz="sm">{t('homes.admin.invited', { count: data.invitedTotal })}</Text>
          <HomeList label={t('homes.admin.invitedList')}>
            {data.invited.map((u) => (
              <HomeItem key={u.id}>
                <Group gap="xs" wrap="wrap">
                  <Text fz="sm" fw={500}>
                    {u.displayName}
                  </Text>
                  {u.expired && <Badge color="orange.9">{t('homes.admin.linkExpired')}</Badge>}
                </Group>
                <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  <bdi dir="ltr">{u.email}</bdi> · {t('homes.admin.invitedOn')}{' '}
                  <DateText value={u.invitedAt} withTime={false} />
                </Text>
              </HomeItem>
            ))}
          </HomeList>
        </>
      )}
      {data.proposals > 0 && (
        <Text fz="sm">{t('homes.admin.proposals', { count: data.proposals })}</Text>
      )}
    </HomeBlock>
  );
}

function Failures({ data }: { data: Data }) {
  const { t } = useTranslation();
  const failed = data.failedJobs + data.outbox.failed;
  return (
    <HomeBlock title={t('homes.admin.failuresTitle')} count={failed}>
      <HomeList label={t('homes.admin.failuresTitle')}>
        <HomeItem>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm">{t('homes.admin.failedJobs', { count: data.failedJobs })}</Text>
            <AnchorLink to="/jobs/failed" fz="sm" py={4}>
              {t('homes.admin.openJobs')}
            </AnchorLink>
          </Group>
        </HomeItem>
        <HomeItem>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm">{t('homes.admin.failedMail', { count: data.outbox.failed })}</Text>
            <AnchorLink to="/messages/outbox" search={{ status: 'failed' }} fz="sm" py={4}>
              {t('homes.admin.openOutboxFailed')}
            </AnchorLink>
          </Group>
        </HomeItem>
        <HomeItem>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm">{t('homes.admin.pendingMail', { count: data.outbox.pending })}</Text>
            <AnchorLink to="/messages/outbox" search={{ status: 'pending' }} fz="sm" py={4}>
              {t('homes.admin.openOutboxPending')}
            </AnchorLink>
          </Group>
        </HomeItem>
      </HomeList>
      {failed === 0 && (
        <Text fz="sm" c="dimmed">
          {t('homes.admin.failuresNone')}
        </Text>
      )}
    </HomeBlock>
  );
}

function Keys({ data, now }: { data: Data['keys']; now: number }) {
  const { t } = useTranslation();
  const age = (at: string) => Math.max(0, Math.floor((now - new Date(at).getTime()) / DAY_MS));
  return (
    <HomeBlock
      title={t('homes.admin.keysTitle')}
      footer={
        <AnchorLink to="/audit" fz="sm" py={4}>
          {t('homes.admin.openAudit')}
        </AnchorLink>
      }
    >
      <HomeList label={t('homes.admin.keysTitle')}>
        <HomeItem>
          <Text fz="sm" fw={600}>
            {t('homes.admin.certificateKeys')}
          </Text>
          {data.certificates.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('homes.admin.noCertificateKey')}
            </Text>
          ) : (
            data.certificates.map((k) => (
              <Group key={k.id} gap="xs" wrap="wrap">
                <Code dir="ltr">{k.id}</Code>
                <Badge color={STATE_COLOR[k.retiredAt ? 'off' : 'on']}>
                  {k.retiredAt ? t('homes.admin.retired') : t('homes.admin.signing')}
                </Badge>
                <Text fz="xs" c="dimmed">
                  {k.algorithm} · {t('homes.admin.ageDays', { count: age(k.createdAt) })} ·{' '}
                  <Fingerprint value={k.fingerprint} />
                </Text>
              </Group>
            ))
          )}
        </HomeItem>
        <HomeItem>
          <Text fz="sm" fw={600}>
            {t('homes.admin.auditKey')}
          </Text>
          {data.audit ? (
            <Text fz="xs" c="dimmed">
              <Fingerprint value={data.audit.fingerprint} /> ·{' '}
              {t('homes.admin.inUseDays', { count: age(data.audit.firstUsedAt) })} ·{' '}
              {t('homes.admin.lastCheckpoint')} <DateText value={data.audit.lastCheckpointAt} />
            </Text>
          ) : (
            <Text fz="sm" c="dimmed">
              {t('homes.admin.noCheckpoint')}
            </Text>
          )}
        </HomeItem>
      </HomeList>
    </HomeBlock>
  );
}

function Backups({ data, version }: { data: Data['backups']; version: string }) {
  const { t } = useTranslation();
  return (
    <HomeBlock title={t('homes.admin.backupsTitle')}>
      <HomeList label={t('homes.admin.backupsTitle')}>
        <HomeItem>
          <Group gap="xs" wrap="wrap">
            <Text fz="sm">{t('homes.admin.walArchiving')}</Text>
            <Badge color={STATE_COLOR[data.walArchiving ? 'on' : 'off']}>
              {data.walArchiving ? t('homes.admin.on') : t('homes.admin.off')}
            </Badge>
          </Group>
          {data.walArchiving && (
            <Text fz="xs" c="dimmed">
              {t('homes.admin.lastArchived')} <DateText value={data.lastArchivedAt} />
              {data.lastArchiveFailedAt && (
                <>
                  {' · '}
                  {t('homes.admin.lastArchiveFailed')} <DateText value={data.lastArchiveFailedAt} />
                </>
              )}
            </Text>
          )}
        </HomeItem>
        <HomeItem>
          <Text fz="sm">{t('homes.admin.backupNotRecorded')}</Text>
          <Code
            block
            dir="ltr"
            fz="xs"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            rabita backup /var/backups/rabita/$(date +%F)
          </Code>
        </HomeItem>
        <HomeItem>
          <Group gap="xs">
            <Text fz="sm">{t('homes.admin.version')}</Text>
            <Code dir="ltr" data-testid="version">
              {version}
            </Code>
          </Group>
        </HomeItem>
      </HomeList>
    </HomeBlock>
  );
}

/** The administrator's desk: what waits, what failed, the keys, backups and the release. */
export function AdministrationHome() {
  const { t } = useTranslation();
  const query = useQuery(administrationHomeQuery);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <UsersWaiting data={data.usersWaiting} />
      <Failures data={data} />
      <Keys data={data.keys} now={query.dataUpdatedAt} />
      <Backups data={data.backups} version={data.version} />
    </SimpleGrid>
  );
}
