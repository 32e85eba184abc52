import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../features/auth/session.js';
import { browserStorage, clearDraft, loadDraft, saveDraft } from './drafts.js';

export interface Draft<V> {
  /** Keeps the values as the form's draft; call on every change. */
  save: (values: V) => void;
  /** Forgets the draft: after a successful submit. */
  clear: () => void;
  /** The "Draft restored — discard" notice, or null when nothing was restored. */
  notice: React.ReactNode;
}

interface Options<V> {
  /** Puts restored values into the form. */
  restore: (values: V) => void;
  /** Puts the form back as it was before the draft: "discard". */
  reset: () => void;
  /** False while the form is not ready for values (its data still loading). */
  enabled?: boolean;
}

/**
 * A form's local draft, per signed-in user and `formId`: restored once when the form opens (with
 * a notice that offers to discard it), kept on every change, cleared on submit and sign-out.
 */
export function useDraft<V>(
  formId: string | null,
  { restore, reset, enabled = true }: Options<V>,
): Draft<V> {
  const { t } = useTranslation();
  // Read, not fetched: a page without a signed-in person (a supervisor's link) keeps no draft.
  const userId = useQueryClient().getQueryData(meQuery.queryKey)?.user.id ?? null;
  const [restored, setRestored] = useState(false);
  const tried = useRef(false);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  useEffect(() => {
    if (!enabled || !userId || !formId || tried.current) return;
    tried.current = true;
    const values = loadDraft(browserStorage(), userId, formId, Date.now());
    if (values === null || typeof values !== 'object') return;
    restoreRef.current(values as V);
    setRestored(true);
  }, [enabled, userId, formId]);

  const save = (values: V) => {
    if (userId && formId && enabled)
      saveDraft(browserStorage(), userId, formId, values, Date.now());
  };
  const clear = () => {
    if (userId && formId) clearDraft(browserStorage(), userId, formId);
    setRestored(false);
  };
  function discard() {
    reset();
    clear();
  }

  const notice = restored ? (
    <Alert color="blue" variant="light" py="xs" mb="md" maw={960} role="status">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fz="sm">{t('sessionLoss.draftRestored')}</Text>
        <Button size="compact-sm" variant="subtle" onClick={discard}>
          {t('sessionLoss.discardDraft')}
        </Button>
      </Group>
    </Alert>
  ) : null;

  return { save, clear, notice };
}
