import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { ACTIVITY_TYPES, DELIVERY_METHODS } from '../../../contract/index.js';
import type { ActivityTypeName, DeliveryName } from '../../features/catalogue/labels.js';
import { isoDate, oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

// Every key optional: an empty filter stays out of the URL.
export interface CatalogueSearch {
  tab?: 'activities' | 'disciplines';
  q?: string;
  discipline?: string;
  provider?: string;
  type?: ActivityTypeName;
  delivery?: DeliveryName;
  language?: string;
  open?: 'true';
  /** Only activities with a session starting in this range. */
  from?: string;
  to?: string;
}

export const catalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue',
  validateSearch: (search: Record<string, unknown>): CatalogueSearch => ({
    tab: oneOf(search.tab, ['activities', 'disciplines'] as const),
    q: text(search.q, 200),
    discipline: text(search.discipline, 16),
    provider: text(search.provider, 24),
    type: oneOf(search.type, ACTIVITY_TYPES),
    delivery: oneOf(search.delivery, DELIVERY_METHODS),
    language: text(search.language, 2),
    open: oneOf(search.open, ['true'] as const),
    from: isoDate(search.from),
    to: isoDate(search.to),
  }),
  component: guarded(
    'catalogue.read',
    lazyRouteComponent(() => import('../../features/catalogue/CataloguePage.js'), 'CataloguePage'),
  ),
});

export const activityNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/new',
  component: guarded(
    'catalogue.manage',
    lazyRouteComponent(
      () => import('../../features/catalogue/ActivityCreatePage.js'),
      'ActivityCreatePage',
    ),
  ),
});

export const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/$code',
  component: guarded(
    'catalogue.read',
    lazyRouteComponent(() => import('../../features/catalogue/ActivityPage.js'), 'ActivityPage'),
  ),
});

export const activityEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/$code/edit',
  component: guarded(
    'catalogue.manage',
    lazyRouteComponent(
      () => import('../../features/catalogue/ActivityEditPage.js'),
      'ActivityEditPage',
    ),
  ),
});

export const catalogueRoutes = [catalogueRoute, activityNewRoute, activityRoute, activityEditRoute];
