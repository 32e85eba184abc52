import { queryOptions } from '@tanstack/react-query';
import type {
  AttendanceBatchResult,
  AttendanceMarkInput,
  AttendanceRoster,
  CheckInCode,
  CheckInResult,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const attendanceKeys = {
  roster: (code: string) => ['attendance', 'roster', code] as const,
  checkInCode: (code: string, day: string) => ['attendance', 'check-in-code', code, day] as const,
};

const rosterPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/attendance`;

export const rosterQuery = (code: string) =>
  queryOptions({
    queryKey: attendanceKeys.roster(code),
    queryFn: ({ signal }) => api<AttendanceRoster>(rosterPath(code), { signal }),
    // Marks made offline are shown from the local queue; the server's copy is the base.
    staleTime: 30_000,
  });

export const sendMarks = (code: string, marks: AttendanceMarkInput[]) =>
  api<AttendanceBatchResult>(rosterPath(code), { method: 'PUT', body: { marks } });

export const checkInCodeQuery = (code: string, day: string) =>
  queryOptions({
    queryKey: attendanceKeys.checkInCode(code, day),
    queryFn: ({ signal }) =>
      api<CheckInCode>(`${rosterPath(code)}/check-in-code`, { signal, query: { day } }),
    staleTime: 5 * 60_000,
    retry: false,
  });

export const checkIn = (code: string) =>
  api<CheckInResult>('/api/v1/attendance/check-in', { method: 'POST', body: { code } });
