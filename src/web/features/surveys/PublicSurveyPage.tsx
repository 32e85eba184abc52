import { Alert, Box, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SurveyToken } from '../../../contract/index.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { SurveyHeading } from './AnswerSurveyPage.js';
import { answerPublicSurvey, publicSurveyQuery } from './api.js';
import { surveyErrorMessage } from './errors.js';
import { SurveyFormView } from './SurveyFormView.js';

const route = getRouteApi('/survey/$token');

/** Where a supervisor's link lands: the survey about their officer, without an account. */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const locale = currentLocale();
  const valid = SurveyToken.safeParse(token).success;
  const query = useQuery({ ...publicSurveyQuery(token, locale), enabled: valid });
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" h={52}>
        <Text fw={700} fz="lg" c="indigo.8">
          Rabita
        </Text>
        <LanguageSwitch />
      </Group>
      <Box component="main" px="md" py="xl">
        <Paper withBorder shadow="xs" p="xl" maw={760} mx="auto">
          {!valid || query.isError ? (
            <Stack>
              <Title order={1} fz={22}>
                {t('surveys.answer.pageTitle')}
              </Title>
              <Alert color="red" role="alert">
                {valid && !isApiError(query.error, 'not_found')
                  ? surveyErrorMessage(query.error)
                  : t('surveys.answer.badLink')}
              </Alert>
            </Stack>
          ) : query.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : (
            <Stack gap="md">
              <Title order={1} fz={22}>
                {query.data.title}
              </Title>
              <SurveyHeading form={query.data} />
              <SurveyFormView
                key={token}
                form={query.data}
                onSubmit={(answers) => answerPublicSurvey(token, answers)}
              />
            </Stack>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
