import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkDecisionResult } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { sessionQuery } from '../sessions/api.js';
import { bulkDecide, nominationKeys, selectionBoardQuery } from './api.js';
import { BoardSeats } from './BoardSeats.js';
import { BoardTable } from './BoardTable.js';
import { boardOrder, isDecidable } from './board.js';
import { NominationProblem } from './NominationProblem.js';
import { PromotionPause } from './PromotionPause.js';
import { ReasonModal } from './ReasonModal.js';
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
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locale = currentLocale();

  const back = (
    <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
      {t('nominations.backToSession')}
    </AnchorLink>
  );

  async function decide(action: BulkAction, reason?: string) {
    setBusy(action);
    setError(null);
    try {
      const answer = await bulkDecide(code, { nominationIds: ticked, action, reason });
      setResults(new Map(answer.results.map((r) => [r.nominationId, r])));
      const failed = answer.results.filter((r) => !r.ok).map((r) => r.nominationId);
      // What failed stays ticked, so it can be looked at and tried again.
      setChecked(new Set(failed));
      await queryClient.invalidateQueries({ queryKey: nominationKeys.all });
      notifications.show({
        closeButtonProps: { 'aria-label': t('nominations.close') },
        color: failed.length > 0 ? 'orange' : 'teal',
        message: t('nominations.board.bulkDone', {
          ok: answer.results.length - failed.length,
          failed: failed.length,
        }),
      });
    } catch (caught) {
      if (!reason) setError(caught);
      throw caught;
    } finally {
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
              onClick={() => void decide('select').catch(() => undefined)}
            >
              {t('nominations.action.select')}
            </Button>
            <Button
              size="xs"
              variant="light"
              disabled={ticked.length === 0 || (busy !== null && busy !== 'waitlist')}
              loading={busy === 'waitlist'}
              onClick={() => void decide('waitlist').catch(() => undefined)}
            >
              {t('nominations.action.waitlist')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              disabled={ticked.length === 0 || busy !== null}
              onClick={() => setRejecting(true)}
            >
              {t('nominations.action.reject')}
            </Button>
          </Group>
          <NominationProblem error={error} />
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
      {rejecting && (
        <ReasonModal
          title={t('nominations.board.rejectTitle', { count: ticked.length })}
          explain={t('nominations.reasonExplain.reject')}
          label={t('nominations.reason')}
          confirmLabel={t('nominations.action.reject')}
          danger
          onConfirm={(reason) => decide('reject', reason)}
          onClose={() => setRejecting(false)}
        />
      )}
    </>
  );
}
