import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkDecisionResult } from '../../../contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { focusAfterDialogs } from '../../lib/focus.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { sessionQuery } from '../sessions/api.js';
import { bulkDecide, nominationKeys, selectionBoardQuery } from './api.js';
import { BoardSeats } from './BoardSeats.js';
import { BoardTable } from './BoardTable.js';
import { boardOrder, isDecidable } from './board.js';
import { NominationProblem } from './NominationProblem.js';
import { PromotionPause } from './PromotionPause.js';
import { ReasonModal } from './ReasonModal.js';
import { type ConflictedPerson, SelectionConflictAlert } from './SelectionConflictAlert.js';
import { WaitlistSection } from './WaitlistSection.js';

const route = getRouteApi('/app/sessions/$code/selection');

type BulkAction = 'select' | 'waitlist' | 'reject';
type Result = BulkDecisionResult['results'][number];

export function SelectionBoardPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const queryClient = useQueryClient();
  const board = useQuery(selectionBoardQuery(code));
  const session = useQuery(sessionQuery(code));
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, Result>>(new Map());
  const [busy, setBusy] = useState<BulkAction | null>(null);
  const [asking, setAsking] = useState<BulkAction | null>(null);
  // The last decision's outcome, read out and given the focus (the buttons are disabled by then).
  const [outcome, setOutcome] = useState<{ text: string; at: number } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) focusAfterDialogs(outcomeRef.current);
  }, [outcome]);
  const locale = currentLocale();
  const can = useCan();

  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('nominations.backToSession')}
    </AnchorLink>
  );

  /**
   * Sends one bulk decision: the ticked rows, or (an override) the rows refused for a selection
   * elsewhere. Results merge into what the table shows.
   */
  async function decide(
    action: BulkAction,
    reason?: string,
    override?: { nominationIds: string[]; reason: string },
  ) {
    setBusy(action);
    try {
      const answer = await bulkDecide(code, {
        nominationIds: override?.nominationIds ?? ticked,
        action,
        reason,
        ...(override ? { overrideConflict: { reason: override.reason } } : {}),
      });
      setResults((prev) =>
        override
          ? new Map([...prev, ...answer.results.map((r) => [r.nominationId, r] as const)])
          : new Map(answer.results.map((r) => [r.nominationId, r])),
      );
      const failed = answer.results.filter((r) => !r.ok).map((r) => r.nominationId);
      // What failed stays ticked, so it can be looked at and tried again.
      setChecked(new Set(failed));
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      const message = t('nominations.board.bulkDone', {
        ok: answer.results.length - failed.length,
        failed: failed.length,
      });
      // Said once, where the focus goes: a toast as well made screen readers read it twice.
      setOutcome({ text: message, at: Date.now() });
    } finally {
      // A refusal of the whole request is shown where it was asked for: the dialog or the alert.
      setBusy(null);
    }
  }

  const title = session.data
    ? t('nominations.board.titleOf', { title: localized(session.data.activityTitle, locale) })
    : t('nominations.board.title');

  if (board.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (board.isError) {
    return (
      <>
        <PageHeader title={t('nominations.board.title')} above={back} />
        <ProblemAlert error={board.error} />
      </>
    );
  }
  const rows = boardOrder(board.data.nominations);
  const live = new Set(rows.filter(isDecidable).map((r) => r.id));
  const ticked = [...checked].filter((id) => live.has(id));
  const tickedNations = new Set(rows.filter((r) => ticked.includes(r.id)).map((r) => r.nationCode));
  const figures = [
    { label: t('nominations.board.confirm.people'), value: ticked.length },
    { label: t('nominations.board.confirm.nations'), value: tickedNations.size },
  ];
  // Rows a bulk selection refused because the person is selected elsewhere over the same days.
  const conflicted: (ConflictedPerson & { id: string })[] = rows.flatMap((r) => {
    const result = results.get(r.id);
    return result?.code === 'selection_conflict' && result.conflicts
      ? [{ id: r.id, key: r.id, name: r.participantName.latin, conflicts: result.conflicts }]
      : [];
  });

  return (
    <>
      <PageHeader
        above={back}
        title={title}
        description={
          <Text span ff="monospace" fw={600} c="dark">
            <bdi dir="ltr">{code}</bdi>
          </Text>
        }
      />
      <Stack gap="lg">
        <BoardSeats board={board.data} />
        <PromotionPause
          code={code}
          paused={board.data.promotionPaused}
          status={session.data?.status}
        />
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('nominations.board.nominations')}
          </Title>
          <Group
            gap="xs"
            mb="sm"
            role="group"
            aria-label={t('nominations.board.bulkLabel')}
            wrap="wrap"
          >
            <Text fz="sm" fw={600} me="sm" aria-live="polite">
              {t('nominations.board.checkedCount', { count: ticked.length })}
            </Text>
            <Button
              size="xs"
              disabled={ticked.length === 0 || (busy !== null && busy !== 'select')}
              loading={busy === 'select'}
              onClick={() => setAsking('select')}
            >
              {t('nominations.action.select')}
            </Button>
            <Button
              size="xs"
              variant="light"
              disabled={ticked.length === 0 || (busy !== null && busy !== 'waitlist')}
              loading={busy === 'waitlist'}
              onClick={() => setAsking('waitlist')}
            >
              {t('nominations.action.waitlist')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              disabled={ticked.length === 0 || busy !== null}
              onClick={() => setAsking('reject')}
            >
              {t('nominations.action.reject')}
            </Button>
          </Group>
          <Text ref={outcomeRef} role="status" tabIndex={-1} fz="sm" mb={outcome ? 'sm' : 0}>
            {outcome?.text}
          </Text>
          {conflicted.length > 0 && (
            <SelectionConflictAlert
              people={conflicted}
              canOverride={can('nominations.override')}
              onOverride={(reason) =>
                decide('select', undefined, {
                  nominationIds: conflicted.map((c) => c.id),
                  reason,
                })
              }
            />
          )}
          {rows.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('nominations.board.empty')}
            </Text>
          ) : (
            <BoardTable
              rows={rows}
              checked={checked}
              results={results}
              onToggle={(id, on) =>
                setChecked((prev) => {
                  const next = new Set(prev);
                  if (on) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
              onToggleAll={(on) => setChecked(on ? new Set(live) : new Set())}
            />
          )}
        </Paper>
        <WaitlistSection rows={rows} />
      </Stack>
      {(asking === 'select' || asking === 'waitlist') && (
        <ConfirmDialog
          title={t(`nominations.board.confirm.${asking}Title`, { count: ticked.length })}
          figures={figures}
          body={t(`nominations.board.confirm.${asking}`)}
          confirmLabel={t(`nominations.action.${asking}`)}
          problem={(caught) => <NominationProblem error={caught} />}
          onConfirm={() => decide(asking)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'reject' && (
        <ReasonModal
          title={t('nominations.board.rejectTitle', { count: ticked.length })}
          explain={
            <>
              {figures.map((f) => `${f.label}: ${f.value}`).join(t('common.listSeparator'))}
              <br />
              {t('nominations.board.confirm.reject')}
            </>
          }
          label={t('nominations.reason')}
          confirmLabel={t('nominations.action.reject')}
          danger
          onConfirm={(reason) => decide('reject', reason)}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
