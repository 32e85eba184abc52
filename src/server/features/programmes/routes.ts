import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Cooperation programmes: objectives, goals, planned activities, agreement and revisions. */
export const programmeRoutes: FastifyPluginAsyncZod = async () => {};
