import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Certificates: issue, download, revoke, verify (under /api/v1). */
export const certificateRoutes: FastifyPluginAsyncZod = async () => {};

/** Routes outside /api/v1: the published public keys at a well-known address. */
export const certificateWellKnownRoutes: FastifyPluginAsyncZod = async () => {};
