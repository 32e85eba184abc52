import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MessageTemplate,
  RenderedMessage,
  TemplateParams,
  TemplatePreviewRequest,
  TemplateUpdate,
} from '../../../contract/messages.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as templates from './templates.js';

const tags = ['messages'];
const config = { permission: 'messages.manage' } as const;

/** The wording of each e-mail per language: list, edit, reset to the default, preview. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/message-templates',
    {
      schema: {
        tags,
        operationId: 'listMessageTemplates',
        summary: 'Every e-mail template in every language',
        response: { 200: z.array(MessageTemplate) },
      },
      config,
    },
    (request) => templates.listTemplates(readContext(app, request)),
  );
  app.get(
    '/message-templates/:event/:locale',
    {
      schema: {
        tags,
        operationId: 'getMessageTemplate',
        summary: 'One e-mail template',
        params: TemplateParams,
        response: { 200: MessageTemplate },
      },
      config,
    },
    (request) =>
      templates.getTemplate(readContext(app, request), request.params.event, request.params.locale),
  );
  app.put(
    '/message-templates/:event/:locale',
    {
      schema: {
        tags,
        operationId: 'saveMessageTemplate',
        summary: 'Change the wording of an e-mail in one language',
        params: TemplateParams,
        body: TemplateUpdate,
        response: { 200: MessageTemplate },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        templates.updateTemplate(ctx, request.params.event, request.params.locale, request.body),
      ),
  );
  app.delete(
    '/message-templates/:event/:locale',
    {
      schema: {
        tags,
        operationId: 'resetMessageTemplate',
        summary: 'Go back to the default wording',
        params: TemplateParams,
        response: { 200: MessageTemplate },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        templates.resetTemplate(ctx, request.params.event, request.params.locale),
      ),
  );
  app.post(
    '/message-templates/:event/:locale/preview',
    {
      schema: {
        tags,
        operationId: 'previewMessageTemplate',
        summary: 'Render a template with sample values',
        params: TemplateParams,
        body: TemplatePreviewRequest,
        response: { 200: RenderedMessage },
      },
      config,
    },
    (request) =>
      templates.previewTemplate(
        readContext(app, request),
        request.params.event,
        request.params.locale,
        request.body,
      ),
  );
};
