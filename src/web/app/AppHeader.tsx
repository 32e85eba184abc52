import { ActionIcon, AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useMe, useSignOut } from '../features/auth/session.js';
import { useSessionLost } from '../features/auth/sessionRecovery.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { GlobalSearch } from '../features/search/GlobalSearch.js';

interface AppHeaderProps {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ navbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // Once the server says the session is gone, the sign-in dialog is the state, not this name.
  const lost = useSessionLost();
  const roles = me.user.roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator'));

  async function handleSignOut() {
    const atProvider = await signOut().catch(() => null);
    // A single sign-on session ends at the provider too, which sends the browser back here.
    if (atProvider) window.location.assign(atProvider);
    else await navigate({ to: '/sign-in' });
  }

  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={navbarOpened}
            onClick={onToggleNavbar}
            hiddenFrom="sm"
            size="sm"
            aria-label={t(navbarOpened ? 'nav.close' : 'nav.open')}
          />
          <Text fw={700} fz="lg" c="indigo.8">
            Rabita
          </Text>
        </Group>
        {lost ? (
          <Text fz="sm" c="dimmed">
            {t('sessionLoss.signedOut')}
          </Text>
        ) : (
          <Group gap={8} wrap="nowrap" miw={0}>
            <Text fz="sm" visibleFrom="sm" lineClamp={1} miw={0}>
              <Text span fw={600}>
                {me.user.displayName}
              </Text>
              <Text span c="dimmed">
                {' · '}
                {roles}
              </Text>
            </Text>
            <GlobalSearch />
            <NotificationBell />
            <LanguageSwitch />
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              visibleFrom="sm"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void handleSignOut()}
            >
              {t('auth.signOut')}
            </Button>
            {/* On a phone the words do not fit beside the bell and the language (Arabic ran off
              the edge at 390 px): the icon alone, still named. */}
            <ActionIcon
              variant="subtle"
              color="gray"
              hiddenFrom="sm"
              aria-label={t('auth.signOut')}
              onClick={() => void handleSignOut()}
            >
              <IconLogout size={18} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </AppShell.Header>
  );
}
