import { Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.js';
import { ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { mySurveysQuery } from '../surveys/api.js';
import { HomeBlock, HomeItem, HomeList, PARTICIPANT_TARGET } from './HomeBlock.js';

/** The participant's surveys still to answer, as a list whose "Answer" stays in view on a phone. */
export function SurveysToAnswer() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery(mySurveysQuery);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return (
    <HomeBlock
      title={t('surveys.mine.title')}
      count={query.data.length}
      empty={t('surveys.mine.empty')}
    >
      <HomeList label={t('surveys.mine.title')}>
        {query.data.map((survey) => (
          <HomeItem key={survey.id}>
            <Text fz="sm" fw={600}>
              {localized(survey.title, locale)}{' '}
              <Text span fz="xs" c="dimmed" fw={400}>
                {t(`surveys.level.${survey.level}`)}
              </Text>
            </Text>
            <Text fz="sm">
              {localized(survey.activityTitle, locale)} · <bdi dir="ltr">{survey.sessionCode}</bdi>
            </Text>
            <Text fz="sm" c="dimmed">
              {t('surveys.mine.closes')}:{' '}
              <DateText value={survey.closesAt} timeZone={survey.timeZone} />
            </Text>
            <Group>
              <ButtonLink
                to="/surveys/answer/$id"
                params={{ id: survey.id }}
                h={PARTICIPANT_TARGET}
                mt={4}
                aria-label={t('surveys.mine.answerLabel', {
                  title: localized(survey.title, locale),
                  code: survey.sessionCode,
                })}
              >
                {t('surveys.mine.answer')}
              </ButtonLink>
            </Group>
          </HomeItem>
        ))}
      </HomeList>
    </HomeBlock>
  );
}
