import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** E-mail templates, the outbox, in-app notifications and password links. */
export const messageRoutes: FastifyPluginAsyncZod = async () => {};
