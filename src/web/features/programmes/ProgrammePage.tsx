import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammeStatus } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import {
  programmeKeys,
  programmeQuery,
  revisionsQuery,
  STATUS_COLOR,
  transitionProgramme,
} from './api.js';
import { OutlineEditor } from './OutlineEditor.js';
import { ProgressLine } from './ProgressLine.js';

const route = getRouteApi('/app/programmes/$id');

export function ProgrammePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(programmeQuery(id));
  const [editing, setEditing] = useState(false);
  const locale = currentLocale();
  const back = (
    <AnchorLink to="/programmes" fz="sm">
      {t('programme.backToList')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('programme.title')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const programme = query.data;
  return (
    <>
      <PageHeader
        above={back}
        title={localized(programme.title, locale)}
        description={
          <Group gap="xs" component="span">
            <Text span>{localized(programme.nationName, locale)}</Text>
            <bdi dir="ltr">
              {programme.startYear}–{programme.endYear}
            </bdi>
            <Badge color={STATUS_COLOR[programme.status]}>
              {t(`programmeStatus.${programme.status}`)}
            </Badge>
            <Text span size="sm">
              {t('programme.versionN', { version: programme.version })}
            </Text>
          </Group>
        }
        actions={
          programme.outlineEdit !== 'none' && !editing ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {programme.outlineEdit === 'free'
                ? t('programme.editOutline')
                : t('programme.revise')}
            </Button>
          ) : null
        }
      />
      <Transitions programme={programme} />
      {editing ? (
        <OutlineEditor programme={programme} onDone={() => setEditing(false)} />
      ) : (
        <Outline programme={programme} />
      )}
      <Revisions id={programme.id} />
    </>
  );
}

function Transitions({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<ProgrammeStatus | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (programme.allowedTransitions.length === 0) return null;

  async function move(to: ProgrammeStatus) {
    setBusy(to);
    setError(null);
    try {
      const updated = await transitionProgramme(programme.id, to, reason.trim() || undefined);
      queryClient.setQueryData(programmeQuery(programme.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      setReason('');
      notifications.show({
        color: 'teal',
        message: t(`programmeStatus.${updated.status}`),
        closeButtonProps: { 'aria-label': t('programme.close') },
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="sm" mb="md">
      <Stack gap="xs">
        <Textarea
          label={t('programme.transitionReason')}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group gap="xs" role="group" aria-label={t('programme.lifecycle')}>
          {programme.allowedTransitions.map((to) => (
            <Button
              key={to}
              size="xs"
              variant={to === 'draft' ? 'default' : 'filled'}
              loading={busy === to}
              disabled={busy !== null && busy !== to}
              onClick={() => void move(to)}
            >
              {t(`programmeTransition.${to}`)}
            </Button>
          ))}
        </Group>
        <ProblemAlert error={error} />
      </Stack>
    </Paper>
  );
}

function Outline({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md" mb="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('programme.overall')}
        </Title>
        <ProgressLine progress={programme.progress} label={t('programme.overall')} />
        {programme.byYear.length > 0 && (
          <Table mt="sm" withTableBorder>
            <Table.Caption>{t('programme.byYear')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programme.year')}</Table.Th>
                {(['planned', 'offered', 'nominated', 'selected', 'completed'] as const).map(
                  (k) => (
                    <Table.Th key={k}>{t(`programme.${k}`)}</Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programme.byYear.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td>{y.planned}</Table.Td>
                  <Table.Td>{y.offered}</Table.Td>
                  <Table.Td>{y.nominated}</Table.Td>
                  <Table.Td>{y.selected}</Table.Td>
                  <Table.Td>{y.completed}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {programme.objectives.length === 0 && <Text c="dimmed">{t('programme.emptyOutline')}</Text>}
      {programme.objectives.map((objective, oi) => (
        <Paper key={objective.id} withBorder p="md" component="section">
          <Title order={2} size="h4" mb="xs">
            {t('programme.labelled', { label: t('programme.objectiveN', { n: oi + 1 }) })}{' '}
            {localized(objective.title, locale)}
          </Title>
          <ProgressLine progress={objective.progress} label={localized(objective.title, locale)} />
          <Stack gap="sm" mt="md" ps="md">
            {objective.goals.map((goal) => (
              <Stack key={goal.id} gap="xs">
                <Title order={3} size="h5">
                  {localized(goal.title, locale)}
                </Title>
                <ProgressLine progress={goal.progress} label={localized(goal.title, locale)} />
                <Stack gap="xs" ps="md">
                  {goal.plannedActivities.map((line) => {
                    const name = line.activityTitle
                      ? localized(line.activityTitle, locale)
                      : (line.freeText ?? '');
                    return (
                      <Paper key={line.id} p="xs" bg="gray.0" data-testid="planned-activity">
                        <Group gap="xs" mb={4}>
                          {line.activityCode && (
                            <Text span ff="monospace" size="sm">
                              <bdi dir="ltr">{line.activityCode}</bdi>
                            </Text>
                          )}
                          <Text span fw={600} size="sm">
                            {name}
                          </Text>
                          <Text span size="sm">
                            <bdi dir="ltr">{line.years.join(', ')}</bdi>
                          </Text>
                          <Badge variant="outline" color="gray.8">
                            {t('programme.priorityN', { n: line.priority })}
                          </Badge>
                        </Group>
                        <ProgressLine progress={line.progress} label={name} />
                      </Paper>
                    );
                  })}
                </Stack>
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function Revisions({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(revisionsQuery(id));
  if (!query.data || query.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="xs">
        {t('programme.revisions')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.version')}</Table.Th>
            <Table.Th>{t('programme.when')}</Table.Th>
            <Table.Th>{t('programme.by')}</Table.Th>
            <Table.Th>{t('programme.reason')}</Table.Th>
            <Table.Th>{t('programme.seatsChange')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((r) => {
            const changes = r.changes as {
              before?: { seatsPlanned?: number };
              after?: { seatsPlanned?: number };
            };
            return (
              <Table.Tr key={r.id}>
                <Table.Td>{r.version}</Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{r.revisedAt.slice(0, 10)}</bdi>
                </Table.Td>
                <Table.Td>{r.revisedBy ?? '—'}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>
                  <bdi dir="ltr">
                    {changes.before?.seatsPlanned ?? 0} → {changes.after?.seatsPlanned ?? 0}
                  </bdi>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
