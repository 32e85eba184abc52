import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Logistics of selected participants: the form, the sheet and its exports. */
export const logisticsRoutes: FastifyPluginAsyncZod = async () => {};
