import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

/** Where an invitation's e-mail leads: the nation's (or person's) invitations to answer. */
export const invitationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/invitations',
  component: guarded(
    'authenticated',
    lazyRouteComponent(
      () => import('../../features/invitations/InvitationsPage.js'),
      'InvitationsPage',
    ),
  ),
});

export const invitationRoutes = [invitationsRoute];
