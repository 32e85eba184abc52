import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, Uuid } from '../../../contract/common.js';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  StaffMember,
  StaffQuery,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '../../../contract/users.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as users from './service.js';

const tags = ['users'];
const IdParams = z.strictObject({ id: Uuid });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'List users',
        querystring: UserListQuery,
        response: { 200: pageOf(User) },
      },
      config: { permission: 'users.read' },
    },
    (request) => users.listUsers(readContext(app, request), request.query),
  );

  app.get(
    '/staff',
    {
      schema: {
        tags,
        operationId: 'listStaff',
        summary: 'Course directors or instructors, to name on a session',
        querystring: StaffQuery,
        response: { 200: z.array(StaffMember) },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) => users.listStaff(readContext(app, request), request.query),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        operationId: 'createUser',
        problems: ['email_taken'],
        summary: 'Create a user',
        body: CreateUserRequest,
        response: { 201: User },
      },
      config: { permission: 'users.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(app, request, (ctx) => users.createUser(ctx, request.body))),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'One user',
        params: IdParams,
        response: { 200: User },
      },
      config: { permission: 'users.read' },
    },
    (request) => users.getUser(readContext(app, request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'updateUser',
        problems: ['cannot_demote_self'],
        summary: 'Change roles, nation or status',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
      config: { permission: 'users.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => users.updateUser(ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags,
        operationId: 'resetUserPassword',
        summary: 'Set a new password for a user',
        params: IdParams,
        body: ResetPasswordRequest,
      },
      config: { permission: 'users.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        users.resetPassword(ctx, request.params.id, request.body),
      );
      return reply.status(204).send();
    },
  );
};
