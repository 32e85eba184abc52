import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ParticipantHome } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { pdfUrl } from '../certificates/api.js';
import { RESULT_COLOR } from '../results/labels.js';
import { HomeBlock, HomeItem, HomeList, PARTICIPANT_TARGET as TARGET } from './HomeBlock.js';

type Past = ParticipantHome['past'][number];

function CertificateOf({ item }: { item: Past }) {
  const { t } = useTranslation();
  if (item.certificate && !item.certificate.revoked) {
    const id = item.certificate.id;
    return (
      <Group gap="sm" wrap="wrap" mt={4}>
        <Button
          component="a"
          href={pdfUrl(id)}
          download
          h={TARGET}
          leftSection={<IconDownload size={18} aria-hidden />}
          aria-label={t('homes.training.downloadOf', { code: item.code })}
        >
          {t('homes.training.download')}
        </Button>
        <Anchor href={`/verify/${id}`} target="_blank" fz="sm" py={12} display="inline-block">
          {t('homes.training.verify')}
        </Anchor>
      </Group>
    );
  }
  if (item.certificate?.revoked) {
    return (
      <Text fz="sm" c="red.9">
        {t('homes.training.revoked')}
      </Text>
    );
  }
  if (item.result === 'completed') {
    return (
      <Text fz="sm" c="dimmed">
        {t('homes.training.notIssued')}
      </Text>
    );
  }
  return null;
}

/** The courses a participant took: each result, and its certificate or why there is none. */
export function CoursesTaken({ past }: { past: Past[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <HomeBlock
      title={t('homes.training.pastTitle')}
      count={past.length}
      empty={t('homes.training.pastEmpty')}
    >
      <div id="courses-taken">
        <HomeList label={t('homes.training.pastTitle')}>
          {past.map((p) => (
            <HomeItem key={p.nominationId}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} fz="sm">
                  {localized(p.activityTitle, locale)}
                </Text>
                {p.result ? (
                  <Badge color={RESULT_COLOR[p.result]}>{t(`results.status.${p.result}`)}</Badge>
                ) : (
                  <Badge color="gray.7">{t('homes.training.resultPending')}</Badge>
                )}
              </Group>
              <Text fz="sm" c="dimmed">
                <bdi dir="ltr">{p.code}</bdi> ·{' '}
                <DateRangeText start={p.startDate} end={p.endDate} />
              </Text>
              <CertificateOf item={p} />
            </HomeItem>
          ))}
        </HomeList>
      </div>
    </HomeBlock>
  );
}
