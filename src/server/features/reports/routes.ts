import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Reports and dashboards: trained people, rates, evaluations, programme delivery. */
export const reportRoutes: FastifyPluginAsyncZod = async () => {};
