import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Nominations, their decisions and the selection board. */
export const nominationRoutes: FastifyPluginAsyncZod = async () => {};
