import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session.js';
import { useSessionExpiry } from '../features/auth/useSessionExpiry.js';
import { currentLocale, rememberLocale } from '../i18n/index.js';
import { AppHeader } from './AppHeader.js';
import { AppNavbar } from './AppNavbar.js';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const { i18n } = useTranslation();
  const profileLocale = me.user.locale;
  useSessionExpiry();

  // After sign-in the profile's language wins over what this browser last used. Only a change of
  // the profile value triggers this, so a switch in progress is not undone.
  useEffect(() => {
    if (profileLocale !== currentLocale()) {
      rememberLocale(profileLocale);
      void i18n.changeLanguage(profileLocale);
    }
  }, [profileLocale, i18n]);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppHeader navbarOpened={opened} onToggleNavbar={toggle} />
      <AppNavbar onNavigate={close} />
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
