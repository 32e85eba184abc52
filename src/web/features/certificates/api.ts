import { queryOptions } from '@tanstack/react-query';
import type {
  Certificate,
  IssueOutcome,
  MyCertificate,
  RevokeRequest,
  SessionCertificates,
  Verification,
} from '../../../contract/index.js';
import { ApiError, api, toProblem } from '../../lib/api.js';

export const certificateKeys = {
  all: ['certificates'] as const,
  session: (code: string) => ['certificates', 'session', code] as const,
  mine: ['certificates', 'mine'] as const,
  verify: (id: string) => ['certificates', 'verify', id] as const,
};

const sessionPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}/certificates`;

export const sessionCertificatesQuery = (code: string) =>
  queryOptions({
    queryKey: certificateKeys.session(code),
    queryFn: ({ signal }) => api<SessionCertificates>(sessionPath(code), { signal }),
  });

export const myCertificatesQuery = queryOptions({
  queryKey: certificateKeys.mine,
  queryFn: ({ signal }) =>
    api<{ items: MyCertificate[] }>('/api/v1/me/certificates', { signal }).then((r) => r.items),
});

export const verificationQuery = (id: string) =>
  queryOptions({
    queryKey: certificateKeys.verify(id),
    queryFn: ({ signal }) =>
      api<Verification>(`/api/v1/verify/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });

export const issueCertificate = (nominationId: string) =>
  api<Certificate>(`/api/v1/nominations/${encodeURIComponent(nominationId)}/certificate`, {
    method: 'POST',
  });

export const issueSessionCertificates = (code: string) =>
  api<IssueOutcome>(sessionPath(code), { method: 'POST' });

export const revokeCertificate = (id: string, body: RevokeRequest) =>
  api<Certificate>(`/api/v1/certificates/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    body,
  });

/** Download addresses; the browser sends the session cookie with a plain link. */
export const pdfUrl = (id: string) => `/api/v1/certificates/${encodeURIComponent(id)}.pdf`;
export const badgeUrl = (id: string) => `/api/v1/certificates/${encodeURIComponent(id)}/badge.json`;
export const zipUrl = (code: string) => `${sessionPath(code)}.zip`;

/** Sends a PDF as it is to the public check; no sign-in, so no CSRF header either. */
export async function verifyFile(file: File): Promise<Verification> {
  let response: Response;
  try {
    response = await fetch('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: 'network', detail: '' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(toProblem(response.status, body), body);
  return body as Verification;
}
