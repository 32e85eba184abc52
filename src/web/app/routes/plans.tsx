// The annual plan: the year's demand, then the plan's year view, behind plans.manage.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

/** A year a plan may be made for, or nothing (the page then picks next year). */
function planYear(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

export const planDemandRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: (search: Record<string, unknown>): { year?: number } => ({
    year: planYear(search.year),
  }),
  component: guarded(
    'plans.manage',
    lazyRouteComponent(() => import('../../features/plans/DemandPage.js'), 'DemandPage'),
  ),
});

export const planYearRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$year',
  validateSearch: (search: Record<string, unknown>): { version?: number } => {
    const n = Number(search.version);
    return { version: Number.isInteger(n) && n >= 1 ? n : undefined };
  },
  component: guarded(
    'plans.manage',
    lazyRouteComponent(() => import('../../features/plans/PlanPage.js'), 'PlanPage'),
  ),
});

export const planRoutes = [planDemandRoute, planYearRoute];
