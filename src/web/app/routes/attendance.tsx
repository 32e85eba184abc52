import { createRoute } from '@tanstack/react-router';
import { CheckInPage } from '../../features/attendance/CheckInPage.js';
import { RosterPage } from '../../features/attendance/RosterPage.js';
import { appRoute, guarded } from './base.js';

export const sessionAttendanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/attendance',
  component: guarded('attendance.mark', RosterPage),
});

/** A scanned QR code opens this page; behind sign-in, which comes back here afterwards. */
export const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/check-in/$code',
  component: CheckInPage,
});

// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const attendanceRoutes = [sessionAttendanceRoute, checkInRoute] as const;
export const publicAttendanceRoutes = [] as const;
