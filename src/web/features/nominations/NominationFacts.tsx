import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink } from '../../components/links.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { PersonName } from './PersonName.js';
import { WaitlistReason } from './WaitlistReason.js';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} fz="sm">
        {children}
      </Text>
    </div>
  );
}

/** Who, for which session, from which nation, and where the nomination stands in numbers. */
export function NominationFacts({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Paper withBorder p="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" m={0}>
        <Fact label={t('nominations.participant')}>
          <AnchorLink to="/people/$id" params={{ id: n.participantId }} fz="sm" fw={500}>
            <PersonName latin={n.participantName.latin} arabic={n.participantName.arabic} />
          </AnchorLink>
        </Fact>
        <Fact label={t('nominations.rank')}>
          <Text span ff="monospace" fz="sm">
            {n.rankCode}
          </Text>
          {n.rankTitle && <> · {n.rankTitle}</>}
        </Fact>
        <Fact label={t('nominations.nation')}>
          <Text span ff="monospace" fz="sm">
            {n.nationCode}
          </Text>
        </Fact>
        <Fact label={t('nominations.session')}>
          <AnchorLink to="/sessions/$code" params={{ code: n.sessionCode }} ff="monospace" fz="sm">
            <bdi dir="ltr">{n.sessionCode}</bdi>
          </AnchorLink>
          <Text span display="block" fz="xs" c="dimmed">
            {localized(n.activityTitle, locale)}
          </Text>
        </Fact>
        <Fact label={t('nominations.dates')}>
          <DateRangeText start={n.startDate} end={n.endDate} fz="sm" />
        </Fact>
        <Fact label={t('nominations.priority')}>{n.priority ?? '—'}</Fact>
        <Fact label={t('nominations.submittedAt')}>
          <DateText value={n.submittedAt} withTime fz="sm" />
        </Fact>
        <Fact label={t('nominations.seatSource')}>
          {n.seatSource ? t(`nominations.seat.${n.seatSource}`) : '—'}
        </Fact>
        {n.eventRole && (
          <Fact label={t('invitations.role')}>{t(`invitations.roles.${n.eventRole}`)}</Fact>
        )}
        {n.plannedActivity && (
          <Fact label={t('nominations.programmeGoal')}>
            {localized(n.plannedActivity.label, locale)}
          </Fact>
        )}
        {n.waitlist && (
          <Fact label={t('nominations.waitlist')}>
            <Text span fw={700} fz="sm">
              {t('nominations.waitlistPosition', { position: n.waitlist.position })}
            </Text>
            <WaitlistReason waitlist={n.waitlist} />
          </Fact>
        )}
        {n.decisionReason && (
          <Fact label={t('nominations.decisionReason')} wide>
            <Text span display="block" fz="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {n.decisionReason}
            </Text>
          </Fact>
        )}
      </SimpleGrid>
    </Paper>
  );
}
