import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck, IconShieldQuestion } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainStatus } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { auditChainQuery, requestAuditCheck } from './api.js';

type LastCheck = NonNullable<AuditChainStatus['lastCheck']>;

/**
 * What the last check of the audit chain found, when and how it was run, with a button to check
 * again now: the check runs in the background and this panel follows it until it reports.
 */
export function AuditChainPanel() {
  const { t } = useTranslation();
  const [waitingSince, setWaitingSince] = useState<string | null>(null);
  const chain = useQuery(auditChainQuery(waitingSince));
  const request = useMutation({
    mutationFn: requestAuditCheck,
    onSuccess: ({ requestedAt }) => setWaitingSince(requestedAt),
  });
  const check = chain.data?.lastCheck ?? null;
  const checking =
    waitingSince !== null && (!check || check.finishedAt < waitingSince) && !chain.error;

  return (
    <Stack gap="xs" mb="lg">
      <ProblemAlert error={chain.error ?? request.error} />
      {chain.data && <CheckResult check={check} />}
      {chain.data && (
        <Text fz="sm" c="dimmed">
          {chain.data.lastCheckpoint ? (
            <>
              {t('audit.chain.lastCheckpoint', { seq: chain.data.lastCheckpoint.seq })}{' '}
              <DateText value={chain.data.lastCheckpoint.signedAt} withTime />
            </>
          ) : (
            t('audit.chain.noCheckpoint')
          )}{' '}
          <Anchor href="/api/v1/audit/checkpoints" download fz="sm" underline="always">
            {t('audit.chain.export')}
          </Anchor>
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="sm"
          onClick={() => request.mutate()}
          loading={request.isPending}
          disabled={checking}
        >
          {t('audit.chain.checkNow')}
        </Button>
        {checking && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text fz="sm">{t('audit.chain.checking')}</Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

function CheckResult({ check }: { check: LastCheck | null }) {
  const { t } = useTranslation();
  if (!check)
    return (
      <Alert
        role="status"
        color="gray.8"
        variant="outline"
        icon={<IconShieldQuestion aria-hidden />}
        title={t('audit.chain.neverTitle')}
      >
        {t('audit.chain.neverHint')}
      </Alert>
    );
  const when = (
    <>
      <DateText value={check.finishedAt} withTime /> ({t(`audit.chain.source.${check.source}`)})
    </>
  );
  if (check.intact)
    return (
      <Alert
        role="status"
        color="teal.9"
        variant="outline"
        icon={<IconShieldCheck aria-hidden />}
        title={t('audit.chain.intactTitle')}
      >
        {t('audit.chain.intact', { count: check.records, checkpoints: check.checkpoints })}{' '}
        {t('audit.chain.checkedAt')} {when}
      </Alert>
    );
  const problem = check.problem;
  return (
    <Alert
      color="red.9"
      variant="outline"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('audit.chain.brokenTitle')}
    >
      <Text fz="sm">
        {problem
          ? t(`audit.chain.problem.${problem.kind}`, {
              seq: problem.seq,
              record: problem.recordId ?? '—',
            })
          : null}
      </Text>
      <Text fz="sm" mt={4}>
        {t('audit.chain.brokenHint')} {t('audit.chain.checkedAt')} {when}
      </Text>
    </Alert>
  );
}
