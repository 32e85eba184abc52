import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { NOMINATION_STATUSES, type NominationStatus } from '../../../contract/index.js';
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
  component: guarded(
    'nominations.read',
    lazyRouteComponent(
      () => import('../../features/nominations/NominationsPage.js'),
      'NominationsPage',
    ),
  ),
});

export const nominationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nominations/$id',
  component: guarded(
    'nominations.read',
    lazyRouteComponent(
      () => import('../../features/nominations/NominationPage.js'),
      'NominationPage',
    ),
  ),
});

export const nominateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/nominate',
  component: guarded(
    'nominations.propose',
    lazyRouteComponent(() => import('../../features/nominations/NominatePage.js'), 'NominatePage'),
  ),
});

export const selectionBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/selection',
  component: guarded(
    'nominations.decide',
    lazyRouteComponent(
      () => import('../../features/nominations/SelectionBoardPage.js'),
      'SelectionBoardPage',
    ),
  ),
});

export const nominationRoutes = [
  nominationsRoute,
  nominationRoute,
  nominateRoute,
  selectionBoardRoute,
];
