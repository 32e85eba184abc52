import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of a record's detail, laid out as a definition list item. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0}>
        {children ?? '—'}
      </Text>
    </Box>
  );
}
