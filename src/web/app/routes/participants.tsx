import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { text } from '../search.js';
import { appRoute, guarded } from './base.js';

export interface PeopleSearch {
  q?: string;
  nation?: string;
}

function nation(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

export const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): PeopleSearch => ({
    q: text(search.q, 100),
    nation: nation(search.nation),
  }),
  component: guarded(
    'participants.read',
    lazyRouteComponent(
      () => import('../../features/participants/ParticipantsPage.js'),
      'ParticipantsPage',
    ),
  ),
});

export const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/new',
  component: guarded(
    'participants.manage',
    lazyRouteComponent(
      () => import('../../features/participants/ParticipantCreatePage.js'),
      'ParticipantCreatePage',
    ),
  ),
});

export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$id',
  component: guarded(
    'participants.read',
    lazyRouteComponent(
      () => import('../../features/participants/ParticipantPage.js'),
      'ParticipantPage',
    ),
  ),
});

export const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$id/edit',
  component: guarded(
    'participants.manage',
    lazyRouteComponent(
      () => import('../../features/participants/ParticipantEditPage.js'),
      'ParticipantEditPage',
    ),
  ),
});

export const participantRoutes = [peopleRoute, personNewRoute, personRoute, personEditRoute];
