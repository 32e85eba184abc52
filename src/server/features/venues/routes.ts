import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Venues: where sessions run, with their time zone, working week and holidays. */
export const venueRoutes: FastifyPluginAsyncZod = async () => {};
