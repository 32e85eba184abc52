import { queryOptions } from '@tanstack/react-query';
import type {
  Agenda,
  AgendaItem,
  AgendaItemInput,
  AgendaItemUpdate,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const agendaKeys = { session: (code: string) => ['agenda', code] as const };

const agendaPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/agenda`;

/** The session's agenda; a 404 means the reader has none to see (a draft, or not theirs). */
export const agendaQuery = (code: string) =>
  queryOptions({
    queryKey: agendaKeys.session(code),
    queryFn: ({ signal }) => api<Agenda>(agendaPath(code), { signal }),
    retry: false,
  });

export const agendaPdfPath = (code: string) => `${agendaPath(code)}.pdf`;

export const createAgendaItem = (code: string, body: AgendaItemInput) =>
  api<AgendaItem>(`${agendaPath(code)}/items`, { method: 'POST', body });
export const updateAgendaItem = (code: string, id: string, body: AgendaItemUpdate) =>
  api<AgendaItem>(`${agendaPath(code)}/items/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  });
export const deleteAgendaItem = (code: string, id: string) =>
  api<Agenda>(`${agendaPath(code)}/items/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const setAgendaPublished = (code: string, published: boolean) =>
  api<Agenda>(`${agendaPath(code)}/publication`, { method: 'PUT', body: { published } });
