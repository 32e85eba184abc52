import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { LECTURER_KINDS, type LecturerKind } from '../../../contract/index.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

export interface LecturersSearch {
  q?: string;
  kind?: LecturerKind;
}

export const lecturersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lecturers',
  validateSearch: (search: Record<string, unknown>): LecturersSearch => ({
    q: text(search.q, 100),
    kind: oneOf(search.kind, LECTURER_KINDS),
  }),
  component: guarded(
    'lecturers.read',
    lazyRouteComponent(() => import('../../features/lecturers/LecturersPage.js'), 'LecturersPage'),
  ),
});

export const venueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/venues/$code',
  component: guarded(
    'rooms.read',
    lazyRouteComponent(() => import('../../features/rooms/VenuePage.js'), 'VenuePage'),
  ),
});

export const lecturerRoutes = [lecturersRoute, venueRoute];
