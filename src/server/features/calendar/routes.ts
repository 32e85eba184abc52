import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarFeed } from '../../../contract/sessions.js';
import { text } from '../../../contract/text.js';
import { inTransaction } from '../../http/context.js';
import { readOnReplica } from '../../http/replica-reads.js';
import * as calendar from './service.js';

const tags = ['calendar'];
const FileParams = z.strictObject({ file: text().max(200) });

/** The address calendar apps will fetch, as the browser reached this server. */
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Each user's secret iCalendar feed of the sessions they may see. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/feed',
    {
      schema: {
        tags,
        operationId: 'getMyCalendarFeed',
        summary: 'Your calendar feed (its address is shown when issued)',
        response: { 200: CalendarFeed },
      },
      config: { permission: 'authenticated' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => calendar.getCalendarFeed(ctx, baseUrlOf(request))),
  );
  app.post(
    '/calendar/feed/rotate',
    {
      schema: {
        tags,
        operationId: 'rotateMyCalendarFeed',
        summary: 'Replace your calendar feed address; the old one stops working',
        response: { 200: CalendarFeed },
      },
      config: { permission: 'authenticated' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => calendar.rotateCalendarFeed(ctx, baseUrlOf(request))),
  );
  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        operationId: 'getCalendarFeedFile',
        summary: 'A calendar feed in iCalendar format; the secret address is the credential',
        params: FileParams,
        security: [],
      },
      config: { permission: 'public' },
    },
    async (request, reply) => {
      const text = await readOnReplica(app, request, (db) =>
        calendar.renderCalendarFeed(db, request.params.file, new Date()),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );
};
