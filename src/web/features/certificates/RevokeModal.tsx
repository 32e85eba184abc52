import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevokeRequest } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

interface Props {
  name: string;
  onRevoke: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Revoking is public (the verification page shows the reason), so the reason is required. */
export function RevokeModal({ name, onRevoke, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!RevokeRequest.safeParse({ reason }).success) {
      setFieldError(t('certificates.reasonTooShort'));
      return;
    }
    setBusy(true);
    try {
      await onRevoke(reason.trim());
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('certificates.revokeTitle', { name })}
      closeButtonProps={{ 'aria-label': t('certificates.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text fz="sm">{t('certificates.revokeExplain')}</Text>
          <ProblemAlert error={error} />
          <Textarea
            label={t('certificates.reason')}
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
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={busy}>
              {t('certificates.revoke')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
