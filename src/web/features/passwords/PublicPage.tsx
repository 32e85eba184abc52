import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';

/** The frame of pages reached without signing in, like the sign-in page. */
export function PublicPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" h={52}>
        <Text fw={700} fz="lg" c="indigo.8">
          Rabita
        </Text>
        <LanguageSwitch />
      </Group>
      <Box component="main" px="md" pt={48}>
        <Paper withBorder shadow="xs" p="xl" maw={420} mx="auto">
          <Stack gap="md">
            <div>
              <Title order={1} fz={22}>
                {title}
              </Title>
              {intro && (
                <Text c="dimmed" fz="sm" mt={4}>
                  {intro}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
