// Pages of cooperation programmes and of reports, behind sign-in.
import { createRoute as createReportRoute, createRoute } from '@tanstack/react-router';
import { REPORT_GROUPINGS } from '../../../contract/reports.js';
import { ProgrammePage } from '../../features/programmes/ProgrammePage.js';
import { ProgrammesPage } from '../../features/programmes/ProgrammesPage.js';
import { REPORT_TABS, type ReportSearch } from '../../features/reports/api.js';
import { ReportsPage } from '../../features/reports/ReportsPage.js';
import { reportYear } from '../../features/reports/search.js';
import { oneOf as oneOfReport, text as textForReport } from '../search.js';
import { appRoute, guarded, guarded as guardedReport, appRoute as reportParent } from './base.js';
export const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes',
  component: guarded('programmes.read', ProgrammesPage),
});

export const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes/$id',
  component: guarded('programmes.read', ProgrammePage),
});

export const programmeRoutes = [programmesRoute, programmeRoute];
// Reports: filters live in the URL so that a view can be shared or bookmarked.
const reportsRoute = createReportRoute({
  getParentRoute: () => reportParent,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    tab: oneOfReport(search.tab, REPORT_TABS),
    groupBy: oneOfReport(search.groupBy, REPORT_GROUPINGS),
    from: reportYear(search.from),
    to: reportYear(search.to),
    nation: /^[A-Z]{3}$/.test(String(search.nation ?? '')) ? String(search.nation) : undefined,
    discipline: textForReport(search.discipline, 16),
  }),
  component: guardedReport('reports.read', ReportsPage),
});
export const reportRoutes = [reportsRoute];
