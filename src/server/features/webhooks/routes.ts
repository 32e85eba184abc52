import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookDeliveryId,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../../contract/webhooks.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as webhooks from './service.js';

const tags = ['webhooks'];
const params = z.strictObject({ id: Uuid });
const deliveryParams = z.strictObject({ deliveryId: WebhookDeliveryId });

/** Administrators register the systems that hear of Rabita's events, and watch their deliveries. */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'webhooks.manage' as const };

  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listWebhookEndpoints',
        summary: 'Webhook endpoints',
        response: { 200: z.array(WebhookEndpoint) },
      },
      config,
    },
    (request) => webhooks.listEndpoints(readContext(app, request)),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        operationId: 'createWebhookEndpoint',
        summary: 'Register a webhook endpoint (its signing secret is answered once)',
        body: CreateWebhookEndpointRequest,
        response: { 201: WebhookEndpointWithSecret },
      },
      config,
    },
    async (request, reply) => {
      const created = await inTransaction(app, request, (ctx) =>
        webhooks.createEndpoint(ctx, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'One webhook endpoint',
        params,
        response: { 200: WebhookEndpoint },
      },
      config,
    },
    (request) => webhooks.getEndpoint(readContext(app, request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'updateWebhookEndpoint',
        summary: 'Change, enable or disable a webhook endpoint',
        params,
        body: UpdateWebhookEndpointRequest,
        response: { 200: WebhookEndpoint },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        webhooks.updateEndpoint(ctx, request.params.id, request.body),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Remove a webhook endpoint and its delivery log',
        params,
      },
      config,
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) => webhooks.deleteEndpoint(ctx, request.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    '/:id/secret',
    {
      schema: {
        tags,
        operationId: 'rotateWebhookSecret',
        summary: 'Replace a webhook endpoint’s signing secret (the new one is answered once)',
        params,
        response: { 200: WebhookEndpointWithSecret },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) => webhooks.rotateSecret(ctx, request.params.id)),
  );

  app.post(
    '/:id/test',
    {
      schema: {
        tags,
        operationId: 'sendWebhookTestEvent',
        summary: 'Send a test event to a webhook endpoint',
        params,
        response: { 202: WebhookDelivery },
      },
      config,
    },
    async (request, reply) => {
      const delivery = await inTransaction(app, request, (ctx) =>
        webhooks.sendTestEvent(ctx, request.params.id),
      );
      return reply.status(202).send(delivery);
    },
  );

  app.get(
    '/:id/deliveries',
    {
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'A webhook endpoint’s deliveries, newest first, with every attempt',
        params,
        querystring: WebhookDeliveryQuery,
        response: { 200: z.array(WebhookDelivery) },
      },
      config,
    },
    (request) =>
      webhooks.listDeliveries(readContext(app, request), request.params.id, request.query),
  );

  app.post(
    '/deliveries/:deliveryId/resend',
    {
      schema: {
        tags,
        operationId: 'resendWebhookDelivery',
        summary: 'Send a webhook delivery again',
        params: deliveryParams,
        response: { 202: WebhookDelivery },
      },
      config,
    },
    async (request, reply) => {
      const delivery = await inTransaction(app, request, (ctx) =>
        webhooks.resendDelivery(ctx, request.params.deliveryId),
      );
      return reply.status(202).send(delivery);
    },
  );
};
