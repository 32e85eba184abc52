import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  Invitation,
  InvitationList,
  InvitationRequest,
  InvitationWithdrawal,
  RoleRequest,
  RsvpRequest,
} from '../../../contract/invitations.js';
import { Nomination } from '../../../contract/nominations.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import { getInvitation, inviteToSession, listInvitations } from './invitations.js';
import { answerInvitation, setEventRole } from './rsvp.js';
import { getNomination } from './service.js';
import { withdrawInvitation } from './withdraw-invitation.js';

const tags = ['invitations'];
const IdParams = z.strictObject({ id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });

/** Roles on events, the centre's invitations by name and the nations' answers (RSVP). */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/nominations/:id/role',
    {
      schema: {
        tags,
        operationId: 'setEventRole',
        problems: ['role_not_allowed', 'delegation_head', 'invalid_transition'],
        summary: "Set a person's role on an event, a visit or an exercise (staff, or own NPOC)",
        params: IdParams,
        body: RoleRequest,
        response: { 200: Nomination },
      },
      config: { permission: 'nominations.read' },
    },
    async (request) => {
      await inTransaction(app, request, (ctx) =>
        setEventRole(ctx, request.params.id, request.body),
      );
      return getNomination(readContext(app, request), request.params.id);
    },
  );
  app.post(
    '/sessions/:code/invitations',
    {
      schema: {
        tags,
        operationId: 'inviteToSession',
        problems: [
          'seats_by_quota',
          'role_not_allowed',
          'delegation_head',
          'already_nominated',
          'session_started',
        ],
        summary: 'Invite a person or a delegation of one nation by name, each with a role',
        params: SessionParams,
        body: InvitationRequest,
        response: { 201: InvitationList },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request, reply) => {
      const items = await inTransaction(app, request, (ctx) =>
        inviteToSession(ctx, request.params.code, request.body),
      );
      return reply.status(201).send({ items });
    },
  );
  app.get(
    '/invitations',
    {
      schema: {
        tags,
        operationId: 'listInvitations',
        summary:
          'Invitations by name you may see, with their RSVP state: the centre all, an NPOC its nation, a person their own',
        querystring: z.strictObject({ session: SessionCode.optional() }),
        response: { 200: InvitationList },
      },
      config: { permission: 'authenticated' },
    },
    async (request) => ({
      items: await listInvitations(readContext(app, request), request.query.session),
    }),
  );
  app.post(
    '/invitations/:id/rsvp',
    {
      schema: {
        tags,
        operationId: 'answerInvitation',
        problems: ['not_invited', 'no_seat', 'selection_conflict', 'session_started'],
        summary: 'Accept (takes a seat) or decline (gives it back) an invitation',
        params: IdParams,
        body: RsvpRequest,
        response: { 200: Invitation },
      },
      config: { permission: 'authenticated' },
    },
    async (request) => {
      await inTransaction(app, request, (ctx) =>
        answerInvitation(ctx, request.params.id, request.body, new Date()),
      );
      return getInvitation(readContext(app, request), request.params.id);
    },
  );
  app.post(
    '/invitations/:id/withdraw',
    {
      schema: {
        tags,
        operationId: 'withdrawInvitation',
        problems: ['invitation_closed', 'session_started'],
        summary:
          "The centre takes back a pending or accepted invitation, with a reason: the seat is given back and the nation's NPOCs are told",
        params: IdParams,
        body: InvitationWithdrawal,
        response: { 200: Invitation },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request) => {
      await inTransaction(app, request, (ctx) =>
        withdrawInvitation(ctx, request.params.id, request.body, new Date()),
      );
      return getInvitation(readContext(app, request), request.params.id);
    },
  );
};
