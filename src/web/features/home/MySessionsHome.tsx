import { Badge, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MySessionsHome as Data } from '../../../contract/index.js';
import { daysBetween } from '../../../domain/venue-calendar.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { mySessionsHomeQuery } from './api.js';
import { HomeBlock, HomeItem, HomeList, STATE_COLOR } from './HomeBlock.js';

function SessionCode({ code }: { code: string }) {
  return (
    <AnchorLink to="/sessions/$code" params={{ code }} ff="monospace" fw={600} fz="sm">
      <bdi dir="ltr">{code}</bdi>
    </AnchorLink>
  );
}

function Rosters({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <HomeBlock
      title={t('homes.sessions.rostersTitle')}
      count={data.rostersToMark.length}
      empty={t('homes.sessions.rostersEmpty')}
    >
      <HomeList label={t('homes.sessions.rostersTitle')}>
        {data.rostersToMark.map((r) => (
          <HomeItem key={r.code}>
            <Group gap="xs" wrap="wrap">
              <SessionCode code={r.code} />
              <Text fz="sm">{localized(r.activityTitle, locale)}</Text>
            </Group>
            <Text fz="sm">
              {t('homes.sessions.markedOf', {
                marked: r.marked,
                participants: r.participants,
                day: formatWeekday(r.day, locale),
              })}{' '}
              <Text span c="dimmed" fz="xs">
                {t('homes.sessions.venueDay')} <bdi dir="ltr">{r.timeZone}</bdi>
              </Text>
            </Text>
            <Group>
              <ButtonLink
                to="/sessions/$code/attendance"
                params={{ code: r.code }}
                size="sm"
                mt={4}
                aria-label={t('homes.sessions.openRosterOf', { code: r.code })}
              >
                {t('homes.sessions.openRoster')}
              </ButtonLink>
            </Group>
          </HomeItem>
        ))}
      </HomeList>
    </HomeBlock>
  );
}

function Sessions({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <HomeBlock
      title={t('homes.sessions.sessionsTitle')}
      count={data.sessions.length}
      empty={t('homes.sessions.sessionsEmpty', { days: data.horizonDays })}
      footer={
        <AnchorLink to="/sessions" fz="sm">
          {t('homes.sessions.allSessions')}
        </AnchorLink>
      }
    >
      <HomeList label={t('homes.sessions.sessionsTitle')}>
        {data.sessions.map((s) => {
          const inDays = daysBetween(s.today, s.startDate);
          return (
            <HomeItem key={s.code}>
              <Group gap="xs" wrap="wrap">
                <SessionCode code={s.code} />
                <Badge color={STATE_COLOR[s.running ? 'on' : 'off']}>
                  {s.running
                    ? t('homes.sessions.running')
                    : t('homes.sessions.startsIn', { count: inDays })}
                </Badge>
                <Badge color="indigo.9" variant="outline">
                  {t(`homes.sessions.role.${s.role}`)}
                </Badge>
              </Group>
              <Text fz="sm" fw={500}>
                {localized(s.activityTitle, locale)}
              </Text>
              <Text fz="sm" c="dimmed">
                <DateRangeText start={s.startDate} end={s.endDate} /> ·{' '}
                {localized(s.venueName, locale)} ·{' '}
                {t('homes.sessions.participants', { count: s.participants })}
              </Text>
              {s.running && (
                <Group>
                  <ButtonLink
                    to="/sessions/$code/attendance"
                    params={{ code: s.code }}
                    size="xs"
                    variant="default"
                    mt={4}
                    aria-label={t('homes.sessions.rosterOf', { code: s.code })}
                  >
                    {t('homes.sessions.roster')}
                  </ButtonLink>
                </Group>
              )}
            </HomeItem>
          );
        })}
      </HomeList>
    </HomeBlock>
  );
}

function Results({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!data.confirmsResults) {
    return (
      <HomeBlock
        title={t('homes.sessions.resultsTitle')}
        empty={t('homes.sessions.resultsNotYours')}
      />
    );
  }
  return (
    <HomeBlock
      title={t('homes.sessions.resultsTitle')}
      count={data.resultsToConfirm.length}
      empty={t('homes.sessions.resultsEmpty')}
    >
      <HomeList label={t('homes.sessions.resultsTitle')}>
        {data.resultsToConfirm.map((r) => (
          <HomeItem key={r.code}>
            <Group gap="xs" wrap="wrap">
              <SessionCode code={r.code} />
              <Text fz="sm">{localized(r.activityTitle, locale)}</Text>
            </Group>
            <Text fz="sm">
              {t('homes.sessions.ended')} <DateText value={r.endDate} /> ·{' '}
              {r.unconfirmed > 0
                ? t('homes.sessions.unconfirmed', { count: r.unconfirmed, total: r.participants })
                : t('homes.sessions.toClose')}
            </Text>
            <Group>
              <ButtonLink
                to="/sessions/$code/results"
                params={{ code: r.code }}
                size="sm"
                variant="default"
                mt={4}
                aria-label={t('homes.sessions.openResultsOf', { code: r.code })}
              >
                {t('homes.sessions.openResults')}
              </ButtonLink>
            </Group>
          </HomeItem>
        ))}
      </HomeList>
    </HomeBlock>
  );
}

function Surveys({ data }: { data: Data }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!data.readsSurveys) {
    return (
      <HomeBlock
        title={t('homes.sessions.surveysTitle')}
        empty={t('homes.sessions.surveysNotYours')}
      />
    );
  }
  return (
    <HomeBlock
      title={t('homes.sessions.surveysTitle')}
      count={data.surveysToRead.length}
      empty={t('homes.sessions.surveysEmpty', { days: data.surveysWithinDays })}
      footer={
        <AnchorLink to="/surveys" fz="sm">
          {t('homes.sessions.allSurveys')}
        </AnchorLink>
      }
    >
      <HomeList label={t('homes.sessions.surveysTitle')}>
        {data.surveysToRead.map((s) => (
          <HomeItem key={s.code}>
            <Group gap="xs" wrap="wrap">
              <AnchorLink
                to="/sessions/$code/surveys"
                params={{ code: s.code }}
                search={{ level: 1 }}
                ff="monospace"
                fw={600}
                fz="sm"
                aria-label={t('homes.sessions.readSurveysOf', { code: s.code })}
              >
                <bdi dir="ltr">{s.code}</bdi>
              </AnchorLink>
              <Text fz="sm">{localized(s.activityTitle, locale)}</Text>
            </Group>
            <Text fz="sm" c="dimmed">
              {t('homes.sessions.answers', { count: s.answers, invited: s.invited })} ·{' '}
              {t('homes.sessions.lastAnswer')} <DateText value={s.lastAnswerAt} withTime={false} />
            </Text>
          </HomeItem>
        ))}
      </HomeList>
    </HomeBlock>
  );
}

/** A course director's or instructor's day, over the sessions they direct or teach. */
export function MySessionsHome() {
  const { t } = useTranslation();
  const query = useQuery(mySessionsHomeQuery);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const data = query.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Rosters data={data} />
      <Sessions data={data} />
      <Results data={data} />
      <Surveys data={data} />
    </SimpleGrid>
  );
}
