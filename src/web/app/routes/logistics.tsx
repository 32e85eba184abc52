import { createRoute } from '@tanstack/react-router';
import { LogisticsSheetPage } from '../../features/logistics/LogisticsSheetPage.js';
import { appRoute, guarded } from './base.js';

export const sessionLogisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/logistics',
  component: guarded('logistics.read', LogisticsSheetPage),
});

export const logisticsRoutes = [sessionLogisticsRoute];
