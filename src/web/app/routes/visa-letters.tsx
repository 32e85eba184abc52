import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { VerifyLetterPage } from '../../features/visa-letters/VerifyLetterPage.js';
import { appRoute, guarded, rootRoute } from './base.js';

export const sessionVisaLettersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/visa-letters',
  component: guarded(
    'visa-letters.read',
    lazyRouteComponent(
      () => import('../../features/visa-letters/SessionVisaLettersPage.js'),
      'SessionVisaLettersPage',
    ),
  ),
});

/** Reached from a letter's QR code by anyone (a consulate), so outside the signed-in layout. */
export const verifyLetterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/letter/$id',
  component: VerifyLetterPage,
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const visaLetterRoutes = [sessionVisaLettersRoute];
export const publicVisaLetterRoutes = [verifyLetterRoute];
