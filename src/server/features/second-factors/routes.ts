import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FactorAdded,
  Passkey,
  RecoveryCodes,
  RegisterPasskeyRequest,
  SecondFactors,
  TotpCodeRequest,
  TotpEnrolment,
  TwoFactorPolicy,
  UpdateTwoFactorPolicyRequest,
  WebAuthnOptions,
} from '../../../contract/auth.js';
import { Uuid } from '../../../contract/common.js';
import { text } from '../../../contract/text.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as manage from './manage.js';
import { getTwoFactorPolicy, updateTwoFactorPolicy } from './policy.js';
import { resetSecondFactors } from './reset.js';

const tags = ['auth'];

/** The signed-in user's own second factors: `/auth/second-factors`. */
export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'getMySecondFactors',
        summary: 'My second factors',
        response: { 200: SecondFactors },
      },
      config: { permission: 'authenticated' },
    },
    (request) => manage.getMySecondFactors(readContext(app, request)),
  );

  app.post(
    '/totp',
    {
      schema: {
        tags,
        operationId: 'startTotpEnrolment',
        summary: 'Start setting up an authenticator app (its secret is shown this once)',
        response: { 200: TotpEnrolment },
        problems: ['totp_already_enrolled'],
      },
      config: { permission: 'authenticated' },
    },
    (request) => inTransaction(app, request, manage.startMyTotp),
  );

  app.post(
    '/totp/confirm',
    {
      schema: {
        tags,
        operationId: 'confirmTotpEnrolment',
        summary: 'Confirm the authenticator app with a first code',
        body: TotpCodeRequest,
        response: { 200: FactorAdded },
        problems: ['no_enrolment_pending', 'second_factor_invalid', 'second_factor_clock_skew'],
      },
      config: { permission: 'authenticated' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        manage.confirmMyTotp(ctx, request.body.code, new Date()),
      ),
  );

  app.delete(
    '/totp',
    {
      schema: { tags, operationId: 'removeMyTotp', summary: 'Remove my authenticator app' },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      await inTransaction(app, request, manage.removeMyTotp);
      return reply.status(204).send();
    },
  );

  app.post(
    '/passkeys/options',
    {
      schema: {
        tags,
        operationId: 'getPasskeyRegistrationOptions',
        summary: 'WebAuthn options for registering a passkey',
        response: { 200: WebAuthnOptions },
      },
      config: { permission: 'authenticated' },
    },
    async (request) => ({
      ...(await inTransaction(app, request, (ctx) => manage.myPasskeyOptions(ctx, new Date()))),
    }),
  );

  app.post(
    '/passkeys',
    {
      schema: {
        tags,
        operationId: 'registerPasskey',
        summary: 'Keep the passkey the browser has just made',
        body: RegisterPasskeyRequest,
        response: { 201: FactorAdded.extend({ passkey: Passkey }) },
        problems: ['no_enrolment_pending', 'second_factor_invalid'],
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const added = await inTransaction(app, request, (ctx) =>
        manage.addMyPasskey(ctx, request.body, new Date()),
      );
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/passkeys/:id',
    {
      schema: {
        tags,
        operationId: 'removeMyPasskey',
        summary: 'Remove one of my passkeys',
        params: z.strictObject({ id: text().min(1).max(1_000) }),
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) => manage.removeMyPasskey(ctx, request.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    '/recovery-codes',
    {
      schema: {
        tags,
        operationId: 'replaceMyRecoveryCodes',
        summary: 'New recovery codes, replacing every earlier one (shown this once)',
        response: { 200: RecoveryCodes },
        problems: ['no_enrolment_pending'],
      },
      config: { permission: 'authenticated' },
    },
    (request) => inTransaction(app, request, manage.regenerateMyRecoveryCodes),
  );
};

/** The administrator's side: the policy per role, and the reset of a user's second factors. */
export const twoFactorAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/two-factor-policy',
    {
      schema: {
        tags,
        operationId: 'getTwoFactorPolicy',
        summary: 'Which roles must sign in with a second factor',
        response: { 200: TwoFactorPolicy },
      },
      config: { permission: 'users.manage' },
    },
    (request) => getTwoFactorPolicy(readContext(app, request)),
  );

  app.put(
    '/two-factor-policy',
    {
      schema: {
        tags,
        operationId: 'updateTwoFactorPolicy',
        summary: 'Change which roles must sign in with a second factor',
        body: UpdateTwoFactorPolicyRequest,
        response: { 200: TwoFactorPolicy },
      },
      config: { permission: 'users.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => updateTwoFactorPolicy(ctx, request.body, new Date())),
  );

  app.delete(
    '/users/:id/second-factors',
    {
      schema: {
        tags,
        operationId: 'resetUserSecondFactors',
        summary: 'Remove every second factor of a user who lost theirs, and end their sessions',
        params: z.strictObject({ id: Uuid }),
      },
      config: { permission: 'users.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) => resetSecondFactors(ctx, request.params.id));
      return reply.status(204).send();
    },
  );
};
