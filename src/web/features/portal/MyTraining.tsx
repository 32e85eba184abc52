import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParticipantHome } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { participantHomeQuery } from '../home/api.js';
import { CoursesTaken } from '../home/CoursesTaken.js';
import { HomeBlock, HomeItem, HomeList, PARTICIPANT_TARGET as TARGET } from '../home/HomeBlock.js';
import { SurveysToAnswer } from '../home/SurveysToAnswer.js';
import { StatusBadge } from '../nominations/StatusBadge.js';
import { MyAttendance } from '../results/MyAttendance.js';
import { myTrainingQuery } from './api.js';

type Upcoming = ParticipantHome['upcoming'][number];

function SessionCard({ item, title }: { item: Upcoming; title: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const instructions = item.joiningInstructions;
  const text = instructions ? (instructions[locale] ?? instructions.en) : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {item.running && <Badge color="teal.9">{t('homes.training.runningNow')}</Badge>}
      </Group>
      <Text fw={600}>{localized(item.activityTitle, locale)}</Text>
      <Text fz="sm">
        <AnchorLink
          to="/sessions/$code"
          params={{ code: item.code }}
          ff="monospace"
          display="inline-block"
          py={10}
        >
          <bdi dir="ltr">{item.code}</bdi>
        </AnchorLink>
        {' · '}
        <DateRangeText start={item.startDate} end={item.endDate} />
        {' · '}
        {localized(item.venueName, locale)}
      </Text>
      <Title order={3} fz="md" mt="md" mb={4}>
        {t('portal.joiningInstructions')}
      </Title>
      {text ? (
        <Text
          fz="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          lang={instructions?.[locale] ? locale : 'en'}
          dir={instructions?.[locale] ? undefined : 'ltr'}
        >
          {text}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('portal.noJoiningInstructions')}
        </Text>
      )}
    </Paper>
  );
}

function Figure({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Anchor
      href={href}
      underline="never"
      c="inherit"
      display="block"
      mih={TARGET}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
    >
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text fz="sm">{label}</Text>
    </Anchor>
  );
}

/** What the counts say, in words: never "no certificate" to someone who holds one. */
function certificateSummary(
  t: (key: string, options?: Record<string, unknown>) => string,
  home: ParticipantHome,
): string {
  const completed = home.past.filter((p) => p.result === 'completed').length;
  const valid = home.certificates.valid;
  if (valid > 0) return t('homes.training.certificatesHeld', { count: valid });
  if (completed > 0) return t('homes.training.certificatesNotIssued', { count: completed });
  return t('homes.training.certificatesNone');
}

/** Nominations that are not (or no longer) a seat: proposed, waiting, declined, withdrawn. */
function OtherNominations() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery(myTrainingQuery);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const others = query.data.nominations.filter((n) => n.status !== 'selected');
  return (
    <HomeBlock
      title={t('homes.training.otherNominations')}
      count={others.length}
      empty={t('homes.training.otherNominationsEmpty')}
    >
      <HomeList label={t('homes.training.otherNominations')}>
        {others.map((n) => (
          <HomeItem key={n.id}>
            <Group gap="xs" wrap="wrap">
              <Text fz="sm" fw={600}>
                {localized(n.activityTitle, locale)}
              </Text>
              <StatusBadge status={n.status} />
            </Group>
            <Text fz="sm" c="dimmed">
              <bdi dir="ltr">{n.sessionCode}</bdi> ·{' '}
              <DateRangeText start={n.startDate} end={n.endDate} /> ·{' '}
              {localized(n.venueName, locale)}
            </Text>
            {n.waitlist && (
              <Text fz="xs">
                {t('nominations.waitlistPosition', { position: n.waitlist.position })}
              </Text>
            )}
          </HomeItem>
        ))}
      </HomeList>
    </HomeBlock>
  );
}

/**
 * A participant's landing: how many certificates they hold and courses they took, the session to
 * prepare for (never one that is over) with what to bring, surveys, then the courses taken.
 */
export function MyTraining() {
  const { t } = useTranslation();
  const query = useQuery(participantHomeQuery);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const home = query.data;
  if (home.participantId === null) {
    return <Alert color="gray">{t('portal.noParticipantRecord')}</Alert>;
  }
  const [next, ...later] = home.upcoming;
  const completed = home.past.filter((p) => p.result === 'completed').length;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="my-record">
        <Title order={2} fz="lg" id="my-record" mb="xs">
          {t('homes.training.recordTitle')}
        </Title>
        <SimpleGrid cols={3} spacing="xs">
          <Figure
            label={t('homes.training.certificates', { count: home.certificates.valid })}
            value={home.certificates.valid}
            href="#courses-taken"
          />
          <Figure
            label={t('homes.training.completed', { count: completed })}
            value={completed}
            href="#courses-taken"
          />
          <Figure
            label={t('homes.training.toCome', { count: home.upcoming.length })}
            value={home.upcoming.length}
            href="#next-session"
          />
        </SimpleGrid>
        <Text fz="sm" mt="sm" data-testid="certificate-summary">
          {certificateSummary(t, home)}
        </Text>
      </Paper>
      <div id="next-session">
        {next ? (
          <SessionCard
            item={next}
            title={next.running ? t('homes.training.currentSession') : t('portal.nextSession')}
          />
        ) : (
          <Alert color="gray" title={t('portal.nextSession')}>
            {t('portal.noNextSession')}
          </Alert>
        )}
      </div>
      {later.map((item) => (
        <SessionCard key={item.nominationId} item={item} title={t('portal.laterSession')} />
      ))}
      <SurveysToAnswer />
      <CoursesTaken past={home.past} />
      <OtherNominations />
      <MyAttendance />
    </Stack>
  );
}
