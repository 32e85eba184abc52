import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';

const Status = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable', 'restarting', 'down']).optional(),
});

/** A readiness probe must answer quickly, even when the database hangs or the pool is full. */
const READY_QUERY_MS = 2_000;

/**
 * Liveness and readiness, as orchestrators and load balancers read them (docs/operations.md).
 * /healthz: the process answers; 503 only when it cannot recover by itself (its embedded
 * database has been down past the supervisor's limit), so restarting it is the remedy.
 * /readyz: it can serve traffic now (the database answers a query within 2 s). Both answer
 * after migrations only, because the server listens once they are done.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        operationId: 'checkLiveness',
        summary: 'The process is alive and can recover by itself',
        response: { 200: Status, 503: Status },
      },
      config: { permission: 'public' },
    },
    async (_request, reply) => {
      if (app.databaseSupervision?.givenUp())
        return reply.status(503).send({ status: 'unavailable', database: 'down' });
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        operationId: 'checkReadiness',
        summary: 'The server can serve requests now',
        response: { 200: Status, 503: Status },
      },
      config: { permission: 'public' },
    },
    async (_request, reply) => {
      if (app.databaseSupervision?.state() === 'restarting')
        return reply.status(503).send({ status: 'unavailable', database: 'restarting' });
      if (await answersWithin(app.pg, READY_QUERY_MS))
        return { status: 'ok' as const, database: 'ok' as const };
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    },
  );
};

async function answersWithin(pool: pg.Pool, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const query = pool
    .query({ text: 'select 1', query_timeout: ms } as { text: string })
    .then(() => true as const)
    .catch(() => false as const);
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}
