import { queryOptions } from '@tanstack/react-query';
import type { Venue, VenueInput, VenueUpdate } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const venueKeys = { all: ['venues'] as const };

export const venuesQuery = queryOptions({
  queryKey: [...venueKeys.all, 'list'] as const,
  queryFn: ({ signal }) => api<Venue[]>('/api/v1/venues', { signal }),
  staleTime: 60_000,
});

const venuePath = (code: string) => `/api/v1/venues/${encodeURIComponent(code)}`;

export const createVenue = (body: VenueInput) =>
  api<Venue>('/api/v1/venues', { method: 'POST', body });
export const updateVenue = (code: string, body: VenueUpdate) =>
  api<Venue>(venuePath(code), { method: 'PATCH', body });
