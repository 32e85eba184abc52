import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { NATION_STATUSES, type NationStatus } from '../../../contract/index.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

// Every key optional: links may omit filters, and an empty filter stays out of the URL.
interface NationsSearch {
  tab?: 'nations' | 'frameworks';
  q?: string;
  framework?: string;
  status?: NationStatus;
}

export const nationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  validateSearch: (search: Record<string, unknown>): NationsSearch => ({
    tab: oneOf(search.tab, ['nations', 'frameworks'] as const),
    q: text(search.q),
    framework: text(search.framework, 16),
    status: oneOf(search.status, NATION_STATUSES),
  }),
  component: guarded(
    'partners.read',
    lazyRouteComponent(
      () => import('../../features/partners/nations/NationsPage.js'),
      'NationsPage',
    ),
  ),
});

export const nationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/new',
  component: guarded(
    'partners.manage',
    lazyRouteComponent(
      () => import('../../features/partners/nations/NationCreatePage.js'),
      'NationCreatePage',
    ),
  ),
});

export const nationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$code',
  component: guarded(
    'partners.read',
    lazyRouteComponent(
      () => import('../../features/partners/nations/NationDetailPage.js'),
      'NationDetailPage',
    ),
  ),
});

export const nationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$code/edit',
  component: guarded(
    'partners.manage',
    lazyRouteComponent(
      () => import('../../features/partners/nations/NationEditPage.js'),
      'NationEditPage',
    ),
  ),
});

export const institutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: text(search.q) }),
  component: guarded(
    'partners.read',
    lazyRouteComponent(
      () => import('../../features/partners/institutions/InstitutionsPage.js'),
      'InstitutionsPage',
    ),
  ),
});

export const institutionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions/new',
  component: guarded(
    'partners.manage',
    lazyRouteComponent(
      () => import('../../features/partners/institutions/InstitutionCreatePage.js'),
      'InstitutionCreatePage',
    ),
  ),
});

export const institutionEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions/$code/edit',
  component: guarded(
    'partners.manage',
    lazyRouteComponent(
      () => import('../../features/partners/institutions/InstitutionEditPage.js'),
      'InstitutionEditPage',
    ),
  ),
});

export const partnerRoutes = [
  nationsRoute,
  nationNewRoute,
  nationRoute,
  nationEditRoute,
  institutionsRoute,
  institutionNewRoute,
  institutionEditRoute,
];
