import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Evaluation surveys: templates, invitations, answers and results. */
export const surveyRoutes: FastifyPluginAsyncZod = async () => {};
