import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  Assignment,
  AssignmentInput,
  AssignmentUpdate,
  Lecturer,
  LecturerInput,
  LecturerKind,
  LecturerPage,
  LecturerUpdate,
  MyAssignment,
} from '../../../contract/index.js';
import { api, withQuery } from '../../lib/api.js';

export const lecturerKeys = {
  all: ['lecturers'] as const,
  session: (code: string) => ['lecturers', 'session', code] as const,
};

export const lecturersQuery = (search: { q?: string; kind?: LecturerKind }) =>
  infiniteQueryOptions({
    queryKey: [...lecturerKeys.all, 'list', search] as const,
    queryFn: ({ signal, pageParam }) =>
      api<LecturerPage>(withQuery('/api/v1/lecturers', { ...search, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The registry for a picker: the first 200 by name (the picker searches among them). */
export const lecturerChoicesQuery = queryOptions({
  queryKey: [...lecturerKeys.all, 'choices'] as const,
  queryFn: ({ signal }) => api<LecturerPage>('/api/v1/lecturers?limit=200', { signal }),
  staleTime: 30_000,
});

export const sessionLecturersQuery = (code: string) =>
  queryOptions({
    queryKey: lecturerKeys.session(code),
    queryFn: ({ signal }) =>
      api<Assignment[]>(`/api/v1/sessions/${encodeURIComponent(code)}/lecturers`, { signal }),
  });

export const myAssignmentsQuery = queryOptions({
  queryKey: [...lecturerKeys.all, 'mine'] as const,
  queryFn: ({ signal }) => api<MyAssignment[]>('/api/v1/me/lecturer-assignments', { signal }),
});

export const createLecturer = (body: LecturerInput) =>
  api<Lecturer>('/api/v1/lecturers', { method: 'POST', body });
export const updateLecturer = (id: string, body: LecturerUpdate) =>
  api<Lecturer>(`/api/v1/lecturers/${encodeURIComponent(id)}`, { method: 'PATCH', body });

const assignmentsPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/lecturers`;
export const assignLecturer = (code: string, body: AssignmentInput) =>
  api<Assignment>(assignmentsPath(code), { method: 'POST', body });
export const updateAssignment = (code: string, id: string, body: AssignmentUpdate) =>
  api<Assignment>(`${assignmentsPath(code)}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  });
export const removeAssignment = (code: string, id: string) =>
  api<null>(`${assignmentsPath(code)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
