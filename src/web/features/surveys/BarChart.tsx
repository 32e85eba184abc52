import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Bar {
  label: string;
  count: number;
}

/** Share of `total`, as a whole percentage; 0 when nothing was counted. */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/**
 * Horizontal bars with the count and share written beside each one, so the numbers are read
 * without hovering and the chart says the same thing to a screen reader as a table would.
 */
export function BarChart({
  bars,
  total,
  caption,
}: {
  bars: Bar[];
  total: number;
  caption: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <Box
      component="table"
      style={{ borderCollapse: 'collapse', width: '100%' }}
      aria-label={caption}
    >
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.label}>
            <Box component="th" scope="row" fw={400} fz="sm" py={3} pe="sm" ta="start" w="35%">
              {bar.label}
            </Box>
            <Box component="td" py={3} aria-hidden>
              <Box
                h={14}
                bg="indigo.6"
                style={{
                  borderRadius: 2,
                  width: `${(bar.count / max) * 100}%`,
                  minWidth: bar.count > 0 ? 2 : 0,
                }}
              />
            </Box>
            <Box component="td" py={3} ps="sm" w={110}>
              <Text span fz="sm" fw={600}>
                {bar.count}
              </Text>
              {/* In brackets, so "1" beside "50 %" never reads as "150 %". */}
              <Text span fz="xs" c="dimmed" ms={6}>
                ({t('surveys.results.percent', { value: percentOf(bar.count, total) })})
              </Text>
            </Box>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}
