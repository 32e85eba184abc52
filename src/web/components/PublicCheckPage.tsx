import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * The frame of a public check page (a certificate's, a visa letter's) that a QR code opens with
 * no sign-in: the name and the language switch above one card with its title.
 */
export function PublicCheckPage({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
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
      <Box component="main" px="md" py={32}>
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} maw={720} mx="auto">
          <Stack gap="lg">
            <Group gap="sm" wrap="nowrap">
              {icon}
              <Title order={1} fz={22}>
                {title}
              </Title>
            </Group>
            {children}
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
