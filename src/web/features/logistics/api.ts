import { queryOptions } from '@tanstack/react-query';
import type { Logistics, LogisticsInput, LogisticsSheet } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const logisticsKeys = {
  all: ['logistics'] as const,
  one: (nominationId: string) => ['logistics', 'nomination', nominationId] as const,
  sheet: (code: string) => ['logistics', 'sheet', code] as const,
};

const nominationPath = (id: string) => `/api/v1/nominations/${encodeURIComponent(id)}/logistics`;
const sheetPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/logistics`;

export const logisticsQuery = (nominationId: string) =>
  queryOptions({
    queryKey: logisticsKeys.one(nominationId),
    queryFn: ({ signal }) => api<Logistics>(nominationPath(nominationId), { signal }),
    // A 409 (not selected yet) or 404 will not change by asking again.
    retry: false,
  });

export const saveLogistics = (nominationId: string, body: LogisticsInput) =>
  api<Logistics>(nominationPath(nominationId), { method: 'PUT', body });

export const logisticsSheetQuery = (code: string) =>
  queryOptions({
    queryKey: logisticsKeys.sheet(code),
    queryFn: ({ signal }) => api<LogisticsSheet>(sheetPath(code), { signal }),
  });

/** The download's address; the browser sends the session cookie with a plain link. */
export const sheetDownloadUrl = (code: string, format: 'csv' | 'xlsx') =>
  `${sheetPath(code)}.${format}`;
