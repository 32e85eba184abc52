import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Disciplines and activities: the catalogue of what the centre offers. */
export const catalogueRoutes: FastifyPluginAsyncZod = async () => {};
