import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Progress as ProgressFigures } from '../../../contract/index.js';

function share(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

/** Completed, then selected but not yet completed, against the seats planned; figures beside. */
export function ProgressLine({ progress, label }: { progress: ProgressFigures; label: string }) {
  const { t } = useTranslation();
  const done = share(progress.completed, progress.planned);
  const selected = Math.max(0, share(progress.selected, progress.planned) - done);
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" aria-label={label}>
        <Progress.Section value={done} color="teal.8" aria-label={t('programme.completed')} />
        <Progress.Section value={selected} color="blue.3" aria-label={t('programme.selected')} />
      </Progress.Root>
      <Group gap="md" wrap="wrap">
        {(['planned', 'offered', 'nominated', 'selected', 'completed'] as const).map((key) => (
          <Text key={key} size="sm">
            {t('programme.labelled', { label: t(`programme.${key}`) })} <b>{progress[key]}</b>
          </Text>
        ))}
      </Group>
      {progress.lagReasons.length > 0 && (
        <Text size="sm" c="orange.9">
          {t('programme.lagging')}{' '}
          {progress.lagReasons.map((r) => t(`lagReason.${r}`)).join(t('programme.listSeparator'))}
        </Text>
      )}
    </Stack>
  );
}
