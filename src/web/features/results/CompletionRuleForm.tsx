import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: number;
  disabled: boolean;
  onSave: (percent: number) => Promise<void>;
}

/** The session's completion rule: the share of days a participant must be present. */
export function CompletionRuleForm({ value, disabled, onSave }: Props) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | string>(value);
  const [busy, setBusy] = useState(false);
  const valid =
    typeof percent === 'number' && Number.isInteger(percent) && percent >= 50 && percent <= 100;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!valid || typeof percent !== 'number') return;
    setBusy(true);
    try {
      await onSave(percent);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('results.rule.label')}
          description={t('results.rule.help')}
          min={50}
          max={100}
          step={5}
          suffix="%"
          w={220}
          value={percent}
          onChange={setPercent}
          disabled={disabled}
          error={valid ? undefined : t('results.rule.invalid')}
        />
        <Button
          type="submit"
          variant="light"
          loading={busy}
          disabled={disabled || !valid || percent === value}
        >
          {t('results.rule.save')}
        </Button>
      </Group>
      <Text fz="xs" c="dimmed" mt={4}>
        {t('results.rule.excused')}
      </Text>
    </form>
  );
}
