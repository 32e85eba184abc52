import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Me } from '../../contract/index.js';
import { SessionLossDialog } from '../features/auth/SessionLossDialog.js';
import { meQuery, useMe } from '../features/auth/session.js';
import { installSessionRecovery } from '../features/auth/sessionRecovery.js';
import { useSessionExpiry } from '../features/auth/useSessionExpiry.js';
import { currentLocale, rememberLocale, takeChoiceBeforeSignIn } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { focusPageHeading, installFocusReturn } from '../lib/focus.js';
import { AppHeader } from './AppHeader.js';
import { AppNavbar } from './AppNavbar.js';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const profileLocale = me.user.locale;
  useSessionExpiry();
  useEffect(() => installSessionRecovery(queryClient), [queryClient]);
  useEffect(() => installFocusReturn(), []);
  usePageHeadingFocus();

  // A language chosen on the sign-in page is kept and becomes the profile's (the person just said
  // which language they read); otherwise the profile's language wins over what this browser last
  // used. Only a change of the profile value triggers this, so a switch in progress is not undone.
  const choiceBeforeSignIn = useRef<Locale | null | undefined>(undefined);
  if (choiceBeforeSignIn.current === undefined)
    choiceBeforeSignIn.current = takeChoiceBeforeSignIn();
  useEffect(() => {
    const chosen = choiceBeforeSignIn.current;
    choiceBeforeSignIn.current = null;
    if (chosen && chosen !== profileLocale) {
      void api<Me>('/api/v1/auth/me/preferences', { method: 'PATCH', body: { locale: chosen } })
        .then((updated) => queryClient.setQueryData(meQuery.queryKey, updated))
        .catch(() => {
          // The page keeps the chosen language; the profile catches up on the next change.
        });
      return;
    }
    if (profileLocale !== currentLocale()) {
      rememberLocale(profileLocale);
      void i18n.changeLanguage(profileLocale);
    }
  }, [profileLocale, i18n, queryClient]);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('common.skipToContent')}
      </a>
      <AppHeader navbarOpened={opened} onToggleNavbar={toggle} />
      <AppNavbar onNavigate={close} />
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <SessionLossDialog />
    </AppShell>
  );
}

// The path the focus was last placed for: module-wide, as the layout itself may be mounted
// again while a lazily loaded page arrives, and that must not count as a navigation or end one.
let focusedFor: string | null = null;

/** After each navigation (not the first page, where the browser starts at the top). */
function usePageHeadingFocus() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useEffect(() => {
    if (focusedFor !== null && focusedFor !== pathname) focusPageHeading();
    focusedFor = pathname;
  }, [pathname]);
}
