import { createRoute } from '@tanstack/react-router';
import { NOMINATION_STATUSES, type NominationStatus } from '../../../contract/index.js';
import { NominatePage } from '../../features/nominations/NominatePage.js';
import { NominationPage } from '../../features/nominations/NominationPage.js';
import { NominationsPage } from '../../features/nominations/NominationsPage.js';
import { SelectionBoardPage } from '../../features/nominations/SelectionBoardPage.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

export interface NominationsSearch {
  status?: NominationStatus;
  session?: string;
  nation?: string;
}

function nationCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

export const nominationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nominations',
  validateSearch: (search: Record<string, unknown>): NominationsSearch => ({
    status: oneOf(search.status, NOMINATION_STATUSES),
    session: text(search.session, 40),
    nation: nationCode(search.nation),
  }),
  component: guarded('nominations.read', NominationsPage),
});

export const nominationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nominations/$id',
  component: guarded('nominations.read', NominationPage),
});

export const nominateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/nominate',
  component: guarded('nominations.propose', NominatePage),
});

export const selectionBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/selection',
  component: guarded('nominations.decide', SelectionBoardPage),
});

export const nominationRoutes = [
  nominationsRoute,
  nominationRoute,
  nominateRoute,
  selectionBoardRoute,
];
