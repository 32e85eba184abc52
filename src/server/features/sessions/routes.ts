import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Sessions: runs of an activity, their quotas and their life cycle. */
export const sessionRoutes: FastifyPluginAsyncZod = async () => {};
