import { Button, Group, Paper, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionReport } from '../../../contract/index.js';
import { reportQuery, saveReportComments } from './api.js';
import { ResultsProblem } from './ResultsProblem.js';

/** The course director's comments: editable by them and the centre, read by everyone else. */
export function CommentsEditor({ code, report }: { code: string; report: SessionReport }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(report.directorComments ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await saveReportComments(code, text);
      queryClient.setQueryData(reportQuery(code).queryKey, next);
      notifications.show({
        color: 'teal',
        message: t('report.commentsSaved'),
        closeButtonProps: { 'aria-label': t('results.close') },
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('report.comments')}
      </Title>
      {report.canEditComments ? (
        <form onSubmit={(event) => void save(event)} noValidate>
          <Textarea
            label={t('report.commentsLabel')}
            description={t('report.commentsHelp')}
            autosize
            minRows={4}
            maxLength={10000}
            value={text}
            dir="auto"
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <ResultsProblem error={error} />
          <Group mt="sm">
            <Button
              type="submit"
              loading={busy}
              disabled={text === (report.directorComments ?? '')}
            >
              {t('report.saveComments')}
            </Button>
          </Group>
        </form>
      ) : (
        <Text
          fz="sm"
          style={{ whiteSpace: 'pre-wrap' }}
          dir="auto"
          c={report.directorComments ? undefined : 'dimmed'}
        >
          {report.directorComments ?? t('report.noComments')}
        </Text>
      )}
    </Paper>
  );
}
