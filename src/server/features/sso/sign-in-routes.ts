import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SignInProvider, type SsoRefusal } from '../../../contract/identity-providers.js';
import { text } from '../../../contract/text.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { completeSsoSignIn } from './callback.js';
import { listSignInProviders } from './providers.js';
import { SIGN_IN_TTL_MS, startSsoSignIn } from './start.js';

const tags = ['auth'];
/** Ties a sign-in under way to the browser that started it. */
export const SSO_COOKIE = 'rabita_sso';
const SSO_COOKIE_PATH = '/api/v1/auth/oidc';
/** Tolerated difference between the provider's clock and ours when none is configured. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

/** The sign-in page, saying why single sign-on did not let the user in. */
const refusedAt = (refusal: SsoRefusal) => `/sign-in?sso=${refusal}`;

export const ssoSignInRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = (request: FastifyRequest) => ({
    db: app.db,
    address: request.ip,
    requestId: String(request.id),
    now: new Date(),
    clockToleranceSeconds:
      app.settings.oidcClockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
  });
  const rateLimit = {
    max: app.settings.signInAttemptsPerWindow,
    timeWindow: '15 minutes',
    keyGenerator: (request: FastifyRequest) => `sso|${request.ip}`,
  };
  const clearSsoCookie = (reply: FastifyReply) =>
    reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });

  app.get(
    '/providers',
    {
      schema: {
        tags,
        operationId: 'listSignInProviders',
        summary: 'Identity providers to sign in with',
        response: { 200: z.array(SignInProvider) },
      },
      config: { permission: 'public' },
    },
    () => listSignInProviders(app.db),
  );

  app.get(
    '/:key/start',
    {
      schema: {
        tags,
        operationId: 'startSingleSignOn',
        summary: 'Sign in with an identity provider',
        description:
          'A browser navigation: 302 to the provider, or to `/sign-in?sso=<reason>` when the provider is unknown or unavailable.',
        params: z.strictObject({ key: text().max(40) }),
        querystring: z.strictObject({ redirect: text().max(500).optional() }),
      },
      config: { permission: 'public', rateLimit },
    },
    async (request, reply) => {
      const result = await startSsoSignIn({
        ...base(request),
        key: request.params.key,
        returnTo: request.query.redirect,
      });
      if (!result.ok) return reply.redirect(refusedAt(result.refusal), 302);
      reply.setCookie(SSO_COOKIE, result.browserToken, {
        path: SSO_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: SIGN_IN_TTL_MS / 1000,
      });
      return reply.redirect(result.location, 302);
    },
  );

  app.get(
    '/callback',
    {
      schema: {
        tags,
        operationId: 'completeSingleSignOn',
        summary: 'Where identity providers send users back',
        description:
          'A browser navigation: 302 to the page the sign-in started from with a session, or to `/sign-in?sso=<reason>` with none.',
        // The provider decides which parameters it sends (code, state, iss, session_state...).
        querystring: z
          .object({
            state: text().max(2000).optional(),
            code: text().max(4000).optional(),
          })
          .catchall(text().max(2000)),
      },
      config: { permission: 'public', rateLimit },
    },
    async (request, reply) => {
      const queryAt = request.url.indexOf('?');
      const result = await completeSsoSignIn({
        ...base(request),
        search: queryAt === -1 ? '' : request.url.slice(queryAt),
        browserToken: request.cookies[SSO_COOKIE],
        userAgent: request.headers['user-agent'] ?? null,
        sessionHours: app.settings.sessionHours,
      });
      clearSsoCookie(reply);
      if (!result.ok) return reply.redirect(refusedAt(result.refusal), 302);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: result.expiresAt,
      });
      return reply.redirect(result.returnTo ?? '/', 302);
    },
  );
};
