import { createRoute } from '@tanstack/react-router';
import { ReportPage } from '../../features/results/ReportPage.js';
import { ResultsPage } from '../../features/results/ResultsPage.js';
import { appRoute, guarded } from './base.js';

export const sessionResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/results',
  component: guarded('results.manage', ResultsPage),
});

export const sessionReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/report',
  component: guarded('delivery.read', ReportPage),
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const resultRoutes = [sessionResultsRoute, sessionReportRoute];
export const publicResultRoutes = [];
