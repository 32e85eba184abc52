import type { FastifyReply } from 'fastify';
import type { ResponseCache } from './response-cache.js';

/**
 * Answers a GET from the cache when it can. What is cached is the body as the route's own
 * response schema serialised it, so a hit skips the query and the serialisation, and still
 * shows nothing the schema does not list. Without a cache, or while it is disabled, this is the
 * plain route.
 */
export async function sendCached(
  reply: FastifyReply,
  cache: ResponseCache | null,
  key: string,
  /** `filling`: the result will be kept for other readers, not only sent to this one. */
  produce: (filling: boolean) => Promise<unknown>,
): Promise<FastifyReply> {
  if (!cache?.enabled) return reply.send(await produce(false));
  const body = await cache.through(key, async () => String(reply.serialize(await produce(true))));
  // Returning the reply tells Fastify the handler has answered; compression then streams it.
  return reply.type('application/json; charset=utf-8').send(body);
}
