import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  Assignment,
  AssignmentInput,
  AssignmentUpdate,
  Lecturer,
  LecturerInput,
  LecturerListQuery,
  LecturerPage,
  LecturerUpdate,
  MyAssignment,
} from '../../../contract/lecturers.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as lecturers from './service.js';

const tags = ['lecturers'];
const LecturerParams = z.strictObject({ id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });
const AssignmentParams = z.strictObject({ code: SessionCode, id: Uuid });

/**
 * The lecturer and speaker registry, and who teaches on each session. Centre staff manage it;
 * course directors and instructors read it; nations see none of it (contact data).
 */
export const lecturerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/lecturers',
    {
      schema: {
        tags,
        operationId: 'listLecturers',
        summary: 'Lecturers and speakers',
        querystring: LecturerListQuery,
        response: { 200: LecturerPage },
      },
      config: { permission: 'lecturers.read' },
    },
    (request) => lecturers.listLecturers(readContext(app, request), request.query),
  );
  app.post(
    '/lecturers',
    {
      schema: {
        tags,
        operationId: 'createLecturer',
        summary: 'Add a lecturer or speaker',
        problems: ['lecturer_email_exists'],
        body: LecturerInput,
        response: { 201: Lecturer },
      },
      config: { permission: 'lecturers.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => lecturers.createLecturer(ctx, request.body)),
        ),
  );
  app.get(
    '/lecturers/:id',
    {
      schema: {
        tags,
        operationId: 'getLecturer',
        summary: 'One lecturer',
        params: LecturerParams,
        response: { 200: Lecturer },
      },
      config: { permission: 'lecturers.read' },
    },
    (request) => lecturers.getLecturer(readContext(app, request), request.params.id),
  );
  app.patch(
    '/lecturers/:id',
    {
      schema: {
        tags,
        operationId: 'updateLecturer',
        summary: 'Edit a lecturer',
        problems: ['lecturer_email_exists'],
        params: LecturerParams,
        body: LecturerUpdate,
        response: { 200: Lecturer },
      },
      config: { permission: 'lecturers.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        lecturers.updateLecturer(ctx, request.params.id, request.body),
      ),
  );
  app.get(
    '/sessions/:code/lecturers',
    {
      schema: {
        tags,
        operationId: 'listSessionLecturers',
        summary: "A session's lecturers, their travel and current conflicts",
        params: SessionParams,
        response: { 200: z.array(Assignment) },
      },
      config: { permission: 'lecturers.read' },
    },
    (request) => lecturers.listAssignments(readContext(app, request), request.params.code),
  );
  app.post(
    '/sessions/:code/lecturers',
    {
      schema: {
        tags,
        operationId: 'assignLecturer',
        summary: 'Put a lecturer on a session (409 lecturer_conflict unless confirmed)',
        problems: ['lecturer_conflict', 'lecturer_assigned', 'session_not_editable'],
        params: SessionParams,
        body: AssignmentInput,
        response: { 201: Assignment },
      },
      config: { permission: 'lecturers.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            lecturers.assignLecturer(ctx, request.params.code, request.body),
          ),
        ),
  );
  app.patch(
    '/sessions/:code/lecturers/:id',
    {
      schema: {
        tags,
        operationId: 'updateLecturerAssignment',
        summary: "Change a lecturer's role or travel on a session",
        problems: ['lecturer_conflict', 'session_not_editable'],
        params: AssignmentParams,
        body: AssignmentUpdate,
        response: { 200: Assignment },
      },
      config: { permission: 'lecturers.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        lecturers.updateAssignment(ctx, request.params.code, request.params.id, request.body),
      ),
  );
  app.delete(
    '/sessions/:code/lecturers/:id',
    {
      schema: {
        tags,
        operationId: 'removeLecturerAssignment',
        summary: 'Take a lecturer off a session',
        problems: ['session_not_editable'],
        params: AssignmentParams,
        response: { 204: z.null() },
      },
      config: { permission: 'lecturers.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        lecturers.removeAssignment(ctx, request.params.code, request.params.id),
      );
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/me/lecturer-assignments',
    {
      schema: {
        tags,
        operationId: 'myLecturerAssignments',
        summary: 'My assignments as a lecturer or speaker',
        response: { 200: z.array(MyAssignment) },
      },
      config: { permission: 'authenticated' },
    },
    (request) => lecturers.myAssignments(readContext(app, request)),
  );
};
