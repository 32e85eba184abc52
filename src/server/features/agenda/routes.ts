import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agenda,
  AgendaItem,
  AgendaItemInput,
  AgendaItemUpdate,
  AgendaPdfQuery,
  AgendaPublication,
} from '../../../contract/agenda.js';
import { Uuid } from '../../../contract/common.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import { agendaPdf } from './files.js';
import * as agenda from './service.js';

const tags = ['agenda'];
const SessionParams = z.strictObject({ code: SessionCode });
const ItemParams = z.strictObject({ code: SessionCode, id: Uuid });
const itemProblems = [
  'agenda_speaker_conflict',
  'agenda_room_conflict',
  'agenda_outside_session',
  'agenda_times_reversed',
  'session_not_editable',
] as const;

/**
 * A session's agenda: items with times on the venue's clock, speakers and a room. Centre staff
 * edit it and publish it (`sessions.manage`); the session's nations and participants read it
 * once published (see `access.ts`).
 */
export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions/:code/agenda',
    {
      schema: {
        tags,
        operationId: 'getSessionAgenda',
        summary: "A session's agenda (a draft for centre staff only)",
        params: SessionParams,
        response: { 200: Agenda },
      },
      config: { permission: 'sessions.read' },
    },
    (request) => agenda.getAgenda(readContext(app, request), request.params.code),
  );
  app.get(
    '/sessions/:code/agenda.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadSessionAgendaPdf',
        summary: "A session's agenda as an A4 PDF, in the reader's language",
        params: SessionParams,
        querystring: AgendaPdfQuery,
      },
      config: { permission: 'sessions.read' },
    },
    async (request, reply) => {
      const ctx = readContext(app, request);
      const locale = request.query.locale ?? ctx.actor.locale;
      const file = await agendaPdf(ctx, request.params.code, locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  app.post(
    '/sessions/:code/agenda/items',
    {
      schema: {
        tags,
        operationId: 'createAgendaItem',
        summary: 'Add an item to the agenda (409 when a speaker or the room is elsewhere then)',
        problems: [...itemProblems],
        params: SessionParams,
        body: AgendaItemInput,
        response: { 201: AgendaItem },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            agenda.createItem(ctx, request.params.code, request.body),
          ),
        ),
  );
  app.patch(
    '/sessions/:code/agenda/items/:id',
    {
      schema: {
        tags,
        operationId: 'updateAgendaItem',
        summary: 'Change an agenda item',
        problems: [...itemProblems],
        params: ItemParams,
        body: AgendaItemUpdate,
        response: { 200: AgendaItem },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        agenda.updateItem(ctx, request.params.code, request.params.id, request.body),
      ),
  );
  app.delete(
    '/sessions/:code/agenda/items/:id',
    {
      schema: {
        tags,
        operationId: 'deleteAgendaItem',
        summary: 'Remove an agenda item',
        problems: ['session_not_editable'],
        params: ItemParams,
        response: { 200: Agenda },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        agenda.deleteItem(ctx, request.params.code, request.params.id),
      ),
  );
  app.put(
    '/sessions/:code/agenda/publication',
    {
      schema: {
        tags,
        operationId: 'setAgendaPublication',
        summary: 'Publish the agenda to the session’s nations and participants, or withdraw it',
        problems: ['session_not_editable'],
        params: SessionParams,
        body: AgendaPublication,
        response: { 200: Agenda },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        agenda.setPublication(ctx, request.params.code, request.body),
      ),
  );
};
