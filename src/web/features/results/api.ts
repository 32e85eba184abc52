import { queryOptions } from '@tanstack/react-query';
import type {
  CompletionRuleInput,
  ConfirmResultsInput,
  MyAttendance,
  NationReportItem,
  SessionReport,
  SessionResults,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const resultKeys = {
  all: ['results'] as const,
  mine: ['results', 'my-attendance'] as const,
};

const sessionPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}`;

export const resultsQuery = (code: string) =>
  queryOptions({
    queryKey: [...resultKeys.all, 'session', code] as const,
    queryFn: ({ signal }) => api<SessionResults>(`${sessionPath(code)}/results`, { signal }),
  });

export const reportQuery = (code: string) =>
  queryOptions({
    queryKey: [...resultKeys.all, 'report', code] as const,
    queryFn: ({ signal }) => api<SessionReport>(`${sessionPath(code)}/report`, { signal }),
  });

export const myAttendanceQuery = queryOptions({
  queryKey: resultKeys.mine,
  queryFn: ({ signal }) => api<MyAttendance>('/api/v1/me/attendance', { signal }),
});

export const setCompletionRule = (code: string, body: CompletionRuleInput) =>
  api<SessionResults>(`${sessionPath(code)}/results/rule`, { method: 'PUT', body });
export const confirmResults = (code: string, body: ConfirmResultsInput) =>
  api<SessionResults>(`${sessionPath(code)}/results`, { method: 'PUT', body });
export const closeResults = (code: string) =>
  api<SessionResults>(`${sessionPath(code)}/results/close`, { method: 'POST' });
export const reopenResults = (code: string, reason: string) =>
  api<SessionResults>(`${sessionPath(code)}/results/reopen`, {
    method: 'POST',
    body: { reason },
  });
export const saveReportComments = (code: string, text: string) =>
  api<SessionReport>(`${sessionPath(code)}/report/comments`, { method: 'PUT', body: { text } });

/** The PDF is a plain download: the browser sends the session cookie with a GET. */
export const reportPdfUrl = (code: string, locale: string) =>
  `${sessionPath(code)}/report.pdf?locale=${encodeURIComponent(locale)}`;

export const nationReportQuery = (code: string) =>
  queryOptions({
    queryKey: [...resultKeys.all, 'nation-report', code] as const,
    queryFn: ({ signal }) => api<SessionReport>(`${sessionPath(code)}/nation-report`, { signal }),
  });

export const nationReportPdfUrl = (code: string, locale: string) =>
  `${sessionPath(code)}/nation-report.pdf?locale=${encodeURIComponent(locale)}`;

export const nationReportsQuery = queryOptions({
  queryKey: [...resultKeys.all, 'nation-reports'] as const,
  queryFn: ({ signal }) =>
    api<{ items: NationReportItem[] }>('/api/v1/me/nation-reports', { signal }).then(
      (r) => r.items,
    ),
});
