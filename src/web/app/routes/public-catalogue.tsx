import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './base.js';

/** The year's public catalogue: anyone, no sign-in, so outside the signed-in layout. */
export const publicCatalogueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/catalogue/$year',
  component: lazyRouteComponent(
    () => import('../../features/public-catalogue/PublicCataloguePage.js'),
    'PublicCataloguePage',
  ),
});

export const publicCatalogueRoutes = [publicCatalogueRoute];
