import { queryOptions } from '@tanstack/react-query';
import type {
  Plan,
  PlanAccepted,
  PlanAddRequest,
  PlanComparison,
  PlanDemand,
  PlanMoveRequest,
  PlanRunRequest,
  PlanSession,
} from '../../../contract/plans.js';
import { api } from '../../lib/api.js';

type PlanSummary = Omit<Plan, 'sessions' | 'unmet' | 'conflicts' | 'islamicHolidays'>;

export const planKeys = {
  year: (year: number) => ['plans', year] as const,
};

export const demandQuery = (year: number) =>
  queryOptions({
    queryKey: [...planKeys.year(year), 'demand'] as const,
    queryFn: ({ signal }) => api<PlanDemand>(`/api/v1/plans/${year}/demand`, { signal }),
  });

export const versionsQuery = (year: number) =>
  queryOptions({
    queryKey: [...planKeys.year(year), 'versions'] as const,
    queryFn: ({ signal }) =>
      api<{ items: PlanSummary[] }>(`/api/v1/plans/${year}/versions`, { signal }),
  });

export const planQuery = (year: number, version: number) =>
  queryOptions({
    queryKey: [...planKeys.year(year), 'version', version] as const,
    queryFn: ({ signal }) => api<Plan>(`/api/v1/plans/${year}/versions/${version}`, { signal }),
  });

export const compareQuery = (year: number, from: number, to: number) =>
  queryOptions({
    queryKey: [...planKeys.year(year), 'compare', from, to] as const,
    queryFn: ({ signal }) =>
      api<PlanComparison>(`/api/v1/plans/${year}/compare?from=${from}&to=${to}`, { signal }),
  });

export const runPlan = (year: number, body: PlanRunRequest) =>
  api<Plan>(`/api/v1/plans/${year}/versions`, { method: 'POST', body });

const sessionPath = (year: number, version: number, id?: string) =>
  `/api/v1/plans/${year}/versions/${version}/sessions${id ? `/${encodeURIComponent(id)}` : ''}`;

export const lockSession = (year: number, version: number, id: string, locked: boolean) =>
  api<PlanSession>(sessionPath(year, version, id), { method: 'PATCH', body: { locked } });

export const moveSession = (year: number, version: number, id: string, body: PlanMoveRequest) =>
  api<PlanSession>(`${sessionPath(year, version, id)}/move`, { method: 'POST', body });

export const addSession = (year: number, version: number, body: PlanAddRequest) =>
  api<PlanSession>(sessionPath(year, version), { method: 'POST', body });

export const removeSession = (year: number, version: number, id: string) =>
  api<Plan>(sessionPath(year, version, id), { method: 'DELETE' });

export const acceptPlan = (year: number, version: number, announce: boolean) =>
  api<PlanAccepted>(`/api/v1/plans/${year}/versions/${version}/accept`, {
    method: 'POST',
    body: { announce },
  });
