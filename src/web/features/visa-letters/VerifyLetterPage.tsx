import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import { IconBan, IconCircleCheck, IconCircleX, IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterText, PrintedVisaLetter } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PublicCheckPage } from '../../components/PublicCheckPage.js';
import { letterVerificationQuery } from './api.js';

const VALID_COLOR = 'teal.9';
const REVOKED_COLOR = 'red.9';
const LANGUAGE_DIRECTION = { en: 'ltr', ar: 'rtl', fr: 'ltr' } as const;

/** A text as printed: each of the letter's languages in its own direction. */
function Printed({ text }: { text: LetterText }) {
  return (
    <>
      {(['en', 'ar', 'fr'] as const).map((lang) =>
        text[lang] ? (
          <Text
            key={lang}
            span
            display="block"
            lang={lang}
            dir={LANGUAGE_DIRECTION[lang]}
            fz="inherit"
          >
            {text[lang]}
          </Text>
        ) : null,
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Everything a letter prints, and nothing more. */
function LetterDetails({ letter }: { letter: PrintedVisaLetter }) {
  const { t } = useTranslation();
  const who = letter.participant;
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        <Row label={t('visaLetters.passportName')}>
          <Text span display="block" fw={600} dir="ltr" fz="inherit">
            {who.rank ? `${who.rank} ` : ''}
            {who.passportName}
          </Text>
          {who.arabicName && (
            <Text span display="block" fw={600} lang="ar" dir="rtl" fz="inherit">
              {who.arabicName}
            </Text>
          )}
        </Row>
        <Row label={t('visaLetters.passportNumber')}>
          <Text span ff="monospace" fz="inherit">
            <bdi dir="ltr">{who.passportNumber}</bdi>
          </Text>
        </Row>
        <Row label={t('visaLetters.nationality')}>
          <Printed text={who.nationality} />
        </Row>
        {who.dateOfBirth && (
          <Row label={t('visaLetters.dateOfBirth')}>
            <DateText value={who.dateOfBirth} />
          </Row>
        )}
        <Row label={t('visaLetters.purpose')}>
          <Printed text={letter.session.activityTitle} />
          <Text span c="dimmed" fz="xs" ff="monospace">
            <bdi dir="ltr">{letter.session.code}</bdi>
          </Text>
        </Row>
        <Row label={t('visaLetters.dates')}>
          <DateRangeText start={letter.session.startDate} end={letter.session.endDate} />
        </Row>
        <Row label={t('visaLetters.venue')}>
          <Printed text={letter.session.venue} />
        </Row>
        <Row label={t('visaLetters.issuer')}>
          <Printed text={letter.issuer.name} />
          <Text span c="dimmed" fz="xs">
            <Printed text={letter.issuer.address} />
          </Text>
        </Row>
        <Row label={t('visaLetters.issuedOn')}>
          <DateText value={letter.issuedOn} />
        </Row>
        <Row label={t('visaLetters.id')}>
          <Text span ff="monospace" fz="sm">
            <bdi dir="ltr">{letter.id}</bdi>
          </Text>
        </Row>
      </Table.Tbody>
    </Table>
  );
}

function Check({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(letterVerificationQuery(id));
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const result = query.data;
  if (result.status === 'valid' || result.status === 'revoked') {
    const valid = result.status === 'valid';
    return (
      <Stack gap="sm">
        <Alert
          color={valid ? VALID_COLOR : REVOKED_COLOR}
          variant="outline"
          icon={valid ? <IconCircleCheck aria-hidden /> : <IconBan aria-hidden />}
          title={valid ? t('visaLetters.valid') : t('visaLetters.revoked')}
          role="status"
        >
          {valid ? (
            t('visaLetters.validExplain')
          ) : (
            <>
              <Text fz="sm">
                {t('visaLetters.revokedOn')} <DateText value={result.revokedOn} />
              </Text>
              {result.reason && (
                <Text fz="sm">
                  {t('visaLetters.reason')}: <bdi>{result.reason}</bdi>
                </Text>
              )}
            </>
          )}
        </Alert>
        {result.letter && <LetterDetails letter={result.letter} />}
      </Stack>
    );
  }
  return (
    <Alert
      color="red.9"
      variant="outline"
      icon={<IconCircleX aria-hidden />}
      title={t('visaLetters.notValid')}
      role="status"
    >
      {t(
        result.status === 'invalid' ? 'visaLetters.invalidExplain' : 'visaLetters.notFoundExplain',
      )}
    </Alert>
  );
}

/**
 * The public page a letter's QR code opens: no sign-in, in the reader's language; it shows
 * only what the letter prints, and whether it is still valid.
 */
export function VerifyLetterPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  return (
    <PublicCheckPage
      icon={<IconFileText size={28} aria-hidden />}
      title={t('visaLetters.verifyTitle')}
    >
      {id && <Check id={id} />}
    </PublicCheckPage>
  );
}
