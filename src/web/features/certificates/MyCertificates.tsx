import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateRangeText } from '../../components/DateRangeText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { myCertificatesQuery, pdfUrl } from './api.js';

/**
 * The signed-in participant's own certificates, newest first: download the PDF or the badge,
 * open the public verification page. Revoked ones stay listed, marked so.
 */
export function MyCertificates() {
  const { t } = useTranslation();
  const query = useQuery(myCertificatesQuery);
  const locale = currentLocale();
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (query.data.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        {t('certificates.mineEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" aria-label={t('certificates.mine')}>
      {query.data.map((certificate) => {
        const { printed } = certificate;
        const title =
          locale !== 'en' && printed.languages[1] === locale && printed.activity.title.other
            ? printed.activity.title.other
            : printed.activity.title.en;
        return (
          <Card key={certificate.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Group gap="xs">
                  <IconCertificate size={18} aria-hidden />
                  <Text fw={600}>{title}</Text>
                  {certificate.revokedAt ? (
                    <Badge color="red.8">{t('certificates.revoked')}</Badge>
                  ) : (
                    <Badge color="teal.9">{t('certificates.valid')}</Badge>
                  )}
                </Group>
                <Text fz="sm" c="dimmed">
                  <bdi dir="ltr">{printed.session.code}</bdi> ·{' '}
                  <DateRangeText start={printed.session.startDate} end={printed.session.endDate} />
                </Text>
              </Stack>
              {!certificate.revokedAt && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    component="a"
                    href={pdfUrl(certificate.id)}
                    download
                    leftSection={<IconDownload size={14} aria-hidden />}
                  >
                    {t('certificates.downloadPdf')}
                  </Button>
                  {/* The Open Badges file is for staff's systems; a participant shares the
                      verification page instead, which anyone can open. */}
                  <Anchor href={`/verify/${certificate.id}`} fz="sm" target="_blank">
                    {t('certificates.verifyLink')}
                  </Anchor>
                  <Text fz="xs" c="dimmed" w="100%">
                    {t('names.certificates.share')}
                  </Text>
                </Group>
              )}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
