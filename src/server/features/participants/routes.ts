import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, Uuid } from '../../../contract/common.js';
import {
  Participant,
  ParticipantDetail,
  ParticipantInput,
  ParticipantListQuery,
  ParticipantUpdate,
} from '../../../contract/participants.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as participants from './service.js';

const tags = ['participants'];
const ParticipantParams = z.strictObject({ id: Uuid });

/** The participants registry: people each nation may nominate. */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/participants',
    {
      schema: {
        tags,
        operationId: 'listParticipants',
        summary: 'People you may see, by family name; `q` searches both scripts and e-mail',
        querystring: ParticipantListQuery,
        response: { 200: pageOf(Participant) },
      },
      config: { permission: 'participants.read' },
    },
    (request) => participants.listParticipants(readContext(app, request), request.query),
  );
  app.post(
    '/participants',
    {
      schema: {
        tags,
        operationId: 'createParticipant',
        problems: ['possible_duplicate'],
        summary: 'Register a person; a likely duplicate answers 409 possible_duplicate',
        body: ParticipantInput,
        response: { 201: ParticipantDetail },
      },
      config: { permission: 'participants.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            participants.createParticipant(ctx, request.body),
          ),
        ),
  );
  app.get(
    '/participants/:id',
    {
      schema: {
        tags,
        operationId: 'getParticipant',
        summary: 'One person with their training history',
        params: ParticipantParams,
        response: { 200: ParticipantDetail },
      },
      config: { permission: 'participants.read' },
    },
    (request) => participants.getParticipant(readContext(app, request), request.params.id),
  );
  app.patch(
    '/participants/:id',
    {
      schema: {
        tags,
        operationId: 'updateParticipant',
        summary: "Edit a person's record",
        params: ParticipantParams,
        body: ParticipantUpdate,
        response: { 200: ParticipantDetail },
      },
      config: { permission: 'participants.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        participants.updateParticipant(ctx, request.params.id, request.body),
      ),
  );
};
