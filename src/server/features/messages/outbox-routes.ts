import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../contract/common.js';
import {
  OutboxId,
  OutboxListQuery,
  OutboxMessage,
  OutboxSummary,
} from '../../../contract/messages.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as outbox from './outbox-admin.js';

const tags = ['messages'];
const config = { permission: 'messages.manage' } as const;
const Params = z.strictObject({ id: OutboxId });

/** What was and will be sent: the administrator's view of the outbox. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outbox',
    {
      schema: {
        tags,
        operationId: 'listOutboxMessages',
        summary: 'E-mails queued, sent and failed, newest first',
        querystring: OutboxListQuery,
        response: { 200: pageOf(OutboxSummary) },
      },
      config,
    },
    (request) => outbox.listOutbox(readContext(app, request), request.query),
  );
  app.get(
    '/outbox/:id',
    {
      schema: {
        tags,
        operationId: 'getOutboxMessage',
        summary: 'One e-mail with its text',
        params: Params,
        response: { 200: OutboxMessage },
      },
      config,
    },
    (request) => outbox.getOutboxMessage(readContext(app, request), request.params.id),
  );
  app.post(
    '/outbox/:id/retry',
    {
      schema: {
        tags,
        operationId: 'retryOutboxMessage',
        problems: ['already_sent'],
        summary: 'Send a failed or waiting e-mail again now',
        params: Params,
        response: { 200: OutboxMessage },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) => outbox.retryOutboxMessage(ctx, request.params.id)),
  );
  app.post(
    '/outbox/:id/resend',
    {
      schema: {
        tags,
        operationId: 'resendOutboxMessage',
        problems: ['link_unknown'],
        summary: 'Send an e-mail again, with a new secret in each one-time link it holds',
        params: Params,
        response: { 200: OutboxMessage },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) => outbox.resendOutboxMessage(ctx, request.params.id)),
  );
};
