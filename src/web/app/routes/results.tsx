import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

export const sessionResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/results',
  component: guarded(
    'results.manage',
    lazyRouteComponent(() => import('../../features/results/ResultsPage.js'), 'ResultsPage'),
  ),
});

export const sessionReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/report',
  component: guarded(
    'delivery.read',
    lazyRouteComponent(() => import('../../features/results/ReportPage.js'), 'ReportPage'),
  ),
});

export const nationReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/nation-report',
  component: guarded(
    'nation-reports.read',
    lazyRouteComponent(
      () => import('../../features/results/NationReportPage.js'),
      'NationReportPage',
    ),
  ),
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const resultRoutes = [sessionResultsRoute, sessionReportRoute, nationReportRoute];
export const publicResultRoutes = [];
