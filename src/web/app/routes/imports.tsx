import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

export const importPeopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import/people',
  component: guarded(
    'imports.run',
    lazyRouteComponent(() => import('../../features/imports/ImportPage.js'), 'ImportPage'),
  ),
});

export const importRoutes = [importPeopleRoute];
