import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../db/schema/index.js';
import type { ServiceContext } from '../features/context.js';
import { actorOf } from './authenticate.js';
import { AppError } from './errors.js';

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

function hashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify({ url: request.url, body: request.body ?? null }))
    .digest('hex');
}

/**
 * Runs a create request at most once per `Idempotency-Key`: the first answer is stored in the
 * same transaction as the record it created, and a retry with the same key gets that answer
 * back instead of a second record. A transaction-scoped advisory lock on the key makes a retry
 * that arrives while the first attempt still runs wait for it. The same key with a different
 * request is refused. Without the header the request simply runs.
 */
export async function idempotentCreate<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !KEY.test(key)) {
    throw new AppError(
      400,
      'validation_failed',
      'Idempotency-Key: use 8-200 letters, digits or ._:- (a UUID is ideal).',
      [
        {
          field: 'Idempotency-Key',
          message: 'must be 8-200 letters, digits or ._:-',
          code: 'invalid',
        },
      ],
    );
  }
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const requestHash = hashOf(request);
  const outcome = await app.db.transaction(async (tx) => {
    const ctx = { actor, tx, requestId: String(request.id) };
    if (key === undefined) return { replayed: false, body: await work(ctx) };
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`${actor.id}:${key}`}, 0))`,
    );
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key)));
    if (stored) {
      if (stored.requestHash !== requestHash || stored.route !== route) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request; use a new key.',
        );
      }
      return { replayed: true, body: stored.body as T };
    }
    const body = await work(ctx);
    await tx.insert(idempotencyKeys).values({
      userId: actor.id,
      key,
      route,
      requestHash,
      status: 201,
      body: body as object,
    });
    return { replayed: false, body };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.status(201);
  return outcome.body;
}
