import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Figure, Figures } from '../../components/ConfirmDialog.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

interface Props {
  code: string;
  /** Who is reached: selected, waitlisted, awaiting a decision, nations. */
  figures: readonly Figure[];
  onCancel: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Cancelling reaches every nation involved, so the dialog says how many people it touches; the
 * reason goes with it, so it is required.
 */
export function CancelSessionModal({ code, figures, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setFieldError(t('validation.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onCancel(reason.trim());
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 400) setFieldError(errorMessage(caught));
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('sessions.cancelTitle', { code })}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Figures figures={figures} />
          <Text fz="sm">{t('sessions.cancelExplain')}</Text>
          <Textarea
            label={t('sessions.cancelReason')}
            required
            autosize
            minRows={3}
            value={reason}
            error={fieldError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setFieldError(null);
            }}
          />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('sessions.keepSession')}
            </Button>
            <Button type="submit" color="red.8" loading={busy}>
              {t('transition.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
