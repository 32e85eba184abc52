import { Badge, Button, EmptyState, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionVisaLetters, VisaLetterRow } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { errorMessage } from '../../lib/errors.js';
import { issueLetter, letterKeys, letterPdfUrl, sessionLettersQuery } from './api.js';

const OUTDATED_COLOR = 'orange.9';
const ISSUED_COLOR = 'teal.9';

const route = getRouteApi('/app/sessions/$code/visa-letters');

/**
 * A session's visa invitation letters: centre staff issue (or, when the data changed, replace)
 * each selected participant's letter; an NPOC reads and downloads their own nation's.
 */
export function SessionVisaLettersPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const list = useQuery(sessionLettersQuery(code));
  return (
    <>
      <PageHeader
        title={t('visaLetters.title', { code })}
        description={t('visaLetters.description')}
        above={
          <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
            {t('visaLetters.backToSession')}
          </AnchorLink>
        }
      />
      {list.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && <LetterTable data={list.data} />}
    </>
  );
}

function LetterState({ row }: { row: VisaLetterRow }) {
  const { t } = useTranslation();
  if (!row.letter) {
    if (row.missing.length > 0) {
      return (
        <Stack gap={0}>
          <Badge color="orange.9" variant="outline">
            {t('visaLetters.cannotIssue')}
          </Badge>
          {row.missing.map((m) => (
            <Text key={m} span fz="xs" c="dimmed">
              {t(`visaLetters.missing.${m}`)}
            </Text>
          ))}
        </Stack>
      );
    }
    return (
      <Text span c="dimmed" fz="sm">
        {t('visaLetters.none')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Badge
        color={row.outdated ? OUTDATED_COLOR : ISSUED_COLOR}
        variant={row.outdated ? 'outline' : 'filled'}
      >
        {row.outdated ? t('visaLetters.outdated') : t('visaLetters.issued')}
      </Badge>
      <Text span fz="xs" c="dimmed">
        <DateText value={row.letter.issuedAt} />
      </Text>
    </Stack>
  );
}

function LetterTable({ data }: { data: SessionVisaLetters }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [issuing, setIssuing] = useState<string | null>(null);
  if (data.rows.length === 0) {
    return (
      <EmptyState
        icon={<IconFileText size={32} aria-hidden />}
        title={t('visaLetters.emptyTitle')}
        description={t('visaLetters.emptyDescription')}
        py="xl"
      />
    );
  }
  async function issue(row: VisaLetterRow) {
    setIssuing(row.nominationId);
    try {
      const result = await issueLetter(row.nominationId);
      notifications.show({
        closeButtonProps: { 'aria-label': t('visaLetters.close') },
        color: 'teal',
        message: t(`visaLetters.outcome.${result.outcome}`),
      });
    } catch (error) {
      notifications.show({
        closeButtonProps: { 'aria-label': t('visaLetters.close') },
        color: 'red',
        message: errorMessage(error),
      });
    } finally {
      setIssuing(null);
      await queryClient.invalidateQueries({ queryKey: letterKeys.all });
    }
  }
  return (
    <ResponsiveTable minWidth={760} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('visaLetters.rowCount', { count: data.rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('visaLetters.participant')}</Table.Th>
            <Table.Th scope="col">{t('visaLetters.nation')}</Table.Th>
            <Table.Th scope="col">{t('visaLetters.requested')}</Table.Th>
            <Table.Th scope="col">{t('visaLetters.letter')}</Table.Th>
            <Table.Th scope="col">{t('visaLetters.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row) => {
            const name = `${row.givenNamesLatin} ${row.familyNameLatin}`;
            const live = row.letter;
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
                <Table.Td>
                  {t(`visaLetters.requestedAnswer.${row.requested ?? 'unknown'}`)}
                </Table.Td>
                <Table.Td>
                  <LetterState row={row} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {data.canIssue && (!live || row.outdated) && (
                      <Button
                        size="xs"
                        loading={issuing === row.nominationId}
                        disabled={issuing !== null && issuing !== row.nominationId}
                        onClick={() => void issue(row)}
                        aria-label={t(live ? 'visaLetters.reissueFor' : 'visaLetters.issueFor', {
                          name,
                        })}
                      >
                        {live ? t('visaLetters.reissue') : t('visaLetters.issue')}
                      </Button>
                    )}
                    {live && (
                      <>
                        <Button
                          size="xs"
                          variant="default"
                          component="a"
                          href={letterPdfUrl(live.id)}
                          download
                          leftSection={<IconDownload size={14} aria-hidden />}
                          aria-label={t('visaLetters.downloadFor', { name })}
                        >
                          PDF
                        </Button>
                        <AnchorLink
                          to="/verify/letter/$id"
                          params={{ id: live.id }}
                          fz="sm"
                          target="_blank"
                        >
                          {t('visaLetters.verifyLink')}
                        </AnchorLink>
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
  );
}
