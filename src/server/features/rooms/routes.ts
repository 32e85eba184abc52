import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  InterpretationInput,
  Room,
  RoomBookingInput,
  RoomInput,
  RoomUpdate,
  SessionRoom,
  VenueCalendar,
  VenueCalendarQuery,
} from '../../../contract/rooms.js';
import { SessionCode, VenueCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as rooms from './service.js';

const tags = ['rooms'];
const VenueParams = z.strictObject({ code: VenueCode });
const RoomParams = z.strictObject({ code: VenueCode, id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });

/**
 * Rooms of venues, the room and interpretation each session books, and the venue calendar.
 * Centre staff manage them (`sessions.manage`); directors and instructors read them.
 */
export const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/venues/:code/rooms',
    {
      schema: {
        tags,
        operationId: 'listRooms',
        summary: "A venue's rooms",
        params: VenueParams,
        response: { 200: z.array(Room) },
      },
      config: { permission: 'rooms.read' },
    },
    (request) => rooms.listRooms(readContext(app, request), request.params.code),
  );
  app.post(
    '/venues/:code/rooms',
    {
      schema: {
        tags,
        operationId: 'createRoom',
        summary: 'Add a room to a venue',
        problems: ['room_exists'],
        params: VenueParams,
        body: RoomInput,
        response: { 201: Room },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            rooms.createRoom(ctx, request.params.code, request.body),
          ),
        ),
  );
  app.patch(
    '/venues/:code/rooms/:id',
    {
      schema: {
        tags,
        operationId: 'updateRoom',
        summary: 'Edit a room',
        problems: ['room_exists'],
        params: RoomParams,
        body: RoomUpdate,
        response: { 200: Room },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        rooms.updateRoom(ctx, request.params.code, request.params.id, request.body),
      ),
  );
  app.get(
    '/venues/:code/calendar',
    {
      schema: {
        tags,
        operationId: 'getVenueCalendar',
        summary: 'What each room of a venue holds over some days',
        params: VenueParams,
        querystring: VenueCalendarQuery,
        response: { 200: VenueCalendar },
      },
      config: { permission: 'rooms.read' },
    },
    (request) => rooms.venueCalendar(readContext(app, request), request.params.code, request.query),
  );
  app.get(
    '/sessions/:code/room',
    {
      schema: {
        tags,
        operationId: 'getSessionRoom',
        summary: "A session's room and interpretation, with warnings",
        params: SessionParams,
        response: { 200: SessionRoom },
      },
      config: { permission: 'rooms.read' },
    },
    (request) => rooms.getSessionRoom(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/room',
    {
      schema: {
        tags,
        operationId: 'bookSessionRoom',
        summary: 'Book a room for a session (409 room_conflict unless confirmed)',
        problems: ['room_conflict', 'session_not_editable'],
        params: SessionParams,
        body: RoomBookingInput,
        response: { 200: SessionRoom },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => rooms.bookRoom(ctx, request.params.code, request.body)),
  );
  app.delete(
    '/sessions/:code/room',
    {
      schema: {
        tags,
        operationId: 'releaseSessionRoom',
        summary: "Give a session's room back",
        problems: ['session_not_editable'],
        params: SessionParams,
        response: { 200: SessionRoom },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) => inTransaction(app, request, (ctx) => rooms.releaseRoom(ctx, request.params.code)),
  );
  app.put(
    '/sessions/:code/interpretation',
    {
      schema: {
        tags,
        operationId: 'setSessionInterpretation',
        summary: "Set a session's simultaneous interpretation (language pairs, interpreters)",
        problems: ['session_not_editable'],
        params: SessionParams,
        body: InterpretationInput,
        response: { 200: SessionRoom },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        rooms.setInterpretation(ctx, request.params.code, request.body),
      ),
  );
};
