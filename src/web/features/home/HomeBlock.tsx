import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

/** The participant's home is used on phones in class: every target at least 44 px. */
export const PARTICIPANT_TARGET = 44;

/** Badge colours dark enough for their text's contrast: something on (active) or off. */
export const STATE_COLOR = { on: 'teal.9', off: 'gray.7' } as const;

interface HomeBlockProps {
  title: string;
  /** Shown beside the title; omitted when the block is not a count of things. */
  count?: number;
  /** What the reader should know when there is nothing to list: what comes next. */
  empty?: ReactNode;
  children?: ReactNode;
  /** Links to where this is handled, at the block's foot. */
  footer?: ReactNode;
}

/**
 * One block of a home page: a titled card, its count, its items as a stacked list (no table, so
 * nothing scrolls sideways on a phone) or, when there are none, a sentence saying what comes next.
 */
export function HomeBlock({ title, count, empty, children, footer }: HomeBlockProps) {
  const headingId = useId();
  const isEmpty = count === 0 || (count === undefined && !children);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="center">
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {count !== undefined && count > 0 && (
            <Badge color="blue.9" aria-hidden>
              {count}
            </Badge>
          )}
        </Group>
        {isEmpty && empty ? (
          <Text fz="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          children
        )}
        {footer && (
          <Group gap="xs" wrap="wrap">
            {footer}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** An item of a block's list: its main line, then the details under it. */
export function HomeItem({ children }: { children: ReactNode }) {
  return (
    <Stack
      gap={2}
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      component="li"
    >
      {children}
    </Stack>
  );
}

export function HomeList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Stack
      gap={0}
      component="ul"
      aria-label={label}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {children}
    </Stack>
  );
}
