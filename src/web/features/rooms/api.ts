import { queryOptions } from '@tanstack/react-query';
import type {
  InterpretationInput,
  Room,
  RoomBookingInput,
  RoomInput,
  RoomUpdate,
  SessionRoom,
  VenueCalendar,
} from '../../../contract/index.js';
import { api, withQuery } from '../../lib/api.js';

export const roomKeys = { all: ['rooms'] as const };

const venuePath = (code: string) => `/api/v1/venues/${encodeURIComponent(code)}`;
const sessionPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}`;

export const roomsQuery = (venueCode: string) =>
  queryOptions({
    queryKey: [...roomKeys.all, 'venue', venueCode] as const,
    queryFn: ({ signal }) => api<Room[]>(`${venuePath(venueCode)}/rooms`, { signal }),
  });

export const venueCalendarQuery = (venueCode: string, from: string, to: string) =>
  queryOptions({
    queryKey: [...roomKeys.all, 'calendar', venueCode, from, to] as const,
    queryFn: ({ signal }) =>
      api<VenueCalendar>(withQuery(`${venuePath(venueCode)}/calendar`, { from, to }), { signal }),
  });

export const sessionRoomQuery = (code: string) =>
  queryOptions({
    queryKey: [...roomKeys.all, 'session', code] as const,
    queryFn: ({ signal }) => api<SessionRoom>(`${sessionPath(code)}/room`, { signal }),
  });

export const createRoom = (venueCode: string, body: RoomInput) =>
  api<Room>(`${venuePath(venueCode)}/rooms`, { method: 'POST', body });
export const updateRoom = (venueCode: string, id: string, body: RoomUpdate) =>
  api<Room>(`${venuePath(venueCode)}/rooms/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const bookRoom = (code: string, body: RoomBookingInput) =>
  api<SessionRoom>(`${sessionPath(code)}/room`, { method: 'PUT', body });
export const releaseRoom = (code: string) =>
  api<SessionRoom>(`${sessionPath(code)}/room`, { method: 'DELETE' });
export const setInterpretation = (code: string, body: InterpretationInput) =>
  api<SessionRoom>(`${sessionPath(code)}/interpretation`, { method: 'PUT', body });
