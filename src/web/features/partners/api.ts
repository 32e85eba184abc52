import { queryOptions } from '@tanstack/react-query';
import type {
  Contact,
  ContactInput,
  ContactUpdate,
  Framework,
  FrameworkInput,
  Institution,
  InstitutionInput,
  InstitutionUpdate,
  Nation,
  NationInput,
  NationListQuery,
  NationSummary,
  NationUpdate,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const partnerKeys = {
  nations: ['nations'] as const,
  frameworks: ['frameworks'] as const,
  institutions: ['institutions'] as const,
};

export const nationsQuery = (filters: NationListQuery) =>
  queryOptions({
    queryKey: [...partnerKeys.nations, 'list', filters] as const,
    queryFn: ({ signal }) =>
      api<NationSummary[]>('/api/v1/nations', { query: { ...filters }, signal }),
  });

export const nationQuery = (code: string) =>
  queryOptions({
    queryKey: [...partnerKeys.nations, 'one', code] as const,
    queryFn: ({ signal }) => api<Nation>(`/api/v1/nations/${encodeURIComponent(code)}`, { signal }),
  });

export const frameworksQuery = queryOptions({
  queryKey: partnerKeys.frameworks,
  queryFn: ({ signal }) => api<Framework[]>('/api/v1/frameworks', { signal }),
  staleTime: 5 * 60_000,
});

export const institutionsQuery = queryOptions({
  queryKey: [...partnerKeys.institutions, 'list'] as const,
  queryFn: ({ signal }) => api<Institution[]>('/api/v1/institutions', { signal }),
});

export const institutionQuery = (code: string) =>
  queryOptions({
    queryKey: [...partnerKeys.institutions, 'one', code] as const,
    queryFn: ({ signal }) =>
      api<Institution>(`/api/v1/institutions/${encodeURIComponent(code)}`, { signal }),
  });

const nationPath = (code: string) => `/api/v1/nations/${encodeURIComponent(code)}`;

export const createNation = (body: NationInput) =>
  api<Nation>('/api/v1/nations', { method: 'POST', body });
export const updateNation = (code: string, body: NationUpdate) =>
  api<Nation>(nationPath(code), { method: 'PATCH', body });

export const createFramework = (body: FrameworkInput) =>
  api<Framework>('/api/v1/frameworks', { method: 'POST', body });

export const createContact = (code: string, body: ContactInput) =>
  api<Contact>(`${nationPath(code)}/contacts`, { method: 'POST', body });
export const updateContact = (code: string, id: string, body: ContactUpdate) =>
  api<Contact>(`${nationPath(code)}/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteContact = (code: string, id: string) =>
  api<void>(`${nationPath(code)}/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const createInstitution = (body: InstitutionInput) =>
  api<Institution>('/api/v1/institutions', { method: 'POST', body });
export const updateInstitution = (code: string, body: InstitutionUpdate) =>
  api<Institution>(`/api/v1/institutions/${encodeURIComponent(code)}`, { method: 'PATCH', body });
