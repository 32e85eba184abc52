import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Results per participant, closing and reopening, and the post-course report. */
export const resultRoutes: FastifyPluginAsyncZod = async () => {};
