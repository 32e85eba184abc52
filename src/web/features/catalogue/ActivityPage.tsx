import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { ActivitySessions } from '../sessions/ActivitySessions.js';
import { ActivityFacts } from './ActivityFacts.js';
import { activityQuery } from './api.js';
import { ACTIVITY_STATUS_COLOR } from './labels.js';
import { PrerequisiteList } from './PrerequisiteList.js';

const route = getRouteApi('/app/catalogue/$code');

export function ActivityPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { code } = route.useParams();
  const query = useQuery(activityQuery(code));
  const back = (
    <AnchorLink to="/catalogue" fz="sm">
      {t('catalogue.backToList')}
    </AnchorLink>
  );

  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('catalogue.activity')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const activity = query.data;
  const locale = currentLocale();

  return (
    <>
      <PageHeader
        above={back}
        title={
          <>
            {localized(activity.title, locale)}{' '}
            <Text span inherit c="dimmed" ff="monospace">
              <bdi dir="ltr">{activity.code}</bdi>
            </Text>
          </>
        }
        description={
          <Badge color={ACTIVITY_STATUS_COLOR[activity.status]}>
            {t(`activityStatus.${activity.status}`)}
          </Badge>
        }
        actions={
          <Group gap="xs">
            {can('sessions.manage') && (
              <ButtonLink
                to="/sessions/new"
                search={{ activity: activity.code }}
                variant="default"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
              >
                {t('sessions.add')}
              </ButtonLink>
            )}
            {can('catalogue.manage') && (
              <ButtonLink
                to="/catalogue/$code/edit"
                params={{ code: activity.code }}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ActivityFacts activity={activity} />
        {activity.description && (
          <Paper withBorder p="md">
            <Title order={2} fz="lg" mb="xs">
              {t('catalogue.descriptionLabel')}
            </Title>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {localized(activity.description, locale)}
            </Text>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('catalogue.prerequisites')}
          </Title>
          <PrerequisiteList prerequisites={activity.prerequisites} />
        </Paper>
        <ActivitySessions activityCode={activity.code} />
        <DocumentsPanel owner="activity" code={activity.code} />
      </Stack>
    </>
  );
}
