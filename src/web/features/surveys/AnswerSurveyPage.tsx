import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswers, SurveyForm } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { currentLocale } from '../../i18n/index.js';
import { answerMySurvey, mySurveyQuery, surveyKeys } from './api.js';
import { surveyErrorMessage } from './errors.js';
import { SurveyFormView } from './SurveyFormView.js';

const route = getRouteApi('/app/surveys/answer/$id');

/** What a survey is about: the course, the session and its dates. */
export function SurveyHeading({ form }: { form: SurveyForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600}>{form.activityTitle}</Text>
      <Text fz="sm" c="dimmed">
        <bdi dir="ltr">{form.sessionCode}</bdi>
        {' · '}
        <DateRangeText start={form.startDate} end={form.endDate} />
        {' · '}
        {t(`surveys.level.${form.level}`)}
      </Text>
      {form.aboutName && <Text fz="sm">{t('surveys.answer.about', { name: form.aboutName })}</Text>}
    </Stack>
  );
}

/** A participant answers one of their surveys, in their own language. */
export function AnswerSurveyPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const query = useQuery(mySurveyQuery(id, locale));
  const back = (
    <AnchorLink to="/" fz="sm">
      {t('surveys.answer.back')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('surveys.answer.pageTitle')} above={back} />
        <Alert color="red" role="alert">
          {surveyErrorMessage(query.error)}
        </Alert>
      </>
    );
  }
  const submit = async (answers: SurveyAnswers) => {
    await answerMySurvey(id, answers);
    await queryClient.invalidateQueries({ queryKey: surveyKeys.mine });
  };
  return (
    <>
      <PageHeader
        title={query.data.title}
        above={back}
        description={<SurveyHeading form={query.data} />}
      />
      <SurveyFormView key={id} form={query.data} onSubmit={submit} draftId={`survey-${id}`} />
    </>
  );
}
