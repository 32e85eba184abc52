import { AppShell, ScrollArea } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NavLinkLink } from '../components/links.js';
import { useMe } from '../features/auth/session.js';
import { landingOf } from '../features/home/landing.js';
import { isActive, NAV_ITEMS } from './navigation.js';

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const items = NAV_ITEMS.filter((item) => me.permissions.includes(item.permission));

  return (
    <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
      <AppShell.Section grow component={ScrollArea}>
        {items.map((item) => {
          const Icon = item.icon;
          const label =
            item.to === '/' ? t(`landing.${landingOf(me.user.roles)}.title`) : t(item.label);
          return (
            <NavLinkLink
              key={item.to}
              to={item.to}
              label={label}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              active={isActive(pathname, item.to)}
              onClick={onNavigate}
            />
          );
        })}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
