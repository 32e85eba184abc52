import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, Uuid } from '../../../contract/common.js';
import {
  BulkDecisionRequest,
  BulkDecisionResult,
  CentreToday,
  EligibilityCheckQuery,
  EligibilityCheckResult,
  MyTraining,
  NationPortal,
  Nomination,
  NominationInput,
  NominationListQuery,
  NominationSummary,
  NominationTransitionRequest,
  OverrideRequest,
  PriorityRequest,
  SelectionBoard,
  SubstitutionRequest,
} from '../../../contract/nominations.js';
import { SessionCode } from '../../../contract/sessions.js';
import { text } from '../../../contract/text.js';
import { inTransaction, readContext } from '../../http/context.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { checkEligibility, selectionBoard } from './board.js';
import { centreToday } from './centre.js';
import { bulkDecide, overrideEligibility, setPriorities, substitute } from './changes.js';
import { invitationRoutes } from './invitation-routes.js';
import { myTraining, nationPortal } from './portal.js';
import * as nominations from './service.js';

const tags = ['nominations'];
const IdParams = z.strictObject({ id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });
const IdempotencyHeaders = z.object({
  'idempotency-key': text()
    .optional()
    .describe(
      'A fresh UUID per intended creation; a retry with the same key returns the first result.',
    ),
});

/** Nominations, their decisions, the selection board and the nation's and participant's views. */
export const nominationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(invitationRoutes);
  app.get(
    '/nominations',
    {
      schema: {
        tags,
        operationId: 'listNominations',
        summary: 'Nominations you may see, latest session first',
        querystring: NominationListQuery,
        response: { 200: pageOf(NominationSummary) },
      },
      config: { permission: 'nominations.read' },
    },
    (request) => nominations.listNominations(readContext(app, request), request.query),
  );
  app.post(
    '/nominations',
    {
      schema: {
        tags,
        operationId: 'submitNomination',
        problems: [
          'invitation_only',
          'window_closed',
          'already_nominated',
          'not_eligible',
          'idempotency_key_reused',
        ],
        summary: 'Propose (nominator) or draft/submit (NPOC) a person for a session',
        headers: IdempotencyHeaders,
        body: NominationInput,
        response: { 201: Nomination },
      },
      config: { permission: 'nominations.propose' },
    },
    (request, reply) =>
      idempotentCreate(app, request, reply, (ctx) =>
        nominations.createNomination(ctx, request.body),
      ),
  );
  app.get(
    '/nominations/:id',
    {
      schema: {
        tags,
        operationId: 'getNomination',
        summary: 'One nomination and its timeline',
        params: IdParams,
        response: { 200: Nomination },
      },
      config: { permission: 'nominations.read' },
    },
    (request) => nominations.getNomination(readContext(app, request), request.params.id),
  );
  app.post(
    '/nominations/:id/transitions',
    {
      schema: {
        tags,
        operationId: 'transitionNomination',
        problems: [
          'invalid_transition',
          'window_closed',
          'no_seat',
          'session_started',
          'selection_conflict',
          'not_eligible',
        ],
        summary: 'Submit, decline, select, waitlist, reject or withdraw',
        params: IdParams,
        body: NominationTransitionRequest,
        response: { 200: Nomination },
      },
      config: { permission: 'nominations.read' },
    },
    async (request) => {
      // Read back after the commit, so the session's seat row is held no longer than needed.
      await inTransaction(app, request, (ctx) =>
        nominations.applyTransition(ctx, request.params.id, request.body, new Date()),
      );
      return nominations.getNomination(readContext(app, request), request.params.id);
    },
  );
  app.post(
    '/nominations/:id/override',
    {
      schema: {
        tags,
        operationId: 'overrideEligibility',
        problems: ['invalid_transition'],
        summary: 'Accept a person who fails a hard eligibility rule, with a justification',
        params: IdParams,
        body: OverrideRequest,
        response: { 200: Nomination },
      },
      config: { permission: 'nominations.override' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        overrideEligibility(ctx, request.params.id, request.body.justification),
      ),
  );
  app.post(
    '/nominations/:id/substitution',
    {
      schema: {
        tags,
        operationId: 'substituteNomination',
        problems: [
          'invalid_transition',
          'invitation_only',
          'already_nominated',
          'session_started',
          'not_eligible',
        ],
        summary: 'Put another person of the nation on a held seat',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: SubstitutionRequest,
        response: { 201: Nomination },
      },
      config: { permission: 'nominations.submit' },
    },
    (request, reply) =>
      idempotentCreate(app, request, reply, (ctx) =>
        substitute(ctx, request.params.id, request.body),
      ),
  );
  app.post(
    '/sessions/:code/nominations/bulk',
    {
      schema: {
        tags,
        operationId: 'decideNominationsInBulk',
        summary: 'Select, waitlist or reject many nominations at once',
        params: SessionParams,
        body: BulkDecisionRequest,
        response: { 200: BulkDecisionResult },
      },
      config: { permission: 'nominations.decide' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => bulkDecide(ctx, request.params.code, request.body)),
  );
  app.put(
    '/sessions/:code/nominations/priority',
    {
      schema: {
        tags,
        operationId: 'orderNominations',
        summary: "Order the nation's nominations for a session, first choice first",
        params: SessionParams,
        body: PriorityRequest,
        response: { 204: z.null() },
      },
      config: { permission: 'nominations.submit' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        setPriorities(ctx, request.params.code, request.body.nominationIds),
      );
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/sessions/:code/selection-board',
    {
      schema: {
        tags,
        operationId: 'getSelectionBoard',
        summary: 'Quotas, pool, nominations and the waitlist of a session',
        params: SessionParams,
        response: { 200: SelectionBoard },
      },
      config: { permission: 'nominations.decide' },
    },
    (request) => selectionBoard(readContext(app, request), request.params.code),
  );
  app.get(
    '/sessions/:code/eligibility',
    {
      schema: {
        tags,
        operationId: 'checkEligibility',
        summary: 'Would these people be eligible for the session?',
        params: SessionParams,
        querystring: EligibilityCheckQuery.omit({ sessionCode: true }),
        response: { 200: EligibilityCheckResult },
      },
      config: { permission: 'nominations.propose' },
    },
    (request) =>
      checkEligibility(
        readContext(app, request),
        request.params.code,
        request.query.participantIds.filter((id) => Uuid.safeParse(id).success),
      ),
  );
  app.get(
    '/portal/nation',
    {
      schema: {
        tags,
        operationId: 'getNationPortal',
        summary: "My nation: open sessions, quota use, nominations, what's due",
        response: { 200: NationPortal },
      },
      config: { permission: 'nominations.propose' },
    },
    (request) => nationPortal(readContext(app, request)),
  );
  app.get(
    '/portal/centre',
    {
      schema: {
        tags,
        operationId: 'getCentrePortal',
        summary:
          'Centre today: running and coming sessions, deadlines, decisions, waitlists, outbox',
        response: { 200: CentreToday },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) => centreToday(readContext(app, request)),
  );
  app.get(
    '/me/training',
    {
      schema: {
        tags,
        operationId: 'getMyTraining',
        summary: 'My nominations and joining instructions',
        response: { 200: MyTraining },
      },
      config: { permission: 'authenticated' },
    },
    (request) => myTraining(readContext(app, request)),
  );
};
