import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { queryOptions } from '@tanstack/react-query';
import type {
  EnrolledSignIn,
  FactorAdded,
  Me,
  Passkey,
  RecoveryCodes,
  SecondFactorMethod,
  SecondFactors,
  TotpEnrolment,
  TwoFactorPolicy,
  UpdateTwoFactorPolicyRequest,
} from '../../../contract/index.js';
import { api, isApiError, setCsrfToken } from '../../lib/api.js';

export const secondFactorsQuery = queryOptions({
  queryKey: ['second-factors'] as const,
  queryFn: ({ signal }) => api<SecondFactors>('/api/v1/auth/second-factors', { signal }),
});

export const twoFactorPolicyQuery = queryOptions({
  queryKey: ['two-factor-policy'] as const,
  queryFn: ({ signal }) => api<TwoFactorPolicy>('/api/v1/two-factor-policy', { signal }),
});

/** What the sign-in page does after a right password: a second step, or setting one up. */
export type NextStep =
  | { kind: 'second_step'; methods: SecondFactorMethod[] }
  | { kind: 'enrol' }
  | null;

export function nextStepOf(error: unknown): NextStep {
  if (isApiError(error, 'second_factor_enrolment_required')) return { kind: 'enrol' };
  if (isApiError(error, 'second_factor_required')) {
    const body = error.body as { methods?: SecondFactorMethod[] } | undefined;
    return { kind: 'second_step', methods: body?.methods ?? ['totp', 'recovery_code'] };
  }
  return null;
}

function signedIn(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export const signInWithTotp = async (code: string) =>
  signedIn(await api<Me>('/api/v1/auth/second-step/totp', { method: 'POST', body: { code } }));

export const signInWithRecoveryCode = async (code: string) =>
  signedIn(
    await api<Me>('/api/v1/auth/second-step/recovery-code', { method: 'POST', body: { code } }),
  );

export async function signInWithPasskey(): Promise<Me> {
  const optionsJSON = await api<Parameters<typeof startAuthentication>[0]['optionsJSON']>(
    '/api/v1/auth/second-step/passkey/options',
    { method: 'POST' },
  );
  const credential = await startAuthentication({ optionsJSON });
  return signedIn(
    await api<Me>('/api/v1/auth/second-step/passkey', { method: 'POST', body: { credential } }),
  );
}

export const startSignInEnrolment = () =>
  api<TotpEnrolment>('/api/v1/auth/enrolment/totp', { method: 'POST' });

export async function confirmSignInEnrolment(code: string): Promise<EnrolledSignIn> {
  const done = await api<EnrolledSignIn>('/api/v1/auth/enrolment/totp/confirm', {
    method: 'POST',
    body: { code },
  });
  signedIn(done.me);
  return done;
}

export const startTotp = () =>
  api<TotpEnrolment>('/api/v1/auth/second-factors/totp', { method: 'POST' });
export const confirmTotp = (code: string) =>
  api<FactorAdded>('/api/v1/auth/second-factors/totp/confirm', { method: 'POST', body: { code } });
export const removeTotp = () => api<void>('/api/v1/auth/second-factors/totp', { method: 'DELETE' });

export async function addPasskey(name: string): Promise<FactorAdded & { passkey: Passkey }> {
  const optionsJSON = await api<Parameters<typeof startRegistration>[0]['optionsJSON']>(
    '/api/v1/auth/second-factors/passkeys/options',
    { method: 'POST' },
  );
  const credential = await startRegistration({ optionsJSON });
  return api('/api/v1/auth/second-factors/passkeys', {
    method: 'POST',
    body: { name, credential },
  });
}

export const removePasskey = (id: string) =>
  api<void>(`/api/v1/auth/second-factors/passkeys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });

export const replaceRecoveryCodes = () =>
  api<RecoveryCodes>('/api/v1/auth/second-factors/recovery-codes', { method: 'POST' });

export const updateTwoFactorPolicy = (body: UpdateTwoFactorPolicyRequest) =>
  api<TwoFactorPolicy>('/api/v1/two-factor-policy', { method: 'PUT', body });
