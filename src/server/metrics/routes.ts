import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry } from 'prom-client';
import { sendProblem } from '../http/errors.js';
import { createAppMetrics } from './app-metrics.js';
import { processRegistry, startProcessMetrics } from './process-metrics.js';

/** Scrapers are few and regular; a guesser of the token is held to this per address. */
const SCRAPES_PER_MINUTE = 120;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Equal or not in the same time whatever the text and its length, so timing tells nothing. */
function sameToken(sent: string, token: string): boolean {
  return timingSafeEqual(digest(sent), digest(token));
}

/**
 * `GET /metrics` in Prometheus's text format, for a scraper holding the bearer token, and the
 * hook that times every request. Registered by buildApp only when a token is set: without one
 * the path is unknown (404), and no request is timed. Wrapped with fastify-plugin so the hook
 * sees every route of the app, not only this plugin's.
 */
export const metricsRoutes = fp(async (app: FastifyInstance, opts: { token: string }) => {
  startProcessMetrics();
  const metrics = createAppMetrics(app.db, app.pg, app.replica);

  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request, reply);
  });

  app.get(
    '/metrics',
    {
      // Not an API operation: plain text for a scraper, behind its own token.
      schema: { hide: true },
      config: {
        permission: 'public',
        rateLimit: { max: SCRAPES_PER_MINUTE, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const header = request.headers.authorization ?? '';
      const sent = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      reply.header('cache-control', 'no-store');
      if (!sameToken(sent, opts.token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendProblem(
          request,
          reply,
          401,
          'invalid_token',
          'Send the metrics token (RABITA_METRICS_TOKEN) as a bearer token.',
        );
      }
      if (!(await metrics.refresh()))
        request.log.warn('metrics: the queue and outbox figures were not read in time');
      const registry = Registry.merge([processRegistry, metrics.registry]);
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
});
