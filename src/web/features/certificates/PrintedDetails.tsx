import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedCertificate } from '../../../contract/index.js';
import { printableName } from '../../../contract/person-names.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';

/** A text as printed: English, then the certificate's second language in its own direction. */
function Both({ en, other, lang }: { en: string; other: string | null; lang: 'ar' | 'fr' }) {
  return (
    <>
      <Text span display="block" lang="en" dir="ltr" fz="inherit">
        {en}
      </Text>
      {other && (
        <Text span display="block" lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'} fz="inherit">
          {other}
        </Text>
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Everything a certificate prints, and nothing more. */
export function PrintedDetails({ printed }: { printed: PrintedCertificate }) {
  const { t } = useTranslation();
  const lang = printed.languages[1];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        <Row label={t('activityKinds.kindLabel')}>
          {/* Certificates issued before activity kinds carry no award: they are of completion. */}
          {t(`activityKinds.certificateKind.${printed.award ?? 'completion'}`)}
          {printed.activity.type && (
            <Text span display="block" c="dimmed" fz="sm">
              {t(`activityType.${printed.activity.type}`)}
              {printed.role ? ` · ${t(`activityKinds.roles.${printed.role}`)}` : ''}
            </Text>
          )}
        </Row>
        <Row label={t('certificates.holder')}>
          <Text span display="block" fw={600} dir="ltr" fz="inherit">
            {printableName(printed.participant.latin)}
          </Text>
          {printed.participant.arabic && (
            <Text span display="block" fw={600} lang="ar" dir="rtl" fz="inherit">
              {printableName(printed.participant.arabic)}
            </Text>
          )}
        </Row>
        <Row label={t('certificates.course')}>
          <Both en={printed.activity.title.en} other={printed.activity.title.other} lang={lang} />
          <Text span c="dimmed" fz="xs" ff="monospace">
            <bdi dir="ltr">{printed.activity.code}</bdi>
          </Text>
        </Row>
        <Row label={t('certificates.session')}>
          <Text span ff="monospace" fz="inherit">
            <bdi dir="ltr">{printed.session.code}</bdi>
          </Text>
        </Row>
        <Row label={t('certificates.dates')}>
          <DateRangeText start={printed.session.startDate} end={printed.session.endDate} />
        </Row>
        <Row label={t('certificates.venue')}>
          <Both en={printed.session.venue.en} other={printed.session.venue.other} lang={lang} />
        </Row>
        <Row label={t('certificates.issuedOn')}>
          <DateText value={printed.issuedOn} />
        </Row>
        <Row label={t('certificates.issuer')}>
          <Both en={printed.issuer.en} other={printed.issuer.other} lang={lang} />
        </Row>
        <Row label={t('certificates.id')}>
          <Text span ff="monospace" fz="sm">
            <bdi dir="ltr">{printed.id}</bdi>
          </Text>
        </Row>
      </Table.Tbody>
    </Table>
  );
}
