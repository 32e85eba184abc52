import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconCertificate,
  IconChecklist,
  IconClipboardCheck,
  IconFileText,
  IconListCheck,
  IconMessageStar,
  IconPencil,
  IconPlane,
  IconReportAnalytics,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { AgendaSection } from '../agenda/AgendaSection.js';
import { LecturerLettersPanel } from '../agenda/LecturerLettersPanel.js';
import { useCan } from '../auth/session.js';
import { activityQuery } from '../catalogue/api.js';
import { PrerequisiteList } from '../catalogue/PrerequisiteList.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { SessionInvitations } from '../invitations/SessionInvitations.js';
import { SessionLecturers } from '../lecturers/SessionLecturers.js';
import { SessionRoomSection } from '../rooms/SessionRoomSection.js';
import { sessionQuery } from './api.js';
import { SESSION_STATUS_COLOR, sessionStatusLabel } from './labels.js';
import { SeatsPanel } from './SeatsPanel.js';
import { SessionFacts } from './SessionFacts.js';
import { StaffTravelSection } from './StaffTravelSection.js';
import { TransitionButtons } from './TransitionButtons.js';

const route = getRouteApi('/app/sessions/$code');

export function SessionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { code } = route.useParams();
  const query = useQuery(sessionQuery(code));
  const activity = useQuery({
    ...activityQuery(query.data?.activityCode ?? ''),
    enabled: Boolean(query.data),
  });
  const back = (
    <AnchorLink to="/sessions" fz="sm">
      {t('sessions.backToList')}
    </AnchorLink>
  );

  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('sessions.session')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const session = query.data;
  const locale = currentLocale();
  const manage = can('sessions.manage');
  const editable = session.status !== 'completed' && session.status !== 'cancelled';
  // What the activity's kind has: results, surveys, a certificate (src/domain/activity-kinds.ts).
  const rules = rulesOfType(session.activityType);

  return (
    <>
      <PageHeader
        above={back}
        title={localized(session.activityTitle, locale)}
        description={
          <Group gap="xs" component="span">
            <Text span ff="monospace" fw={600} c="dark">
              <bdi dir="ltr">{session.code}</bdi>
            </Text>
            <Badge color={SESSION_STATUS_COLOR[session.status]}>
              {sessionStatusLabel(t, session.status, session.activityType)}
            </Badge>
            {rules.seats === 'invitation' && (
              <Badge variant="light" color="grape">
                {t('invitations.byInvitation')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {can('nominations.propose') &&
              session.status === 'announced' &&
              rules.seats === 'quota' && (
                <ButtonLink
                  to="/sessions/$code/nominate"
                  params={{ code: session.code }}
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                >
                  {t('nominations.nominate')}
                </ButtonLink>
              )}
            {can('nominations.decide') && (
              <ButtonLink
                to="/sessions/$code/selection"
                params={{ code: session.code }}
                variant="default"
                leftSection={<IconListCheck size={16} aria-hidden />}
              >
                {t('nominations.board.title')}
              </ButtonLink>
            )}
            {can('attendance.mark') &&
              ['confirmed', 'in-progress', 'completed'].includes(session.status) && (
                <ButtonLink
                  to="/sessions/$code/attendance"
                  params={{ code: session.code }}
                  variant="default"
                  leftSection={<IconClipboardCheck size={16} aria-hidden />}
                >
                  {t('attendance.roster')}
                </ButtonLink>
              )}
            {can('results.manage') &&
              rules.results &&
              ['in-progress', 'completed'].includes(session.status) && (
                <ButtonLink
                  to="/sessions/$code/results"
                  params={{ code: session.code }}
                  variant="default"
                  leftSection={<IconChecklist size={16} aria-hidden />}
                >
                  {t('results.title')}
                </ButtonLink>
              )}
            {can('delivery.read') && ['in-progress', 'completed'].includes(session.status) && (
              <ButtonLink
                to="/sessions/$code/report"
                params={{ code: session.code }}
                variant="default"
                leftSection={<IconReportAnalytics size={16} aria-hidden />}
              >
                {t('report.title')}
              </ButtonLink>
            )}
            {can('delivery.read') &&
              rules.certificate !== 'none' &&
              ['in-progress', 'completed'].includes(session.status) && (
                <ButtonLink
                  to="/sessions/$code/certificates"
                  params={{ code: session.code }}
                  variant="default"
                  leftSection={<IconCertificate size={16} aria-hidden />}
                >
                  {t('certificates.sessionButton')}
                </ButtonLink>
              )}
            {can('surveys.results') &&
              rules.evaluationLevels.length > 0 &&
              ['in-progress', 'completed'].includes(session.status) && (
                <ButtonLink
                  to="/sessions/$code/surveys"
                  params={{ code: session.code }}
                  search={{ level: 1 }}
                  variant="default"
                  leftSection={<IconMessageStar size={16} aria-hidden />}
                >
                  {t('surveys.session.title')}
                </ButtonLink>
              )}
            {can('visa-letters.read') && session.status !== 'draft' && (
              <ButtonLink
                to="/sessions/$code/visa-letters"
                params={{ code: session.code }}
                variant="default"
                leftSection={<IconFileText size={16} aria-hidden />}
              >
                {t('visaLetters.sessionButton')}
              </ButtonLink>
            )}
            {can('nation-reports.read') &&
              !can('delivery.read') &&
              ['in-progress', 'completed'].includes(session.status) && (
                <ButtonLink
                  to="/sessions/$code/nation-report"
                  params={{ code: session.code }}
                  variant="default"
                  leftSection={<IconReportAnalytics size={16} aria-hidden />}
                >
                  {t('nationReports.sessionButton')}
                </ButtonLink>
              )}
            {can('logistics.read') && session.status !== 'draft' && (
              <ButtonLink
                to="/sessions/$code/logistics"
                params={{ code: session.code }}
                variant="default"
                leftSection={<IconPlane size={16} aria-hidden />}
              >
                {t('nominations.logistics')}
              </ButtonLink>
            )}
            {manage && editable && (
              <ButtonLink
                to="/sessions/$code/edit"
                params={{ code: session.code }}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            )}
          </>
        }
      />
      {manage && <TransitionButtons session={session} />}
      {session.status === 'cancelled' && (
        <Alert color="red" title={t('sessions.cancelledTitle')} mb="md">
          {session.cancelReason ?? t('sessions.noReason')}
        </Alert>
      )}
      <Stack gap="lg">
        <SessionFacts session={session} />
        <SeatsPanel session={session} />
        <SessionInvitations session={session} />
        {can('lecturers.read') && <SessionLecturers session={session} />}
        {manage && session.hostNation && <StaffTravelSection session={session} />}
        {can('rooms.read') && <SessionRoomSection session={session} />}
        <AgendaSection session={session} />
        {can('visa-letters.issue') && <LecturerLettersPanel code={session.code} />}
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('sessions.eligibility')}
          </Title>
          {activity.data && <PrerequisiteList prerequisites={activity.data.prerequisites} />}
          <ProblemAlert error={activity.error} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('sessions.joiningInstructions')}
          </Title>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {session.joiningInstructions
              ? localized(session.joiningInstructions, locale)
              : t('sessions.noJoiningInstructions')}
          </Text>
        </Paper>
        <DocumentsPanel owner="session" code={session.code} />
        {session.notes && (
          <Paper withBorder p="md">
            <Title order={2} fz="lg" mb="xs">
              {t('sessions.notes')}
            </Title>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {session.notes}
            </Text>
          </Paper>
        )}
      </Stack>
    </>
  );
}
