import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { type Permission, SSO_REFUSALS, type SsoRefusal } from '../../../contract/index.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { SignInPage } from '../../features/auth/SignInPage.js';
import { meQuery } from '../../features/auth/session.js';
import { AppLayout } from '../AppLayout.js';
import { Guard } from '../Guard.js';
import { safeRedirect } from '../search.js';

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; sso?: SsoRefusal } => ({
    redirect: safeRedirect(search.redirect),
    // Why a single sign-on came back without a session, as the server's callback says.
    sso: SSO_REFUSALS.find((refusal) => refusal === search.sso),
  }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: SignInPage,
});

/** Every page behind sign-in hangs under this pathless layout. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: AppLayout,
});

/** Wraps a page so that a user without the permission sees an explanation, not an error. */
export function guarded(permission: Permission, Page: ComponentType) {
  return function GuardedPage() {
    return (
      <Guard permission={permission}>
        <Page />
      </Guard>
    );
  };
}
