import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The participants registry: people each nation may nominate. */
export const participantRoutes: FastifyPluginAsyncZod = async () => {};
