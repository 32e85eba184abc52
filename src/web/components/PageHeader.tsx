import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Small line above the title, e.g. a back link. */
  above?: ReactNode;
}

/**
 * The page's one h1, with its actions at the end of the line (right in LTR, left in RTL). It
 * takes the focus after a navigation (`lib/focus.ts`), so it is focusable from script only.
 */
export function PageHeader({ title, description, actions, above }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="md">
      {above}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} fz={24} tabIndex={-1}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && (
        <Text c="dimmed" fz="sm" maw={760}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
