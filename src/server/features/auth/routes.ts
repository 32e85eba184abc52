import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiToken,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  LoginRequest,
  Me,
  UpdatePreferencesRequest,
} from '../../../contract/auth.js';
import { Uuid } from '../../../contract/common.js';
import { SignOutResult } from '../../../contract/identity-providers.js';
import { actorOf, SESSION_COOKIE } from '../../http/authenticate.js';
import { inTransaction, readContext } from '../../http/context.js';
import { secondStepNeeded } from '../second-factors/answers.js';
import { setPendingCookie, setSessionCookie } from '../second-factors/cookies.js';
import { signInWithPassword } from '../second-factors/password-step.js';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS } from '../sso/sign-in-routes.js';
import { providerSignOutUrl } from '../sso/sign-out.js';
import { presentMe } from './presenters.js';
import * as auth from './service.js';
import { DEFAULT_SIGN_IN_THROTTLE } from './sign-in-throttle.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post(
    '/login',
    {
      schema: {
        tags,
        operationId: 'signIn',
        problems: [
          'invalid_credentials',
          'sign_in_delayed',
          'second_factor_required',
          'second_factor_enrolment_required',
        ],
        summary: 'Sign in',
        description:
          'After repeated failures on the account or from the address, 429 sign_in_delayed with Retry-After. An account with a second factor (or whose role requires one) gets 401 second_factor_required (with `methods`) or second_factor_enrolment_required and a 5-minute pending sign-in cookie instead of a session.',
        body: LoginRequest,
        response: { 200: Me },
      },
      // Failures slow down the account and the address, in PostgreSQL (see sign-in-throttle.ts).
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const step = await signInWithPassword({
        db: app.db,
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        sessionHours: app.settings.sessionHours,
        throttle: app.settings.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE,
        requestId: String(request.id),
        now: new Date(),
      });
      if (step.next === 'signed_in') {
        setSessionCookie(request, reply, step.result);
        return step.result.me;
      }
      // Not a session yet: the pending sign-in's cookie, and a 401 that says what must follow.
      setPendingCookie(request, reply, step.pending);
      throw secondStepNeeded(step);
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags,
        operationId: 'signOut',
        summary: 'Sign out',
        description:
          '204, or 200 with the provider’s sign-out address for a single sign-on session whose provider offers RP-initiated logout.',
        response: { 200: SignOutResult, 204: z.null() },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const sso = await inTransaction(app, request, auth.signOut);
      clearCookie(reply);
      const providerSignOut = sso
        ? await providerSignOutUrl(
            app.db,
            sso,
            app.settings.oidcClockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
          )
        : null;
      if (providerSignOut) return reply.status(200).send({ providerSignOutUrl: providerSignOut });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: { tags, operationId: 'getMe', summary: 'Who am I', response: { 200: Me } },
      config: { permission: 'authenticated' },
    },
    async (request) => presentMe(actorOf(request)),
  );

  app.patch(
    '/me/preferences',
    {
      schema: {
        tags,
        operationId: 'updateMyPreferences',
        summary: 'Update my preferences',
        body: UpdatePreferencesRequest,
        response: { 200: Me },
      },
      config: { permission: 'authenticated' },
    },
    (request) => inTransaction(app, request, (ctx) => auth.updatePreferences(ctx, request.body)),
  );

  app.post(
    '/password',
    {
      schema: {
        tags,
        operationId: 'changeMyPassword',
        problems: ['wrong_password'],
        summary: 'Change my password',
        body: ChangePasswordRequest,
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) => auth.changePassword(ctx, request.body));
      return reply.status(204).send();
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        operationId: 'listMyApiTokens',
        summary: 'My API tokens',
        response: { 200: z.array(ApiToken) },
      },
      config: { permission: 'authenticated' },
    },
    (request) => auth.listApiTokens(readContext(app, request)),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        operationId: 'createApiToken',
        problems: ['token_cannot_mint'],
        summary: 'Create an API token',
        body: CreateApiTokenRequest,
        response: { 201: CreatedApiToken },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const created = await inTransaction(app, request, (ctx) =>
        auth.createApiToken(ctx, request.body, new Date()),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        operationId: 'revokeApiToken',
        summary: 'Revoke an API token',
        params: z.strictObject({ id: Uuid }),
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        auth.revokeApiToken(ctx, request.params.id, new Date()),
      );
      return reply.status(204).send();
    },
  );
};
