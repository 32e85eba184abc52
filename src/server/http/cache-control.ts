import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Every answer of the API, to a signed-in user or to the holder of a secret link (survey,
 * calendar feed, password link), may carry personal data: no browser, proxy or shared cache
 * keeps it. One rule for the whole `/api/v1` tree rather than one per route, so a new route
 * cannot forget it; it overrides what a route set.
 */
export async function noStore(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('cache-control', 'no-store');
  return payload;
}

/** Web-app pages whose address holds a secret: the address must not be kept by a cache either. */
export function isSecretLinkPage(url: string): boolean {
  return /^\/(password|survey)\/[^/]+\/?(\?|$)/.test(url);
}
