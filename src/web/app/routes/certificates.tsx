import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { VerifyPage } from '../../features/certificates/VerifyPage.js';
import { appRoute, guarded, rootRoute } from './base.js';

export const sessionCertificatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/certificates',
  component: guarded(
    'delivery.read',
    lazyRouteComponent(
      () => import('../../features/certificates/SessionCertificatesPage.js'),
      'SessionCertificatesPage',
    ),
  ),
});

/** Reached from a certificate's QR code by anyone, so outside the signed-in layout. */
export const verifyCertificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$id',
  component: VerifyPage,
});

/** The same page without an id: only the file check. */
export const verifyFileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify',
  component: VerifyPage,
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const certificateRoutes = [sessionCertificatesRoute];
export const publicCertificateRoutes = [verifyCertificateRoute, verifyFileRoute];
