import {
  IconAlertTriangle,
  IconBook,
  IconBuilding,
  IconCalendarEvent,
  IconCalendarStats,
  IconChartBar,
  IconClipboardList,
  IconFlag,
  IconHome,
  IconId,
  IconKey,
  IconListCheck,
  IconMail,
  IconMailCog,
  IconMailOpened,
  IconMapPin,
  IconShieldLock,
  IconSpeakerphone,
  IconTableImport,
  IconTargetArrow,
  IconUserCircle,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import type { Permission } from '../../contract/index.js';

export interface NavItem {
  to:
    | '/'
    | '/partners'
    | '/institutions'
    | '/catalogue'
    | '/sessions'
    | '/people'
    | '/import/people'
    | '/venues'
    | '/lecturers'
    | '/nominations'
    | '/invitations'
    | '/programmes'
    | '/plans'
    | '/reports'
    | '/surveys'
    | '/users'
    | '/identity-providers'
    | '/webhooks'
    | '/audit'
    | '/messages/templates'
    | '/messages/outbox'
    | '/jobs/failed'
    | '/account';
  /** i18n key of the label; Home's label depends on the role instead. */
  label: string;
  icon: typeof IconHome;
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome, permission: 'authenticated' },
  { to: '/partners', label: 'nav.partners', icon: IconFlag, permission: 'partners.read' },
  {
    to: '/institutions',
    label: 'nav.institutions',
    icon: IconBuilding,
    permission: 'partners.read',
  },
  { to: '/catalogue', label: 'nav.catalogue', icon: IconBook, permission: 'catalogue.read' },
  { to: '/sessions', label: 'nav.sessions', icon: IconCalendarEvent, permission: 'sessions.read' },
  { to: '/people', label: 'participants.nav', icon: IconId, permission: 'participants.read' },
  { to: '/import/people', label: 'imports.nav', icon: IconTableImport, permission: 'imports.run' },
  { to: '/venues', label: 'nav.venues', icon: IconMapPin, permission: 'sessions.manage' },
  {
    to: '/lecturers',
    label: 'lecturers.nav',
    icon: IconSpeakerphone,
    permission: 'lecturers.read',
  },
  {
    to: '/nominations',
    label: 'nav.nominations',
    icon: IconListCheck,
    permission: 'nominations.read',
  },
  {
    to: '/invitations',
    label: 'invitations.nav',
    icon: IconMailOpened,
    permission: 'authenticated',
  },
  {
    to: '/programmes',
    label: 'nav.programmes',
    icon: IconTargetArrow,
    permission: 'authenticated',
  },
  { to: '/plans', label: 'plans.nav', icon: IconCalendarStats, permission: 'plans.manage' },
  { to: '/reports', label: 'nav.reports', icon: IconChartBar, permission: 'reports.read' },
  {
    to: '/surveys',
    label: 'surveys.nav',
    icon: IconClipboardList,
    permission: 'surveys.results',
  },
  { to: '/users', label: 'nav.users', icon: IconUsers, permission: 'users.read' },
  {
    to: '/identity-providers',
    label: 'nav.identityProviders',
    icon: IconKey,
    permission: 'identity_providers.manage',
  },
  { to: '/webhooks', label: 'webhooks.nav', icon: IconWebhook, permission: 'webhooks.manage' },
  { to: '/audit', label: 'nav.audit', icon: IconShieldLock, permission: 'audit.read' },
  {
    to: '/messages/templates',
    label: 'messages.nav.templates',
    icon: IconMailCog,
    permission: 'messages.manage',
  },
  {
    to: '/messages/outbox',
    label: 'messages.nav.outbox',
    icon: IconMail,
    permission: 'messages.manage',
  },
  {
    to: '/jobs/failed',
    label: 'messages.nav.jobs',
    icon: IconAlertTriangle,
    permission: 'jobs.manage',
  },
  { to: '/account', label: 'nav.account', icon: IconUserCircle, permission: 'authenticated' },
];

export function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
