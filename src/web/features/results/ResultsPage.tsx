import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarTime,
  IconChecks,
  IconLock,
  IconLockOpen,
  IconReportAnalytics,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultEntry, SessionResults } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { ReasonModal } from '../nominations/ReasonModal.js';
import {
  closeResults,
  confirmResults,
  reopenResults,
  resultKeys,
  resultsQuery,
  setCompletionRule,
} from './api.js';
import { CompletionRuleForm } from './CompletionRuleForm.js';
import { ConfirmModal } from './ConfirmModal.js';
import { changedEntries, type Draft, draftOf, proposedEntries, validScore } from './drafts.js';
import { ResultsProblem } from './ResultsProblem.js';
import { ResultsTable } from './ResultsTable.js';

// Dark shades: the light ones fail contrast on white.
const PENDING_COLOUR = 'orange.9';
const DONE_COLOUR = 'teal.9';

const route = getRouteApi('/app/sessions/$code/results');

/** The course director's results page: confirm what attendance proposes, then close. */
export function ResultsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const locale = currentLocale();
  const { code } = route.useParams();
  const queryClient = useQueryClient();
  const query = useQuery(resultsQuery(code));
  const [edits, setEdits] = useState<Map<string, Draft>>(new Map());
  const [busy, setBusy] = useState<'save' | 'proposed' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);

  const data = query.data;
  const drafts = useMemo(() => {
    const map = new Map<string, Draft>();
    for (const row of data?.participants ?? []) {
      map.set(row.nominationId, edits.get(row.nominationId) ?? draftOf(row));
    }
    return map;
  }, [data, edits]);

  /** Sends a change, shows the new state and lets everything reading results refresh. */
  async function apply(work: () => Promise<SessionResults>, done?: string) {
    setError(null);
    const next = await work();
    queryClient.setQueryData(resultsQuery(code).queryKey, next);
    await queryClient.invalidateQueries({ queryKey: resultKeys.all });
    if (done) {
      notifications.show({
        color: 'teal',
        message: done,
        closeButtonProps: { 'aria-label': t('results.close') },
      });
    }
  }

  async function save(entries: ResultEntry[], kind: 'save' | 'proposed') {
    setBusy(kind);
    try {
      await apply(
        () => confirmResults(code, { results: entries }),
        t('results.saved', { count: entries.length }),
      );
      setEdits(new Map());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('results.backToSession')}
    </AnchorLink>
  );
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError || !data) {
    return (
      <>
        <PageHeader title={t('results.title')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }

  if (!data.resultsApply) {
    // An event, a visit or an exercise is attended, not passed: nothing to confirm here.
    return (
      <>
        <PageHeader
          above={back}
          title={t('results.titleOf', { title: localized(data.activityTitle, locale) })}
        />
        <Alert color="gray" title={t('activityKinds.noResultsTitle')}>
          {t(
            data.activityKind === 'visit'
              ? 'activityKinds.noResultsNoCertificate'
              : 'activityKinds.noResults',
            { type: t(`activityKinds.kind.${data.activityKind}`) },
          )}
        </Alert>
      </>
    );
  }

  const locked = data.closed || !data.delivered;
  const changed = changedEntries(data.participants, drafts, data.usesLevel2);
  const toCome = data.workingDays.length - data.heldDays.length;
  const proposed = proposedEntries(data.participants, toCome);
  const scoresValid = [...drafts.values()].every((d) => validScore(d.pre) && validScore(d.post));

  return (
    <>
      <PageHeader
        above={back}
        title={t('results.titleOf', { title: localized(data.activityTitle, locale) })}
        description={
          <Text span ff="monospace" fw={600} c="dark">
            <bdi dir="ltr">{code}</bdi>
          </Text>
        }
        actions={
          <>
            <ExportMenu path={`/api/v1/sessions/${encodeURIComponent(code)}/results/export`} />
            <ButtonLink
              to="/sessions/$code/report"
              params={{ code }}
              variant="default"
              leftSection={<IconReportAnalytics size={16} aria-hidden />}
            >
              {t('report.title')}
            </ButtonLink>
          </>
        }
      />
      <Stack gap="lg">
        {data.closed ? (
          <Alert
            color="blue"
            icon={<IconLock size={18} aria-hidden />}
            title={t('results.closedTitle')}
          >
            <Text fz="sm">
              {t('results.closedBy', { name: data.closedByName ?? '—' })}{' '}
              <DateText value={data.closedAt} timeZone={data.timeZone} fz="sm" />
            </Text>
            {can('results.reopen') && (
              <Button
                mt="sm"
                size="xs"
                variant="outline"
                leftSection={<IconLockOpen size={14} aria-hidden />}
                onClick={() => setDialog('reopen')}
              >
                {t('results.reopen')}
              </Button>
            )}
          </Alert>
        ) : !data.delivered ? (
          <Alert color="gray" title={t('results.notDeliveredTitle')}>
            {t('results.notDelivered')}
          </Alert>
        ) : toCome > 0 ? (
          <Alert
            color="blue"
            icon={<IconCalendarTime size={18} aria-hidden />}
            title={t('results.runningTitle')}
          >
            {t('results.running', {
              held: data.heldDays.length,
              days: data.workingDays.length,
            })}
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <CompletionRuleForm
            key={data.completionPercent}
            value={data.completionPercent}
            disabled={data.closed}
            onSave={(completionPercent) =>
              apply(
                () => setCompletionRule(code, { completionPercent }),
                t('results.rule.saved'),
              ).catch(setError)
            }
          />
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} fz="lg">
              {t('results.participants', { count: data.participants.length })}
            </Title>
            <Text
              fz="sm"
              c={data.unconfirmed > 0 ? PENDING_COLOUR : DONE_COLOUR}
              fw={600}
              aria-live="polite"
            >
              {t('results.unconfirmedCount', { count: data.unconfirmed })}
            </Text>
          </Group>
          <ResultsProblem error={error} />
          {data.participants.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('results.empty')}
            </Text>
          ) : (
            <ResultsTable
              data={data}
              drafts={drafts}
              locked={locked}
              onChange={(id, patch) =>
                setEdits((prev) => {
                  const row = data.participants.find((p) => p.nominationId === id);
                  if (!row) return prev;
                  const next = new Map(prev);
                  next.set(id, { ...(prev.get(id) ?? draftOf(row)), ...patch });
                  return next;
                })
              }
            />
          )}
          {!locked && (
            <Group mt="md" gap="xs" wrap="wrap">
              <Button
                onClick={() => void save(changed, 'save')}
                loading={busy === 'save'}
                disabled={changed.length === 0 || !scoresValid || busy !== null}
              >
                {t('results.save', { count: changed.length })}
              </Button>
              <Button
                variant="light"
                leftSection={<IconChecks size={16} aria-hidden />}
                onClick={() => void save(proposed, 'proposed')}
                loading={busy === 'proposed'}
                disabled={proposed.length === 0 || busy !== null}
              >
                {t('results.confirmProposed', { count: proposed.length })}
              </Button>
              {edits.size > 0 && (
                <Button variant="subtle" onClick={() => setEdits(new Map())}>
                  {t('results.discard')}
                </Button>
              )}
              <Button
                ms="auto"
                color="dark"
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={() => setDialog('close')}
                disabled={busy !== null || changed.length > 0}
              >
                {t('results.closeResults')}
              </Button>
            </Group>
          )}
        </Paper>
      </Stack>
      {dialog === 'close' && (
        <ConfirmModal
          title={t('results.closeTitle')}
          body={t('results.closeExplain')}
          confirmLabel={t('results.closeResults')}
          onConfirm={() => apply(() => closeResults(code), t('results.closedDone'))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reopen' && (
        <ReasonModal
          title={t('results.reopenTitle')}
          explain={t('results.reopenExplain')}
          label={t('results.reopenReason')}
          confirmLabel={t('results.reopen')}
          onConfirm={(reason) =>
            apply(() => reopenResults(code, reason), t('results.reopenedDone'))
          }
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
