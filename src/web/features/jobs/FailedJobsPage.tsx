import { Button, Code, EmptyState, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FailedJob } from '../../../contract/jobs.js';
import { DateText } from '../../components/DateText.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { failedJobsQuery, jobKeys, retryJob } from './api.js';

/** What a job worked on, from its payload's ids: e.g. "outboxId 42". */
function subjectOf(job: FailedJob): string {
  return Object.entries(job.payload)
    .filter(([key]) => key !== '_cron')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}

/** Background jobs that used all their attempts, for an administrator to run again. */
export function FailedJobsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const failed = useQuery(failedJobsQuery);
  const retry = useMutation({
    mutationFn: retryJob,
    onSuccess: (job) => {
      notifications.show({
        color: 'green',
        message: t('messages.jobs.retried', {
          task: t(`messages.jobs.task.${job.task}`, job.task),
        }),
      });
      return queryClient.invalidateQueries({ queryKey: jobKeys.failed });
    },
  });
  const jobs = failed.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('messages.jobs.title')} description={t('messages.jobs.description')} />
      {failed.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={failed.error ?? retry.error} />
      {failed.data && jobs.length === 0 && (
        <EmptyState
          icon={<IconCircleCheck size={32} aria-hidden />}
          title={t('messages.jobs.emptyTitle')}
          description={t('messages.jobs.emptyHint')}
          py="xl"
        />
      )}
      {failed.data && failed.data.total > jobs.length && (
        <Text fz="sm" mb="sm">
          {t('messages.jobs.more', { shown: jobs.length, total: failed.data.total })}
        </Text>
      )}
      {jobs.length > 0 && (
        <ResponsiveTable minWidth={760}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('messages.jobs.failedAt')}</Table.Th>
                <Table.Th scope="col">{t('messages.jobs.job')}</Table.Th>
                <Table.Th scope="col">{t('messages.jobs.attempts')}</Table.Th>
                <Table.Th scope="col">{t('messages.jobs.lastError')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <DateText value={job.failedAt} withTime fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t(`messages.jobs.task.${job.task}`, job.task)}</Text>
                    <Text fz="xs" c="dimmed">
                      <bdi dir="ltr">{subjectOf(job)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {job.attempts} / {job.maxAttempts}
                  </Table.Td>
                  <Table.Td>
                    <Code dir="ltr" block style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>
                      {job.lastError ?? '—'}
                    </Code>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={retry.isPending && retry.variables === job.id}
                      onClick={() => retry.mutate(job.id)}
                    >
                      {t('messages.jobs.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </>
  );
}
