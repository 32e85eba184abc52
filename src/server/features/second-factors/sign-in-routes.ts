import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EnrolledSignIn,
  Me,
  PasskeyAssertionRequest,
  RecoveryCodeRequest,
  TotpCodeRequest,
  TotpEnrolment,
  WebAuthnOptions,
} from '../../../contract/auth.js';
import { DEFAULT_SIGN_IN_THROTTLE } from '../auth/sign-in-throttle.js';
import { clearPendingCookie, setSessionCookie } from './cookies.js';
import { completeEnrolmentTotp, startEnrolmentTotp } from './enrolment.js';
import { PENDING_COOKIE } from './pending.js';
import {
  completeSecondStep,
  type SecondStepRequest,
  secondStepPasskeyOptions,
} from './second-step.js';

const tags = ['auth'];
const STEP_PROBLEMS = ['second_step_expired', 'second_factor_invalid', 'sign_in_delayed'] as const;

/**
 * The second half of a sign-in, for the holder of a pending sign-in cookie: public routes (no
 * session yet), each refused with 401 second_step_expired without a live pending sign-in.
 */
export const secondStepRoutes: FastifyPluginAsyncZod = async (app) => {
  const stepRequest = (request: FastifyRequest): SecondStepRequest => ({
    db: app.db,
    pendingToken: request.cookies[PENDING_COOKIE],
    address: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    sessionHours: app.settings.sessionHours,
    throttle: app.settings.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE,
    requestId: String(request.id),
    now: new Date(),
  });

  app.post(
    '/second-step/totp',
    {
      schema: {
        tags,
        operationId: 'signInWithTotp',
        summary: 'Finish signing in with an authenticator-app code',
        body: TotpCodeRequest,
        response: { 200: Me },
        problems: [...STEP_PROBLEMS, 'second_factor_reused', 'second_factor_clock_skew'],
      },
      // Throttled per account and address in PostgreSQL, as the password (sign-in-throttle.ts).
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const result = await completeSecondStep(stepRequest(request), {
        method: 'totp',
        code: request.body.code,
      });
      setSessionCookie(request, reply, result);
      clearPendingCookie(reply);
      return result.me;
    },
  );

  app.post(
    '/second-step/recovery-code',
    {
      schema: {
        tags,
        operationId: 'signInWithRecoveryCode',
        summary: 'Finish signing in with a recovery code (each works once)',
        body: RecoveryCodeRequest,
        response: { 200: Me },
        problems: [...STEP_PROBLEMS],
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const result = await completeSecondStep(stepRequest(request), {
        method: 'recovery_code',
        code: request.body.code,
      });
      setSessionCookie(request, reply, result);
      clearPendingCookie(reply);
      return result.me;
    },
  );

  app.post(
    '/second-step/passkey/options',
    {
      schema: {
        tags,
        operationId: 'getSignInPasskeyOptions',
        summary: 'WebAuthn options for finishing a sign-in with a passkey',
        response: { 200: WebAuthnOptions },
        problems: ['second_step_expired'],
      },
      config: { permission: 'public' },
    },
    async (request) => ({ ...(await secondStepPasskeyOptions(stepRequest(request))) }),
  );

  app.post(
    '/second-step/passkey',
    {
      schema: {
        tags,
        operationId: 'signInWithPasskey',
        summary: 'Finish signing in with a passkey',
        body: PasskeyAssertionRequest,
        response: { 200: Me },
        problems: [...STEP_PROBLEMS],
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const result = await completeSecondStep(stepRequest(request), {
        method: 'passkey',
        credential: request.body.credential,
      });
      setSessionCookie(request, reply, result);
      clearPendingCookie(reply);
      return result.me;
    },
  );

  app.post(
    '/enrolment/totp',
    {
      schema: {
        tags,
        operationId: 'startSignInTotpEnrolment',
        summary: 'Set up an authenticator app that your role requires, before signing in',
        response: { 200: TotpEnrolment },
        problems: ['second_step_expired', 'totp_already_enrolled'],
      },
      config: { permission: 'public' },
    },
    (request) => startEnrolmentTotp(stepRequest(request)),
  );

  app.post(
    '/enrolment/totp/confirm',
    {
      schema: {
        tags,
        operationId: 'confirmSignInTotpEnrolment',
        summary: 'Confirm the authenticator app with a first code and finish signing in',
        body: TotpCodeRequest,
        response: { 200: EnrolledSignIn },
        problems: [...STEP_PROBLEMS, 'second_factor_clock_skew', 'no_enrolment_pending'],
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const result = await completeEnrolmentTotp(stepRequest(request), request.body.code);
      setSessionCookie(request, reply, result);
      clearPendingCookie(reply);
      return { me: result.me, recoveryCodes: result.recoveryCodes };
    },
  );
};
