import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan, useMe } from '../auth/session.js';
import { LogisticsForm } from '../logistics/index.js';
import { nominationQuery } from './api.js';
import { EligibilityLines } from './EligibilityLines.js';
import { DARK_ORANGE } from './labels.js';
import { NominationActions } from './NominationActions.js';
import { NominationFacts } from './NominationFacts.js';
import { OverrideButton } from './OverrideButton.js';
import { PersonName } from './PersonName.js';
import { StatusBadge } from './StatusBadge.js';
import { SubstituteButton } from './SubstituteButton.js';
import { Timeline } from './Timeline.js';

const route = getRouteApi('/app/nominations/$id');

export function NominationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const { id } = route.useParams();
  const query = useQuery(nominationQuery(id));
  const back = (
    <AnchorLink to="/nominations" fz="sm">
      {t('nominations.backToList')}
    </AnchorLink>
  );

  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('nominations.one')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const n = query.data;
  const canOverride = can('nominations.override') && !n.eligibility.eligible && !n.overridden;
  // A seat the centre gave by invitation is not the nation's to pass on (422 `invitation_only`).
  const canSubstitute =
    me.user.roles.includes('npoc') && n.status === 'selected' && n.invitedAt === null;

  return (
    <>
      <PageHeader
        above={back}
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>
              <PersonName
                latin={n.participantName.latin}
                arabic={n.participantName.arabic}
                stacked={false}
              />
            </span>
            <StatusBadge status={n.status} />
          </Group>
        }
        description={t('nominations.pageDescription', { code: n.sessionCode })}
      />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NominationActions nomination={n} />
        {canOverride && <OverrideButton nomination={n} />}
        {canSubstitute && <SubstituteButton nomination={n} />}
      </Group>
      <Stack gap="lg">
        <NominationFacts nomination={n} />
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('nominations.eligibility')}
          </Title>
          {n.overridden && (
            <Alert
              color={DARK_ORANGE}
              variant="light"
              icon={<IconShieldCheck size={18} aria-hidden />}
              title={t('nominations.overriddenTitle')}
              mb="sm"
            >
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {n.overrideJustification ?? '—'}
              </Text>
            </Alert>
          )}
          <EligibilityLines eligibility={n.eligibility} />
        </Paper>
        {n.motivation && (
          <Paper withBorder p="md">
            <Title order={2} fz="lg" mb="xs">
              {t('nominations.motivation')}
            </Title>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {n.motivation}
            </Text>
          </Paper>
        )}
        {n.status === 'selected' && (
          <Paper withBorder p="md">
            <Title order={2} fz="lg" mb="xs">
              {t('nominations.logistics')}
            </Title>
            <LogisticsForm nominationId={n.id} />
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('nominations.timeline')}
          </Title>
          <Timeline events={n.timeline} />
        </Paper>
      </Stack>
    </>
  );
}
