// Pages of cooperation programmes and of reports, behind sign-in.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { REPORT_GROUPINGS } from '../../../contract/reports.js';
import { REPORT_TABS, type ReportSearch } from '../../features/reports/api.js';
import { reportYear } from '../../features/reports/search.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

export const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes',
  component: guarded(
    'programmes.read',
    lazyRouteComponent(
      () => import('../../features/programmes/ProgrammesPage.js'),
      'ProgrammesPage',
    ),
  ),
});

export const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes/$id',
  component: guarded(
    'programmes.read',
    lazyRouteComponent(() => import('../../features/programmes/ProgrammePage.js'), 'ProgrammePage'),
  ),
});

export const programmeRoutes = [programmesRoute, programmeRoute];
// Reports: filters live in the URL so that a view can be shared or bookmarked.
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    tab: oneOf(search.tab, REPORT_TABS),
    groupBy: oneOf(search.groupBy, REPORT_GROUPINGS),
    from: reportYear(search.from),
    to: reportYear(search.to),
    nation: /^[A-Z]{3}$/.test(String(search.nation ?? '')) ? String(search.nation) : undefined,
    discipline: text(search.discipline, 16),
  }),
  component: guarded(
    'reports.read',
    lazyRouteComponent(() => import('../../features/reports/ReportsPage.js'), 'ReportsPage'),
  ),
});
export const reportRoutes = [reportsRoute];
