import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, Uuid } from '../../../contract/common.js';
import {
  Session,
  SessionCode,
  SessionInput,
  SessionListQuery,
  SessionSummary,
  SessionTransitionRequest,
  SessionUpdate,
} from '../../../contract/sessions.js';
import { StaffTravel, StaffTravelInput } from '../../../contract/staff-travel.js';
import { inTransaction, readContext } from '../../http/context.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import * as sessions from './service.js';
import { listStaffTravel, recordStaffTravel } from './staff/travel.js';

const tags = ['sessions'];
const SessionParams = z.strictObject({ code: SessionCode });

/** Sessions: runs of an activity, their quotas and their life cycle. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions',
    {
      schema: {
        tags,
        operationId: 'listSessions',
        summary: 'Sessions you may see, in date order',
        querystring: SessionListQuery,
        response: { 200: pageOf(SessionSummary) },
      },
      config: { permission: 'sessions.read' },
    },
    (request) => sessions.listSessions(readContext(app, request), request.query),
  );
  app.post(
    '/sessions',
    {
      schema: {
        tags,
        operationId: 'createSession',
        problems: ['session_exists', 'staff_conflict', 'host_nation_at_centre'],
        summary: 'Plan a session',
        body: SessionInput,
        response: { 201: Session },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => sessions.createSession(ctx, request.body)),
        ),
  );
  app.get(
    '/sessions/:code',
    {
      schema: {
        tags,
        operationId: 'getSession',
        summary: 'One session',
        params: SessionParams,
        response: { 200: Session },
      },
      config: { permission: 'sessions.read' },
    },
    (request) => sessions.getSession(readContext(app, request), request.params.code),
  );
  app.patch(
    '/sessions/:code',
    {
      schema: {
        tags,
        operationId: 'updateSession',
        problems: [
          'session_not_editable',
          'staff_conflict',
          'venue_closed',
          'outside_programme_years',
          'breaks_eligibility',
          'host_nation_at_centre',
        ],
        summary: 'Edit a session',
        params: SessionParams,
        body: SessionUpdate,
        response: { 200: Session },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        sessions.updateSession(ctx, request.params.code, request.body),
      ),
  );
  app.post(
    '/sessions/:code/transitions',
    {
      schema: {
        tags,
        operationId: 'transitionSession',
        problems: ['invalid_transition'],
        summary: 'Move a session along its life cycle',
        params: SessionParams,
        body: SessionTransitionRequest,
        response: { 200: Session },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, async (ctx) => {
        const session = await sessions.transitionSession(ctx, request.params.code, request.body);
        // A session marked completed has ended: its level-1 survey goes out now rather than at
        // the next scheduled run, and only if the completion commits.
        if (request.body.to === 'completed')
          await enqueueJob(ctx.tx, 'surveys.send-due', {}, { jobKey: 'surveys.send-due' });
        return session;
      }),
  );
  app.get(
    '/sessions/:code/staff-travel',
    {
      schema: {
        tags,
        operationId: 'listStaffTravel',
        summary: "The travel and lodging of a session's director and instructors",
        params: SessionParams,
        response: { 200: z.array(StaffTravel) },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) => listStaffTravel(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/staff-travel/:userId',
    {
      schema: {
        tags,
        operationId: 'recordStaffTravel',
        summary: "Record a director's or instructor's travel and lodging (a mobile team abroad)",
        params: z.strictObject({ code: SessionCode, userId: Uuid }),
        body: StaffTravelInput,
        response: { 200: StaffTravel },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        recordStaffTravel(ctx, request.params.code, request.params.userId, request.body),
      ),
  );
};
