import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination, NominationAction } from '../../../contract/index.js';
import { reasonRequired } from '../../../domain/nomination-lifecycle.js';
import { useCan } from '../auth/session.js';
import { portalKeys } from '../portal/api.js';
import { nominationKeys, nominationQuery, transitionNomination } from './api.js';
import { actionVariant } from './labels.js';
import { NominationProblem } from './NominationProblem.js';
import { ReasonModal } from './ReasonModal.js';
import { SelectionConflictAlert, selectionConflictsOf } from './SelectionConflictAlert.js';

/** One button per move the reader may make now, as the server listed them. */
export function NominationActions({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<NominationAction | null>(null);
  const [asking, setAsking] = useState<NominationAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const can = useCan();

  if (nomination.allowedActions.length === 0) return null;
  const conflicts = selectionConflictsOf(error);

  async function act(action: NominationAction, reason?: string, overrideConflict?: string) {
    setBusy(action);
    setError(null);
    try {
      const updated = await transitionNomination(nomination.id, action, reason, overrideConflict);
      queryClient.setQueryData(nominationQuery(nomination.id).queryKey, updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: nominationKeys.all }),
        queryClient.invalidateQueries({ queryKey: portalKeys.all }),
      ]);
      notifications.show({
        closeButtonProps: { 'aria-label': t('nominations.close') },
        color: 'teal',
        message: t(`nominations.status.${updated.status}`),
      });
    } catch (caught) {
      if (!reason) setError(caught);
      throw caught;
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Group gap="xs" mb="sm" role="group" aria-label={t('nominations.actionsLabel')}>
        {nomination.allowedActions.map((action) => (
          <Button
            key={action}
            size="sm"
            {...actionVariant(action)}
            loading={busy === action}
            disabled={busy !== null && busy !== action}
            onClick={() =>
              reasonRequired(action) ? setAsking(action) : void act(action).catch(() => undefined)
            }
          >
            {t(`nominations.action.${action}`)}
          </Button>
        ))}
      </Group>
      {conflicts ? (
        <SelectionConflictAlert
          people={[{ key: nomination.id, conflicts }]}
          canOverride={can('nominations.override')}
          onOverride={(why) => act('select', undefined, why)}
        />
      ) : (
        <NominationProblem error={error} />
      )}
      {asking && (
        <ReasonModal
          title={t(`nominations.reasonTitle.${asking}`)}
          explain={t(`nominations.reasonExplain.${asking}`)}
          label={t('nominations.reason')}
          confirmLabel={t(`nominations.action.${asking}`)}
          danger={asking !== 'withdraw'}
          onConfirm={(reason) => act(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
