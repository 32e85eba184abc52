import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../features/context.js';
import { actorOf } from './authenticate.js';

/** Runs a service inside one transaction: its writes and its audit record commit together. */
export function inTransaction<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return app.db.transaction((tx) => work({ actor, tx, requestId: String(request.id) }));
}

/** A read-only context: no transaction needed, queries go straight to the pool. */
export function readContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  return {
    actor: actorOf(request),
    tx: app.db as ServiceContext['tx'],
    requestId: String(request.id),
  };
}
