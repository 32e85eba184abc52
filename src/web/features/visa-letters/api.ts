import { queryOptions } from '@tanstack/react-query';
import type {
  IssuedVisaLetter,
  LetterVerification,
  SessionVisaLetters,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const letterKeys = {
  all: ['visa-letters'] as const,
  session: (code: string) => ['visa-letters', 'session', code] as const,
  verify: (id: string) => ['visa-letters', 'verify', id] as const,
};

export const sessionLettersQuery = (code: string) =>
  queryOptions({
    queryKey: letterKeys.session(code),
    queryFn: ({ signal }) =>
      api<SessionVisaLetters>(`/api/v1/sessions/${encodeURIComponent(code)}/visa-letters`, {
        signal,
      }),
  });

export const letterVerificationQuery = (id: string) =>
  queryOptions({
    queryKey: letterKeys.verify(id),
    queryFn: ({ signal }) =>
      api<LetterVerification>(`/api/v1/verify/letters/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });

export const issueLetter = (nominationId: string) =>
  api<IssuedVisaLetter>(`/api/v1/nominations/${encodeURIComponent(nominationId)}/visa-letter`, {
    method: 'POST',
  });

/** The download address; the browser sends the session cookie with a plain link. */
export const letterPdfUrl = (id: string) => `/api/v1/visa-letters/${encodeURIComponent(id)}.pdf`;
