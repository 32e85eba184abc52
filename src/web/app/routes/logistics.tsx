import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

export const sessionLogisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/logistics',
  component: guarded(
    'logistics.read',
    lazyRouteComponent(
      () => import('../../features/logistics/LogisticsSheetPage.js'),
      'LogisticsSheetPage',
    ),
  ),
});

export const logisticsRoutes = [sessionLogisticsRoute];
