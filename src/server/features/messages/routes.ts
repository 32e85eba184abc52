import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationRoutes } from './notification-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { passwordRoutes } from './password-routes.js';
import { templateRoutes } from './template-routes.js';

/** E-mail templates, the outbox, in-app notifications and password links. */
export const messageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(templateRoutes);
  await app.register(outboxRoutes);
  await app.register(notificationRoutes);
  await app.register(passwordRoutes);
};
