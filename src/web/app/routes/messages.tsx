import { createRoute } from '@tanstack/react-router';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../contract/index.js';
import { OutboxPage } from '../../features/messages/OutboxPage.js';
import { TemplatesPage } from '../../features/messages/TemplatesPage.js';
import { ForgotPasswordPage } from '../../features/passwords/ForgotPasswordPage.js';
import { SetPasswordPage } from '../../features/passwords/SetPasswordPage.js';
import { oneOf } from '../search.js';
import { appRoute, guarded, rootRoute } from './base.js';

/** Reached from a sign-in page or an e-mail, so outside the signed-in layout. */
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password/$token',
  component: SetPasswordPage,
});

export const messageTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages/templates',
  component: guarded('messages.manage', TemplatesPage),
});

export const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages/outbox',
  validateSearch: (search: Record<string, unknown>): { status?: OutboxStatus } => ({
    status: oneOf(search.status, OUTBOX_STATUSES),
  }),
  component: guarded('messages.manage', OutboxPage),
});

export const publicMessageRoutes = [forgotPasswordRoute, setPasswordRoute] as const;
export const messageRoutes = [messageTemplatesRoute, outboxRoute] as const;
