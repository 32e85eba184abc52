import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconPlus, IconRefresh, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAccepted } from '../../../contract/plans.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { venuesQuery } from '../venues/api.js';
import { AddSessionModal } from './AddSessionModal.js';
import { demandQuery, planKeys, planQuery, runPlan, versionsQuery } from './api.js';
import { scorePercent } from './labels.js';
import { PlanProgress } from './PlanProgress.js';
import { PublishDialog } from './PublishDialog.js';
import { SessionPanel } from './SessionPanel.js';
import { UnmetList } from './UnmetList.js';
import { VersionsSection } from './VersionsSection.js';
import { YearTimeline } from './YearTimeline.js';

const route = getRouteApi('/app/plans/$year');

/**
 * A year's plan: run the planner, see the proposal on the year view, move, lock, add or remove
 * runs, plan again around what is locked, compare versions, and accept one into the calendar.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const year = Number(route.useParams().year);
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const versions = useQuery(versionsQuery(year));
  const version = search.version ?? versions.data?.items[0]?.version;
  const plan = useQuery({ ...planQuery(year, version ?? 0), enabled: version !== undefined });
  const demand = useQuery(demandQuery(year));
  const venues = useQuery(venuesQuery);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<PlanAccepted | null>(null);

  const venueChoices = (venues.data ?? []).map((v) => ({
    value: v.code,
    label: localized(v.name, locale),
  }));
  const venueNames = new Map(venueChoices.map((v) => [v.value, v.label]));
  const activityChoices = (demand.data?.activities ?? []).map((a) => ({
    value: a.code,
    label: `${a.code} · ${a.title}`,
  }));
  const data = plan.data;
  const selected = data?.sessions.find((s) => s.id === selectedId) ?? null;
  const editable = data?.status === 'proposed';
  const yearAccepted = versions.data?.items.some((v) => v.status === 'accepted') ?? false;

  async function run(basedOn?: number) {
    setRunning(true);
    setRunError(null);
    try {
      const result = await runPlan(year, basedOn ? { basedOn } : {});
      await queryClient.invalidateQueries({ queryKey: planKeys.year(year) });
      setSelectedId(null);
      await navigate({
        to: '/plans/$year',
        params: { year: String(year) },
        search: { version: result.version },
      });
    } catch (caught) {
      setRunError(caught);
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/plans" search={{ year }} fz="sm">
            {t('plans.backToDemand')}
          </AnchorLink>
        }
        title={t('plans.planTitle', { year })}
        description={t('plans.planDescription')}
        actions={
          <>
            <Button
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              onClick={() => void run()}
              disabled={running || yearAccepted}
            >
              {t('plans.run')}
            </Button>
            {data && editable && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => void run(data.version)}
                disabled={running}
              >
                {t('plans.replan')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {running && <PlanProgress />}
        <ProblemAlert error={runError ?? versions.error ?? plan.error} />
        {(versions.isPending || plan.isFetching) && !data && (
          <Loader size="sm" aria-label={t('common.loading')} />
        )}
        {versions.data?.items.length === 0 && !running && (
          <Text c="dimmed">{t('plans.noVersion')}</Text>
        )}
        {published && (
          <Alert color="green" role="status" title={t('plans.publishedTitle')}>
            {t(published.announced ? 'plans.publishedAnnounced' : 'plans.publishedDrafts', {
              count: published.sessions.length,
            })}{' '}
            <AnchorLink to="/sessions">{t('plans.seeSessions')}</AnchorLink>
          </Alert>
        )}
        {data && (
          <Paper withBorder p="md" component="section" aria-labelledby="plan-year-view">
            <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
              <div>
                <Title order={2} fz="lg" id="plan-year-view">
                  {t('plans.versionHeading', {
                    version: data.version,
                    status: t(`plans.statusName.${data.status}`),
                  })}
                </Title>
                <Text fz="sm">
                  {t('plans.score', {
                    percent: scorePercent(data.score, data.bound),
                    met: data.seatsMet,
                    demanded: data.seatsDemanded,
                  })}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t('plans.solverLine', {
                    // Parts solved apart report each status, joined by "+".
                    status: data.solverStatus
                      .split('+')
                      .map((part) => t(`plans.solverStatusName.${part}`, { defaultValue: part }))
                      .join(' + '),
                    seconds: (data.solveMs / 1000).toFixed(1),
                    count: data.sessions.length,
                  })}
                </Text>
              </div>
              {editable && (
                <Group gap="xs">
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setAdding(true)}
                    disabled={activityChoices.length === 0}
                  >
                    {t('plans.add')}
                  </Button>
                  {!yearAccepted && (
                    <Button
                      color="green.9"
                      leftSection={<IconSend size={16} aria-hidden />}
                      onClick={() => setPublishing(true)}
                    >
                      {t('plans.publish')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
            <Text fz="xs" c="dimmed" mb="xs">
              {t('plans.legend')}
            </Text>
            {data.sessions.length === 0 ? (
              <Text c="dimmed">{t('plans.emptyPlan')}</Text>
            ) : (
              <YearTimeline
                plan={data}
                venueNames={venueNames}
                selectedId={selectedId}
                onSelect={(s) => setSelectedId(s.id)}
              />
            )}
          </Paper>
        )}
        {data && <UnmetList plan={data} />}
        {data && <VersionsSection year={year} current={data.version} />}
      </Stack>
      {data && selected && (
        <SessionPanel
          key={selected.id}
          plan={data}
          session={selected}
          venues={venueChoices}
          editable={editable}
          onClose={() => setSelectedId(null)}
        />
      )}
      {data && adding && (
        <AddSessionModal
          plan={data}
          activities={activityChoices}
          venues={venueChoices}
          onClose={() => setAdding(false)}
        />
      )}
      {data && publishing && (
        <PublishDialog
          year={year}
          version={data.version}
          sessions={data.sessions.filter((s) => !s.existing).length}
          onDone={(result) => {
            setPublished(result);
            void queryClient.invalidateQueries({ queryKey: planKeys.year(year) });
          }}
          onClose={() => setPublishing(false)}
        />
      )}
    </>
  );
}
