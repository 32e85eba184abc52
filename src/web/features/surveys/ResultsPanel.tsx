import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult, SurveyRespondent, SurveyResults } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { remindSurvey, resultsQuery, surveyKeys } from './api.js';
import { BarChart, percentOf } from './BarChart.js';
import { surveyErrorMessage } from './errors.js';

function QuestionCard({ question, number }: { question: QuestionResult; number: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const text = `${number}. ${localized(question.text, locale)}`;
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="md" mb={4}>
        {text}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('surveys.results.answeredCount', { count: question.answered })}
        {question.mean !== null && (
          <>
            {' · '}
            <Text span fw={700} c="dark" fz="sm">
              {t('surveys.results.mean', { value: question.mean.toFixed(2) })}
            </Text>
          </>
        )}
      </Text>
      {question.distribution && (
        <BarChart
          caption={text}
          total={question.answered}
          bars={question.distribution.map((count, i) => ({
            label: t(`surveys.scale.${i + 1}`, { n: i + 1 }),
            count,
          }))}
        />
      )}
      {question.options && (
        <BarChart
          caption={text}
          total={question.answered}
          bars={question.options.map((o) => ({ label: localized(o.text, locale), count: o.count }))}
        />
      )}
      {question.texts &&
        (question.texts.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('surveys.results.noText')}
          </Text>
        ) : (
          <List spacing={4} fz="sm">
            {question.texts.map((answer, i) => (
              // Free text has no id and may repeat; its place in the list is its identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
                <bdi>{answer}</bdi>
              </List.Item>
            ))}
          </List>
        ))}
    </Paper>
  );
}

function NonRespondents({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  if (results.nonRespondents === null) {
    return (
      <Alert color="gray" title={t('surveys.results.anonymousTitle')}>
        {t('surveys.results.anonymousNote')}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="md" mb="xs">
        {t('surveys.results.nonRespondents', { count: results.nonRespondents.length })}
      </Title>
      {results.nonRespondents.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('surveys.results.everyoneAnswered')}
        </Text>
      ) : (
        <ResponsiveTable minWidth={420}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.results.name')}</Table.Th>
                <Table.Th>{t('surveys.results.nation')}</Table.Th>
                <Table.Th>{t('surveys.results.lastReminder')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.nonRespondents.map((person) => (
                <Table.Tr key={`${person.nominationId}-${person.respondent}`}>
                  <Table.Td>
                    <bdi dir="ltr">{person.name}</bdi>
                    {person.nameArabic && (
                      <Text span c="dimmed" ms={8} lang="ar">
                        <bdi dir="rtl">{person.nameArabic}</bdi>
                      </Text>
                    )}
                    {person.email && (
                      <Text fz="xs" c="dimmed">
                        <bdi dir="ltr">{person.email}</bdi>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{person.nationCode}</Table.Td>
                  <Table.Td>
                    <DateText value={person.lastReminderAt} timeZone={results.timeZone} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </Paper>
  );
}

/** One level's results: the response rate, a chart per question, and who has not answered. */
export function ResultsPanel({ code, level }: { code: string; level: 1 | 3 }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [respondent, setRespondent] = useState<SurveyRespondent>('participant');
  const query = useQuery(resultsQuery(code, level, respondent));
  const remind = useMutation({
    mutationFn: () => remindSurvey(code, level),
    onSuccess: (result) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('surveys.close') },
        color: 'teal',
        message: t('surveys.results.reminded', { count: result.reminded, skipped: result.skipped }),
      });
      return queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const results = query.data;
  if (!results.template) {
    return <Alert color="gray">{t('surveys.results.noTemplate')}</Alert>;
  }
  const counts = respondent === 'supervisor' ? results.supervisors : results.participants;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} fz="lg">
                {localized(results.template.title, locale)}
              </Title>
              {results.template.anonymous && (
                <Badge variant="light" color="gray">
                  {t('surveys.anonymous')}
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {t('surveys.results.due')}{' '}
              <DateText value={results.dueAt} timeZone={results.timeZone} />
            </Text>
          </Stack>
          <Group gap="xs">
            <ExportMenu
              path={`/api/v1/sessions/${encodeURIComponent(code)}/surveys/${level}/results/export`}
              filters={{ respondent }}
            />
            {results.canRemind && (
              <Button variant="light" loading={remind.isPending} onClick={() => remind.mutate()}>
                {t('surveys.results.remind')}
              </Button>
            )}
          </Group>
        </Group>
        {remind.isError && (
          <Alert color="red" role="alert" mt="sm">
            {surveyErrorMessage(remind.error)}
          </Alert>
        )}
        {results.askSupervisor && (
          <SegmentedControl
            mt="sm"
            value={respondent}
            onChange={(value) => setRespondent(value as SurveyRespondent)}
            data={[
              { value: 'participant', label: t('surveys.results.participants') },
              { value: 'supervisor', label: t('surveys.results.supervisors') },
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
          <div>
            <Text fz="xs" c="dimmed">
              {t('surveys.results.invited')}
            </Text>
            <Text fz="xl" fw={700}>
              {counts.invited}
            </Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('surveys.results.answered')}
            </Text>
            <Text fz="xl" fw={700}>
              {counts.answered}
            </Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('surveys.results.rate')}
            </Text>
            <Text fz="xl" fw={700}>
              {results.responseRate === null
                ? '—'
                : t('surveys.results.percent', {
                    value: percentOf(counts.answered, counts.invited),
                  })}
            </Text>
          </div>
        </SimpleGrid>
      </Paper>
      {results.nation && (
        <Alert color="gray">
          {t(
            results.template.anonymous
              ? 'surveys.results.nationOnlyAnonymous'
              : 'surveys.results.nationOnly',
            { nation: localized(results.nation.name, locale) },
          )}
        </Alert>
      )}
      {counts.invited === 0 ? (
        <Alert color="gray">{t('surveys.results.notSent')}</Alert>
      ) : (
        <>
          {results.questions.map((question, index) => (
            <QuestionCard key={question.id} question={question} number={index + 1} />
          ))}
          <NonRespondents results={results} />
        </>
      )}
    </Stack>
  );
}
