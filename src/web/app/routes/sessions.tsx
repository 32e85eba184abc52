import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { SESSION_STATUSES, type SessionStatus } from '../../../contract/index.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

export interface SessionsSearch {
  view?: 'month' | 'list';
  month?: string;
  q?: string;
  discipline?: string;
  status?: SessionStatus;
  open?: 'true';
  /** The list shows sessions from today on unless past ones are asked for. */
  past?: 'true';
}

function month(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;
}

export const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions',
  validateSearch: (search: Record<string, unknown>): SessionsSearch => ({
    view: oneOf(search.view, ['month', 'list'] as const),
    month: month(search.month),
    q: text(search.q, 200),
    discipline: text(search.discipline, 16),
    status: oneOf(search.status, SESSION_STATUSES),
    open: oneOf(search.open, ['true'] as const),
    past: oneOf(search.past, ['true'] as const),
  }),
  component: guarded(
    'sessions.read',
    lazyRouteComponent(() => import('../../features/sessions/SessionsPage.js'), 'SessionsPage'),
  ),
});

export const sessionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/new',
  validateSearch: (search: Record<string, unknown>): { activity?: string } => ({
    activity: text(search.activity, 40),
  }),
  component: guarded(
    'sessions.manage',
    lazyRouteComponent(
      () => import('../../features/sessions/SessionCreatePage.js'),
      'SessionCreatePage',
    ),
  ),
});

export const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code',
  component: guarded(
    'sessions.read',
    lazyRouteComponent(() => import('../../features/sessions/SessionPage.js'), 'SessionPage'),
  ),
});

export const sessionEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/edit',
  component: guarded(
    'sessions.manage',
    lazyRouteComponent(
      () => import('../../features/sessions/SessionEditPage.js'),
      'SessionEditPage',
    ),
  ),
});

export const venuesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/venues',
  component: guarded(
    'sessions.manage',
    lazyRouteComponent(() => import('../../features/venues/VenuesPage.js'), 'VenuesPage'),
  ),
});

export const sessionRoutes = [
  sessionsRoute,
  sessionNewRoute,
  sessionRoute,
  sessionEditRoute,
  venuesRoute,
];
