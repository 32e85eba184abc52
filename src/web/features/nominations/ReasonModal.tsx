import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.js';
import { NominationProblem } from './NominationProblem.js';

interface Props {
  title: string;
  explain?: ReactNode;
  label: string;
  confirmLabel: string;
  danger?: boolean;
  /** An override's justification needs a real sentence, not "ok". */
  minLength?: number;
  /** Extra fields above the reason (the person of a substitution). */
  children?: ReactNode;
  /** Refuses to go on (returns false) when the extra fields are not ready. */
  beforeConfirm?: () => boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Saying no, pulling out or overriding a rule is explained to the other side: the reason is required. */
export function ReasonModal({
  title,
  explain,
  label,
  confirmLabel,
  danger,
  minLength = 1,
  children,
  beforeConfirm,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const ready = beforeConfirm ? beforeConfirm() : true;
    const text = reason.trim();
    if (!text) setFieldError(t('validation.required'));
    else if (text.length < minLength) setFieldError(t('validation.minLength', { min: minLength }));
    if (!ready || !text || text.length < minLength) return;
    setBusy(true);
    try {
      await onConfirm(text);
      onClose();
    } catch (caught) {
      // Keep what was typed; a problem with the reason goes beside it, anything else above the buttons.
      const onReason =
        isApiError(caught, 'validation_failed') &&
        (caught.problem.errors ?? []).some(
          (e) => e.field === 'reason' || e.field === 'justification',
        );
      if (onReason) setFieldError(t('errors.codes.validation_failed'));
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={children ? 'xl' : 'md'}
      closeButtonProps={{ 'aria-label': t('nominations.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {explain && <Text fz="sm">{explain}</Text>}
          {children}
          <Textarea
            label={label}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            error={fieldError}
            data-autofocus
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setFieldError(null);
            }}
          />
          <NominationProblem error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
