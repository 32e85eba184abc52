import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the reader sees while the solver works: the server answers only once it is done, so the
 * bar cannot measure, but the seconds it counts say the page is alive.
 */
export function PlanProgress() {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text fz="sm">{t('plans.solving', { count: seconds })}</Text>
      <Progress value={100} animated striped aria-label={t('plans.solvingLabel')} />
    </Stack>
  );
}
