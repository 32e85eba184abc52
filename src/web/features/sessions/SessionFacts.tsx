import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/index.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';
import { DateTimeText } from '../../components/DateTimeText.js';
import { Field } from '../../components/Field.js';
import { AnchorLink } from '../../components/links.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday, zoneName } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { languageName } from '../catalogue/prerequisites.js';

/** When, where and who: the facts a point of contact checks before nominating anyone. */
export function SessionFacts({ session }: { session: Session }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const venueZone = session.venue.timeZone;
  const days = session.workingDays.map((d) => formatWeekday(d, locale));
  // Seats by invitation: the window is the invitations' and the nations' answers.
  const invited = rulesOfType(session.activityType).seats === 'invitation';

  return (
    <Paper withBorder p="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
        <Field label={t('sessions.activity')}>
          <AnchorLink to="/catalogue/$code" params={{ code: session.activityCode }}>
            {localized(session.activityTitle, locale)} (<bdi dir="ltr">{session.activityCode}</bdi>)
          </AnchorLink>
        </Field>
        <Field label={t('sessions.dates')}>
          <DateRangeText start={session.startDate} end={session.endDate} />
        </Field>
        <Field label={t('sessions.venue')}>
          {localized(session.venue.name, locale)}
          {session.venue.city &&
            !localized(session.venue.name, locale).includes(session.venue.city) &&
            `${t('common.listSeparator')}${session.venue.city}`}
          <Text span display="block" fz="xs" c="dimmed">
            {t('sessions.timeZone', { zone: zoneName(venueZone, locale) })}
          </Text>
        </Field>
        <Field label={t('sessions.delivery')}>
          {/* A visiting team teaching at the centre itself is not "in-country" delivery. */}
          {session.delivery === 'mobile-training-team' && session.venue.kind === 'centre'
            ? t('sessions.deliveryVisitingTeam')
            : t(`delivery.${session.delivery}`)}
        </Field>
        {session.hostNation && (
          <Field label={t('sessions.hostNation')}>
            {t('sessions.mobileTeamHost', { nation: localized(session.hostNation.name, locale) })}
          </Field>
        )}
        <Field label={t('sessions.language')}>{languageName(session.language, locale)}</Field>
        <Field label={t('sessions.director')}>
          {session.directorName ?? t('sessions.notNamed')}
        </Field>
        <Field label={t('sessions.instructors')}>
          {session.instructors.length > 0
            ? session.instructors.map((i) => i.displayName).join(t('common.listSeparator'))
            : t('sessions.notNamed')}
        </Field>
      </SimpleGrid>
      <Title order={2} fz="md" mt="lg" mb={4}>
        {t('sessions.workingDaysTitle')}
      </Title>
      <Text fz="sm">
        {t('sessions.workingDays', {
          count: days.length,
          days: days.join(t('common.listSeparator')),
        })}
      </Text>
      <Title order={2} fz="md" mt="lg" mb={4}>
        {t(invited ? 'sessions.invitationWindow' : 'sessions.nominationWindow')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
        <Field label={t(invited ? 'sessions.invitationsOpen' : 'sessions.nominationOpens')}>
          <DateText value={session.nominationOpens} />
        </Field>
        <Field label={t('sessions.deadline')}>
          <DateTimeText value={session.nominationDeadline} timeZone={venueZone} stacked fw={600} />
        </Field>
        <Field label={t('sessions.quotaRelease')}>
          {session.quotaReleaseOn ? (
            <DateText value={session.quotaReleaseOn} />
          ) : (
            t('sessions.noQuotaRelease')
          )}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}
