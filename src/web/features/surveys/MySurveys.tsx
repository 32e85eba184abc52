import { Loader, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.js';
import { ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { mySurveysQuery } from './api.js';

/** The signed-in participant's surveys still to answer, each with a link to answer it. */
export function MySurveys() {
  const { t } = useTranslation();
  const query = useQuery(mySurveysQuery);
  const locale = currentLocale();
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('surveys.mine.title')}
      </Title>
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('surveys.mine.empty')}
        </Text>
      ) : (
        <ResponsiveTable minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.mine.survey')}</Table.Th>
                <Table.Th>{t('surveys.mine.session')}</Table.Th>
                <Table.Th>{t('surveys.mine.closes')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('surveys.mine.action')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((survey) => (
                <Table.Tr key={survey.id}>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {localized(survey.title, locale)}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t(`surveys.level.${survey.level}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{localized(survey.activityTitle, locale)}</Text>
                    <Text fz="xs" ff="monospace">
                      <bdi dir="ltr">{survey.sessionCode}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={survey.closesAt} timeZone={survey.timeZone} fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    {/* A participant answers on a phone: a 44 px target (WCAG 2.5.5). */}
                    <ButtonLink
                      size="sm"
                      h={44}
                      to="/surveys/answer/$id"
                      params={{ id: survey.id }}
                      aria-label={t('surveys.mine.answerLabel', {
                        title: localized(survey.title, locale),
                        code: survey.sessionCode,
                      })}
                    >
                      {t('surveys.mine.answer')}
                    </ButtonLink>
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
