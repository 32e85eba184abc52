import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  NotificationList,
  NotificationListQuery,
  NotificationParams,
} from '../../../contract/messages.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as notifications from './notifications.js';

const tags = ['notifications'];
const config = { permission: 'authenticated' } as const;

/** The bell: each user reads and clears their own notifications only. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        operationId: 'listMyNotifications',
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
      config,
    },
    (request) => notifications.listNotifications(readContext(app, request), request.query),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        operationId: 'markNotificationRead',
        summary: 'Mark one of my notifications read',
        params: NotificationParams,
      },
      config,
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        notifications.markNotificationRead(ctx, request.params.id),
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all my notifications read',
      },
      config,
    },
    async (request, reply) => {
      await inTransaction(app, request, notifications.markAllNotificationsRead);
      return reply.status(204).send();
    },
  );
};
