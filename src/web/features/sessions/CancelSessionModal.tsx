import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

interface Props {
  code: string;
  onCancel: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Cancelling tells every nation involved; the reason goes with it, so it is required. */
export function CancelSessionModal({ code, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setFieldError(t('validation.required'));
      return;
    }
    setBusy(true);
    try {
      await onCancel(reason.trim());
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 400) setFieldError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('sessions.cancelTitle', { code })}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
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
