import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMailOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedVisaLetter, SessionLecturerLetters } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { api } from '../../lib/api.js';
import { letterPdfUrl } from '../visa-letters/api.js';

/** An address keeps its own direction inside an Arabic sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;
const path = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}`;

/**
 * The invitation letters of a session's lecturers, for centre staff: what each lacks, the
 * letter to issue (or issue again when their data changed), and its PDF.
 */
export function LecturerLettersPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['lecturer-letters', code] as const;
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api<SessionLecturerLetters>(`${path(code)}/lecturer-letters`, { signal }),
  });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = query.data?.rows ?? [];
  if (rows.length === 0 && !query.error) return null;

  async function issue(assignmentId: string) {
    setError(null);
    setNotice(null);
    try {
      const issued = await api<IssuedVisaLetter>(
        `${path(code)}/lecturers/${assignmentId}/visa-letter`,
        { method: 'POST' },
      );
      await queryClient.invalidateQueries({ queryKey: key });
      // Not sent for want of an e-mail is said where it stays readable, not in a passing toast.
      if (issued.sentTo) {
        notifications.show({
          color: 'teal',
          message: t('agenda.letterSentTo', { to: isolate(issued.sentTo) }),
        });
      } else {
        setNotice(t('agenda.letterNotSentNoEmail'));
      }
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lecturer-letters">
      <Title order={2} fz="lg" mb="xs" id="lecturer-letters">
        {t('agenda.letters')}
      </Title>
      <ProblemAlert error={query.error ?? error} />
      {notice && (
        <Alert color="yellow" role="status" mb="sm" icon={<IconMailOff size={18} aria-hidden />}>
          {notice}
        </Alert>
      )}
      <Stack gap="xs">
        {rows.map((row) => (
          <Group key={row.assignmentId} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text fz="sm" fw={600}>
                {row.nameLatin}
              </Text>
              {row.letter && (
                <Text fz="sm" c="dimmed">
                  {row.sentTo ? (
                    t('agenda.sentTo', { to: isolate(row.sentTo) })
                  ) : (
                    <Text span fz="sm" c="orange.9">
                      {row.hasEmail ? t('agenda.notSentYet') : t('agenda.notSentNoEmail')}
                    </Text>
                  )}
                </Text>
              )}
              {row.missing.length > 0 && (
                <Text fz="sm" c="dimmed">
                  {t('agenda.lettersMissing', {
                    fields: row.missing.map((m) => t(`agenda.missing.${m}`)).join(', '),
                  })}
                </Text>
              )}
            </Stack>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                disabled={row.missing.length > 0}
                onClick={() => void issue(row.assignmentId)}
                aria-label={t('agenda.issueFor', { name: row.nameLatin })}
              >
                {t('agenda.issue')}
              </Button>
              {row.letter && (
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={letterPdfUrl(row.letter.id)}
                  download
                  leftSection={<IconDownload size={14} aria-hidden />}
                  aria-label={t('agenda.letterPdfFor', { name: row.nameLatin })}
                >
                  PDF
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
