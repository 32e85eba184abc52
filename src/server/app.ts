import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { ResponseCache } from './cache/response-cache.js';
import { DEFAULT_SESSION_IDLE_MINUTES } from './config.js';
import type { Database } from './db/client.js';
import type { DatabaseSupervision } from './db/embedded/supervisor.js';
import type { ReadReplica } from './db/replica.js';
import { agendaRoutes } from './features/agenda/routes.js';
import { attendanceRoutes } from './features/attendance/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { authRoutes } from './features/auth/routes.js';
import type { SignInThrottle } from './features/auth/sign-in-throttle.js';
import { calendarRoutes } from './features/calendar/routes.js';
import { catalogueRoutes } from './features/catalogue/routes.js';
import { certificateRoutes, certificateWellKnownRoutes } from './features/certificates/routes.js';
import { documentRoutes } from './features/documents/routes.js';
import type { DocumentStore } from './features/documents/store.js';
import { exportRoutes } from './features/exports/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { importRoutes } from './features/imports/routes.js';
import { jobRoutes } from './features/jobs/routes.js';
import { lecturerRoutes } from './features/lecturers/routes.js';
import { logisticsRoutes } from './features/logistics/routes.js';
import { messageRoutes } from './features/messages/routes.js';
import { nominationRoutes } from './features/nominations/routes.js';
import { participantRoutes } from './features/participants/routes.js';
import { partnerRoutes } from './features/partners/routes.js';
import { planRoutes } from './features/plans/routes.js';
import { programmeRoutes } from './features/programmes/routes.js';
import { publicCatalogueRoutes } from './features/public-catalogue/routes.js';
import { reportRoutes } from './features/reports/routes.js';
import { resultRoutes } from './features/results/routes.js';
import { roomRoutes } from './features/rooms/routes.js';
import { searchRoutes } from './features/search/routes.js';
import { secondFactorRoutes, twoFactorAdminRoutes } from './features/second-factors/routes.js';
import { secondStepRoutes } from './features/second-factors/sign-in-routes.js';
import { sessionRoutes } from './features/sessions/routes.js';
import { identityProviderRoutes } from './features/sso/provider-routes.js';
import { ssoSignInRoutes } from './features/sso/sign-in-routes.js';
import { surveyRoutes } from './features/surveys/routes.js';
import { userRoutes } from './features/users/routes.js';
import { venueRoutes } from './features/venues/routes.js';
import { visaLetterRoutes } from './features/visa-letters/routes.js';
import { webhookRoutes } from './features/webhooks/routes.js';
import { authenticate } from './http/authenticate.js';
import { isSecretLinkPage, noStore } from './http/cache-control.js';
import { handleError, sendProblem } from './http/errors.js';
import { withLogRedaction } from './http/log-redaction.js';
import { openApiOptions } from './http/openapi.js';
import type { RateLimitRedis } from './http/rate-limit-redis.js';
import { postgresRateLimitStore } from './http/rate-limit-store.js';
import { handOutReadAfter } from './http/replica-reads.js';
import { requireDeclaredPermissions } from './http/route-permissions.js';
import { metricsRoutes } from './metrics/routes.js';

export interface AppSettings {
  sessionHours: number;
  /** A cookie session unused this long has ended; 30 when absent. */
  sessionIdleMinutes?: number;
  /** Per address, per 15 minutes, on the public password-link and survey routes. */
  signInAttemptsPerWindow: number;
  /** How failed sign-ins slow down the next ones; the domain's policies when absent. */
  signInThrottle?: SignInThrottle;
  /**
   * `true`: one proxy in front, the address it saw (the last of X-Forwarded-For) is the client's;
   * a string: the proxies' addresses or subnets (as proxy-addr reads them, e.g. `loopback`),
   * and only their connections' X-Forwarded-* is believed.
   */
  trustProxy: boolean | string;
  /** The built web app (index.html + assets); not served when absent. */
  webRoot: string | null;
  /** Seconds an ID token's times may be off by (the provider's clock against ours); 60 when absent. */
  oidcClockToleranceSeconds?: number;
  /** The bearer token /metrics demands; absent or null: no /metrics (404, as any unknown path). */
  metricsToken?: string | null;
  /** The largest document an upload may carry, in bytes; 25 MB when absent. */
  documentMaxBytes?: number;
}

export interface AppDeps {
  db: Database;
  pool: pg.Pool;
  settings: AppSettings;
  logger?: FastifyServerOptions['logger'];
  /** Catalogue list and search pages kept in memory; none in tests that do not ask for one. */
  catalogueCache?: ResponseCache | null;
  /** Rate-limit counters in this Redis (RABITA_REDIS_URL) instead of PostgreSQL. */
  rateLimitRedis?: RateLimitRedis | null;
  /** The embedded database's supervisor, read by the health routes; none with DATABASE_URL. */
  databaseSupervision?: DatabaseSupervision | null;
  /** The streaming replica some reads go to (DATABASE_REPLICA_URL); none: all on `pool`. */
  replica?: ReadReplica | null;
  /** Where documents' files are kept; without one, the documents routes fail (500). */
  documentStore?: DocumentStore | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    pg: pg.Pool;
    settings: AppSettings;
    catalogueCache: ResponseCache | null;
    databaseSupervision: DatabaseSupervision | null;
    replica: ReadReplica | null;
    documentStore: DocumentStore | null;
  }
}

/**
 * Trusts the one proxy in front, not every address in X-Forwarded-For: with Fastify's `true` the
 * client's own header would name its address, and a guesser could pick a new one per attempt.
 */
function trustOneProxy(
  trust: boolean | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  // A list of the proxies' addresses: X-Forwarded-* is believed only on their connections.
  if (typeof trust === 'string') return trust;
  return trust ? (_address, hop) => hop < 1 : false;
}

/** Builds the HTTP app without listening, so tests drive it with `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withLogRedaction(deps.logger ?? false),
    genReqId: () => randomUUID(),
    trustProxy: trustOneProxy(deps.settings.trustProxy),
    bodyLimit: 1_048_576,
    // A path Fastify cannot decode (`%ff`) or a parameter past its length is refused before
    // routing; without this, Fastify answers in its own JSON rather than problem+json.
    frameworkErrors: handleError,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', deps.db);
  app.decorate('pg', deps.pool);
  app.decorate('settings', deps.settings);
  app.decorate('catalogueCache', deps.catalogueCache ?? null);
  app.decorate('databaseSupervision', deps.databaseSupervision ?? null);
  app.decorate('replica', deps.replica ?? null);
  app.decorate('documentStore', deps.documentStore ?? null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  requireDeclaredPermissions(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables and positions through inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Rabita is often reached over plain http on a centre's LAN; upgrading would break it.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  if (deps.replica) handOutReadAfter(app);
  // preHandler, not onRequest: the sign-in limit keys on the e-mail in the parsed body.
  // Counted where every app server counts: PostgreSQL, or Redis when one is configured.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    ...(deps.rateLimitRedis
      ? { redis: deps.rateLimitRedis, nameSpace: 'rabita-rate-limit-' }
      : { store: postgresRateLimitStore(deps.pool) }),
  });
  await app.register(authenticate, {
    db: deps.db,
    sessionIdleMinutes: deps.settings.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES,
  });
  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, ''),
  });

  // Registered before the routes, so that its hook times each of them.
  const metricsToken = deps.settings.metricsToken;
  if (metricsToken) await app.register(metricsRoutes, { token: metricsToken });
  await app.register(healthRoutes);
  await app.register(certificateWellKnownRoutes);
  await app.register(
    async (api) => {
      api.addHook('onSend', noStore);
      api.get(
        '/openapi.json',
        { schema: { hide: true }, config: { permission: 'public' } },
        async () => app.swagger(),
      );
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(ssoSignInRoutes, { prefix: '/auth/oidc' });
      await api.register(identityProviderRoutes, { prefix: '/identity-providers' });
      await api.register(secondStepRoutes, { prefix: '/auth' });
      await api.register(secondFactorRoutes, { prefix: '/auth/second-factors' });
      await api.register(twoFactorAdminRoutes);
      await api.register(userRoutes, { prefix: '/users' });
      await api.register(auditRoutes, { prefix: '/audit' });
      await api.register(partnerRoutes);
      await api.register(catalogueRoutes);
      await api.register(publicCatalogueRoutes);
      await api.register(venueRoutes);
      await api.register(sessionRoutes);
      await api.register(calendarRoutes);
      await api.register(participantRoutes);
      await api.register(searchRoutes);
      await api.register(importRoutes);
      await api.register(nominationRoutes);
      await api.register(logisticsRoutes);
      await api.register(messageRoutes);
      await api.register(attendanceRoutes);
      await api.register(resultRoutes);
      await api.register(surveyRoutes);
      await api.register(certificateRoutes);
      await api.register(visaLetterRoutes);
      await api.register(documentRoutes);
      await api.register(programmeRoutes);
      await api.register(planRoutes);
      await api.register(reportRoutes);
      await api.register(exportRoutes);
      await api.register(jobRoutes);
      await api.register(webhookRoutes, { prefix: '/webhooks' });
      await api.register(homeRoutes);
      await api.register(lecturerRoutes);
      await api.register(roomRoutes);
      await api.register(agendaRoutes);
    },
    { prefix: '/api/v1' },
  );

  registerWebApp(app, deps.settings.webRoot);
  return app;
}

// The static plugin would send its own `max-age=3600`; the page sets its own header instead.
const INDEX_OPTIONS = { cacheControl: false };

/** Serves the built single-page app; unknown non-API paths get its index.html. */
function registerWebApp(app: FastifyInstance, webRoot: string | null) {
  const index = webRoot ? path.join(webRoot, 'index.html') : null;
  const hasWeb = index !== null && fs.existsSync(index);
  if (hasWeb && webRoot) {
    app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: false,
      cacheControl: false,
      // Vite names every built asset by its content's hash: a changed file gets a new name, so
      // browsers and the proxy keep one for a year. Anything else may change under its name.
      setHeaders: (reply, filePath) => {
        // The page itself: its sender says how long (no-cache, or no-store behind a secret).
        if (path.basename(filePath) === 'index.html') return;
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
        );
      },
    });
  }
  if (hasWeb) {
    // The static plugin answers a directory request with 403; the root is the app itself.
    app.get('/', { schema: { hide: true }, config: { permission: 'public' } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', INDEX_OPTIONS),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !/^\/(api|healthz|readyz|metrics)(\/|$)/.test(request.url);
    if (hasWeb && isPage) {
      const cache = isSecretLinkPage(request.url) ? 'no-store' : 'no-cache';
      return reply.header('cache-control', cache).sendFile('index.html', INDEX_OPTIONS);
    }
    return sendProblem(
      request,
      reply,
      404,
      'route_not_found',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
}
