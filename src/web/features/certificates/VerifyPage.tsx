import { Alert, Button, FileInput, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCircleCheck, IconCircleX, IconFileCertificate } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PublicCheckPage } from '../../components/PublicCheckPage.js';
import { verificationQuery, verifyFile } from './api.js';
import { PrintedDetails } from './PrintedDetails.js';

/**
 * The verdict, said plainly first, then what the certificate prints when it can be trusted.
 * Outlined in the darkest shades: a light alert's coloured title fails contrast on its tint.
 */
export function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation();
  if (result.status === 'valid') {
    return (
      <Stack gap="sm">
        <Alert
          color="teal.9"
          variant="outline"
          icon={<IconCircleCheck aria-hidden />}
          title={t('certificates.valid')}
          role="status"
        >
          {t('certificates.validExplain')}
        </Alert>
        {result.certificate && <PrintedDetails printed={result.certificate} />}
      </Stack>
    );
  }
  if (result.status === 'revoked') {
    return (
      <Stack gap="sm">
        <Alert
          color="red.9"
          variant="outline"
          icon={<IconBan aria-hidden />}
          title={t('certificates.revoked')}
          role="status"
        >
          <Text fz="sm">
            {t('certificates.revokedOn')} <DateText value={result.revokedOn} />
          </Text>
          {result.reason && (
            <Text fz="sm">
              {t('certificates.reason')}: <bdi>{result.reason}</bdi>
            </Text>
          )}
        </Alert>
        {result.certificate && <PrintedDetails printed={result.certificate} />}
      </Stack>
    );
  }
  return (
    <Alert
      color="red.9"
      variant="outline"
      icon={<IconCircleX aria-hidden />}
      title={t('certificates.notValid')}
      role="status"
    >
      {t(
        result.status === 'invalid'
          ? 'certificates.invalidExplain'
          : 'certificates.notFoundExplain',
      )}
    </Alert>
  );
}

function IdCheck({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(verificationQuery(id));
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <VerificationResult result={query.data} />;
}

function FileCheck() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: verifyFile });
  return (
    <Stack gap="sm">
      <Title order={2} fz={18}>
        {t('certificates.checkFile')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('certificates.checkFileExplain')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) check.mutate(file);
        }}
      >
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('certificates.pdfFile')}
            accept="application/pdf"
            value={file}
            onChange={(value) => {
              setFile(value);
              check.reset();
            }}
            clearable
            miw={260}
          />
          <Button type="submit" disabled={!file} loading={check.isPending}>
            {t('certificates.check')}
          </Button>
        </Group>
      </form>
      {check.isError && <ProblemAlert error={check.error} />}
      {check.data && <VerificationResult result={check.data} />}
    </Stack>
  );
}

/**
 * The public verification page a certificate's QR code opens: no sign-in, in the reader's
 * language. It shows only what the certificate prints, and whether it is valid.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  return (
    <PublicCheckPage
      icon={<IconFileCertificate size={28} aria-hidden />}
      title={t('certificates.verifyTitle')}
    >
      {id && <IdCheck id={id} />}
      <FileCheck />
    </PublicCheckPage>
  );
}
