import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../contract/index.js';
import { oneOf } from '../search.js';
import { appRoute, guarded, rootRoute } from './base.js';

/** Reached from a sign-in page or an e-mail, so outside the signed-in layout. */
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => import('../../features/passwords/ForgotPasswordPage.js'),
    'ForgotPasswordPage',
  ),
});

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password/$token',
  component: lazyRouteComponent(
    () => import('../../features/passwords/SetPasswordPage.js'),
    'SetPasswordPage',
  ),
});

export const messageTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages/templates',
  component: guarded(
    'messages.manage',
    lazyRouteComponent(() => import('../../features/messages/TemplatesPage.js'), 'TemplatesPage'),
  ),
});

export const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages/outbox',
  validateSearch: (search: Record<string, unknown>): { status?: OutboxStatus } => ({
    status: oneOf(search.status, OUTBOX_STATUSES),
  }),
  component: guarded(
    'messages.manage',
    lazyRouteComponent(() => import('../../features/messages/OutboxPage.js'), 'OutboxPage'),
  ),
});

export const failedJobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/jobs/failed',
  component: guarded(
    'jobs.manage',
    lazyRouteComponent(() => import('../../features/jobs/FailedJobsPage.js'), 'FailedJobsPage'),
  ),
});

export const publicMessageRoutes = [forgotPasswordRoute, setPasswordRoute] as const;
export const messageRoutes = [messageTemplatesRoute, outboxRoute, failedJobsRoute] as const;
