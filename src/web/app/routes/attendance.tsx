import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded } from './base.js';

export const sessionAttendanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/attendance',
  component: guarded(
    'attendance.mark',
    lazyRouteComponent(() => import('../../features/attendance/RosterPage.js'), 'RosterPage'),
  ),
});

/** A scanned QR code opens this page; behind sign-in, which comes back here afterwards. */
export const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/check-in/$code',
  component: lazyRouteComponent(
    () => import('../../features/attendance/CheckInPage.js'),
    'CheckInPage',
  ),
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const attendanceRoutes = [sessionAttendanceRoute, checkInRoute] as const;
export const publicAttendanceRoutes = [] as const;
