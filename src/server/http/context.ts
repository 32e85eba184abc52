import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lsn } from '../db/replica.js';
import type { ServiceContext } from '../features/context.js';
import { actorOf } from './authenticate.js';
import { noteWrite, readOnReplica } from './replica-reads.js';

/** Runs a service inside one transaction: its writes and its audit record commit together. */
export function inTransaction<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  noteWrite(request);
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

/**
 * A read that may be served by the read replica (DATABASE_REPLICA_URL), in a read-only
 * transaction; it still sees the caller's own changes, and `atLeast` when given. The service
 * must not write: not even an audit record. Without a replica, the same as `readContext`.
 */
export function inReplicaRead<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (ctx: ServiceContext) => Promise<T>,
  atLeast: Promise<Lsn> | null = null,
): Promise<T> {
  const actor = actorOf(request);
  const requestId = String(request.id);
  return readOnReplica(
    app,
    request,
    (db) => work({ actor, tx: db as ServiceContext['tx'], requestId }),
    atLeast,
  );
}
