import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { AccountPage } from '../../features/account/AccountPage.js';
import { HomePage } from '../../features/home/HomePage.js';
import { isoDate, text } from '../search.js';
import { appRoute, guarded } from './base.js';

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomePage,
});

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: text(search.q) }),
  component: guarded(
    'users.read',
    lazyRouteComponent(() => import('../../features/users/UsersPage.js'), 'UsersPage'),
  ),
});

export const identityProvidersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/identity-providers',
  component: guarded(
    'identity_providers.manage',
    lazyRouteComponent(
      () => import('../../features/identity-providers/IdentityProvidersPage.js'),
      'IdentityProvidersPage',
    ),
  ),
});

export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks',
  component: guarded(
    'webhooks.manage',
    lazyRouteComponent(() => import('../../features/webhooks/WebhooksPage.js'), 'WebhooksPage'),
  ),
});

export interface AuditSearch {
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    entityType: text(search.entityType, 50),
    action: text(search.action, 80),
    from: isoDate(search.from),
    to: isoDate(search.to),
  }),
  component: guarded(
    'audit.read',
    lazyRouteComponent(() => import('../../features/audit/AuditPage.js'), 'AuditPage'),
  ),
});

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: AccountPage,
});

// Listed one by one so that each path stays a literal type for typed links.
export const comingSoonRoutes = [];
