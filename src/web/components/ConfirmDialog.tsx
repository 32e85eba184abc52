import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.js';

export interface Figure {
  label: string;
  value: ReactNode;
}

/** "Selected participants: 14": how many a step reaches, each figure on its own line. */
export function Figures({ figures }: { figures: readonly Figure[] }) {
  if (figures.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {figures.map((figure) => (
        <List.Item key={figure.label}>
          {figure.label}:{' '}
          <Text span fw={700} fz="sm">
            {figure.value}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

interface Props {
  title: string;
  /** What will happen: the reader decides on this sentence. */
  body: ReactNode;
  /** To how many: each figure as "label: value", shown above the sentence. */
  figures?: readonly Figure[];
  confirmLabel: string;
  /** A step that cannot be taken back: the button is red. */
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** How a refusal is shown; a plain problem alert unless the feature has its own words. */
  problem?: (error: unknown) => ReactNode;
}

/**
 * Asks once more before a step that cannot be taken back. Cancel has the focus, so Enter does
 * not confirm by accident; a refusal stays in the dialog beside the buttons.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger,
  figures,
  onConfirm,
  onClose,
  problem,
}: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
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
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {figures && <Figures figures={figures} />}
        {typeof body === 'string' ? <Text fz="sm">{body}</Text> : body}
        {problem ? problem(error) : <ProblemAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color={danger ? 'red.9' : undefined}
            onClick={() => void confirm()}
            loading={busy}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
