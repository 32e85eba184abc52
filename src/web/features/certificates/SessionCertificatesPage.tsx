import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDownload, IconFileZip } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionCertificateRow, SessionCertificates } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { useCan } from '../auth/session.js';
import {
  badgeUrl,
  certificateKeys,
  issueCertificate,
  pdfUrl,
  revokeCertificate,
  sessionCertificatesQuery,
  zipUrl,
} from './api.js';
import { RevokeModal } from './RevokeModal.js';

const route = getRouteApi('/app/sessions/$code/certificates');

const isLive = (row: SessionCertificateRow) =>
  row.certificate !== null && row.certificate.revokedAt === null;
const isIssuable = (row: SessionCertificateRow) => row.qualifies && !isLive(row);

/**
 * A session's participants with their results and certificates: issue one or all completed
 * (one request each, so the progress shows), download, and revoke with a reason.
 */
export function SessionCertificatesPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const list = useQuery(sessionCertificatesQuery(code));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: certificateKeys.all });

  async function issueAll(rows: SessionCertificateRow[]) {
    const pending = rows.filter(isIssuable);
    setFailures([]);
    setProgress({ done: 0, total: pending.length });
    const failed: string[] = [];
    for (const [index, row] of pending.entries()) {
      try {
        await issueCertificate(row.nominationId);
      } catch (error) {
        // Someone else issued it meanwhile: nothing is missing.
        if (!isApiError(error, 'already_certified')) {
          failed.push(`${row.givenNamesLatin} ${row.familyNameLatin}: ${errorMessage(error)}`);
        }
      }
      setProgress({ done: index + 1, total: pending.length });
    }
    setFailures(failed);
    setProgress(null);
    await refresh();
    notifications.show({
      closeButtonProps: { 'aria-label': t('certificates.close') },
      color: failed.length ? 'orange' : 'teal',
      message: t('certificates.issuedCount', { count: pending.length - failed.length }),
    });
  }

  const data = list.data;
  const live = data?.rows.filter(isLive).length ?? 0;
  return (
    <>
      <PageHeader
        title={t('certificates.title', { code })}
        description={t('certificates.description')}
        above={
          <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
            {t('certificates.backToSession')}
          </AnchorLink>
        }
        actions={
          data && (
            <>
              {can('certificates.issue') && data.issuable > 0 && (
                <Button
                  leftSection={<IconCertificate size={16} aria-hidden />}
                  loading={progress !== null}
                  onClick={() => void issueAll(data.rows)}
                >
                  {t('certificates.issueAll', { count: data.issuable })}
                </Button>
              )}
              {can('certificates.issue') && live > 0 && (
                <Button
                  component="a"
                  href={zipUrl(code)}
                  download
                  variant="default"
                  leftSection={<IconFileZip size={16} aria-hidden />}
                >
                  {t('certificates.downloadZip')}
                </Button>
              )}
            </>
          )
        }
      />
      {progress && (
        <Stack gap={4} mb="md" role="status">
          <Text fz="sm">
            {t('certificates.issuing', { done: progress.done, total: progress.total })}
          </Text>
          <Progress
            value={progress.total ? (progress.done / progress.total) * 100 : 100}
            aria-label={t('certificates.issuing', { done: progress.done, total: progress.total })}
            animated
          />
        </Stack>
      )}
      {failures.length > 0 && (
        <Alert color="red" title={t('certificates.someFailed')} mb="md">
          {failures.map((line) => (
            <Text key={line} fz="sm">
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {data?.award === 'none' && (
        <Alert color="gray" title={t('activityKinds.noCertificateTitle')}>
          {t('activityKinds.noCertificate', { type: t(`activityType.${data.activityType}`) })}
        </Alert>
      )}
      {data?.award === 'attendance' && (
        <Text fz="sm" mb="sm">
          {t('activityKinds.awardAttendance')}
        </Text>
      )}
      {data && data.award !== 'none' && (
        <CertificateTable data={data} busy={progress !== null} onChange={refresh} />
      )}
    </>
  );
}

function CertificateTable({
  data,
  busy,
  onChange,
}: {
  data: SessionCertificates;
  busy: boolean;
  onChange: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [revoking, setRevoking] = useState<SessionCertificateRow | null>(null);
  const [issuing, setIssuing] = useState<string | null>(null);
  const attendance = data.award === 'attendance';
  if (data.rows.length === 0) {
    return (
      <EmptyState
        icon={<IconCertificate size={32} aria-hidden />}
        title={t('certificates.emptyTitle')}
        description={t('certificates.emptyDescription')}
        py="xl"
      />
    );
  }
  async function issueOne(row: SessionCertificateRow) {
    setIssuing(row.nominationId);
    try {
      await issueCertificate(row.nominationId);
      notifications.show({
        closeButtonProps: { 'aria-label': t('certificates.close') },
        color: 'teal',
        message: t('certificates.issuedCount', { count: 1 }),
      });
    } catch (error) {
      notifications.show({
        closeButtonProps: { 'aria-label': t('certificates.close') },
        color: 'red',
        message: errorMessage(error),
      });
    } finally {
      setIssuing(null);
      await onChange();
    }
  }
  return (
    <>
      <ResponsiveTable minWidth={860} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('certificates.rowCount', { count: data.rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('certificates.participant')}</Table.Th>
              <Table.Th scope="col">{t('certificates.nation')}</Table.Th>
              {attendance && <Table.Th scope="col">{t('activityKinds.role')}</Table.Th>}
              <Table.Th scope="col">
                {attendance ? t('activityKinds.attended') : t('certificates.resultColumn')}
              </Table.Th>
              <Table.Th scope="col">{t('certificates.certificate')}</Table.Th>
              <Table.Th scope="col">{t('certificates.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => {
              const name = `${row.givenNamesLatin} ${row.familyNameLatin}`;
              const certificate = row.certificate;
              return (
                <Table.Tr key={row.nominationId}>
                  <Table.Th scope="row" fw={500}>
                    <bdi dir="ltr">{name}</bdi>
                    {row.nameArabic && (
                      <Text span display="block" fz="sm" lang="ar" dir="rtl">
                        {row.nameArabic}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <bdi dir="ltr">{row.nationCode}</bdi>
                  </Table.Td>
                  {attendance && (
                    <Table.Td>{row.role ? t(`activityKinds.roles.${row.role}`) : '—'}</Table.Td>
                  )}
                  {attendance ? (
                    <Table.Td>
                      <Badge color={row.qualifies ? 'teal.9' : 'gray'} variant="outline">
                        {row.qualifies
                          ? t('activityKinds.attended')
                          : t('activityKinds.notAttended')}
                      </Badge>
                    </Table.Td>
                  ) : (
                    <Table.Td>
                      {row.result ? (
                        <Badge
                          color={row.result === 'completed' ? 'teal.9' : 'gray'}
                          variant="outline"
                        >
                          {t(`certificates.result.${row.result}`)}
                        </Badge>
                      ) : (
                        <Text span c="dimmed" fz="sm">
                          {t('certificates.noResult')}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    {!certificate && (
                      <Text span c="dimmed" fz="sm">
                        {t('certificates.none')}
                      </Text>
                    )}
                    {certificate && !certificate.revokedAt && (
                      <Stack gap={0}>
                        <Badge color="teal.9">{t('certificates.valid')}</Badge>
                        <Text span fz="xs" c="dimmed">
                          <DateText value={certificate.issuedAt} />
                        </Text>
                      </Stack>
                    )}
                    {certificate?.revokedAt && (
                      <Stack gap={0}>
                        <Badge color="red.8">{t('certificates.revoked')}</Badge>
                        <Text span fz="xs" c="dimmed">
                          <bdi>{certificate.revokeReason}</bdi>
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {can('certificates.issue') && isIssuable(row) && (
                        <Button
                          size="xs"
                          disabled={busy}
                          loading={issuing === row.nominationId}
                          onClick={() => void issueOne(row)}
                        >
                          {t('certificates.issue')}
                        </Button>
                      )}
                      {certificate && !certificate.revokedAt && (
                        <>
                          <Button
                            size="xs"
                            variant="default"
                            component="a"
                            href={pdfUrl(certificate.id)}
                            download
                            leftSection={<IconDownload size={14} aria-hidden />}
                            aria-label={t('certificates.downloadPdfFor', { name })}
                          >
                            PDF
                          </Button>
                          <Anchor href={badgeUrl(certificate.id)} fz="sm" download>
                            {t('certificates.badge')}
                          </Anchor>
                          <Anchor href={`/verify/${certificate.id}`} fz="sm" target="_blank">
                            {t('certificates.verifyLink')}
                          </Anchor>
                          {can('certificates.revoke') && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red.8"
                              onClick={() => setRevoking(row)}
                              aria-label={t('certificates.revokeFor', { name })}
                            >
                              {t('certificates.revoke')}
                            </Button>
                          )}
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
      {revoking?.certificate && (
        <RevokeModal
          name={`${revoking.givenNamesLatin} ${revoking.familyNameLatin}`}
          onClose={() => setRevoking(null)}
          onRevoke={async (reason) => {
            if (!revoking.certificate) return;
            await revokeCertificate(revoking.certificate.id, { reason });
            notifications.show({
              closeButtonProps: { 'aria-label': t('certificates.close') },
              color: 'teal',
              message: t('certificates.revokedDone'),
            });
            await onChange();
          }}
        />
      )}
    </>
  );
}
