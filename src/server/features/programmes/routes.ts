import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  OutlineInput,
  PlannedCandidate,
  PlannedCandidatesQuery,
  Programme,
  ProgrammeInput,
  ProgrammeListQuery,
  ProgrammeRevision,
  ProgrammeSummary,
  ProgrammeTransitionRequest,
} from '../../../contract/programmes.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import { listPlannedCandidates } from './candidates.js';
import * as programmes from './service.js';

const tags = ['programmes'];
const Params = z.strictObject({ id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });

/** Cooperation programmes: objectives, goals, planned activities, agreement and revisions. */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes',
    {
      schema: {
        tags,
        operationId: 'listProgrammes',
        summary: 'Programmes you may see',
        querystring: ProgrammeListQuery,
        response: { 200: z.object({ items: z.array(ProgrammeSummary) }) },
      },
      config: { permission: 'programmes.read' },
    },
    (request) => programmes.listProgrammes(readContext(app, request), request.query),
  );
  app.post(
    '/programmes',
    {
      schema: {
        tags,
        operationId: 'createProgramme',
        summary: 'Draft a programme',
        body: ProgrammeInput,
        response: { 201: Programme },
      },
      config: { permission: 'programmes.edit' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => programmes.createProgramme(ctx, request.body)),
        ),
  );
  app.get(
    '/programmes/:id',
    {
      schema: {
        tags,
        operationId: 'getProgramme',
        summary: 'A programme with its outline and progress',
        params: Params,
        response: { 200: Programme },
      },
      config: { permission: 'programmes.read' },
    },
    (request) => programmes.getProgramme(readContext(app, request), request.params.id),
  );
  app.put(
    '/programmes/:id/outline',
    {
      schema: {
        tags,
        operationId: 'replaceProgrammeOutline',
        problems: ['programme_not_editable', 'planned_activity_in_use'],
        summary: 'Replace the outline (a revision with a reason once agreed)',
        params: Params,
        body: OutlineInput,
        response: { 200: Programme },
      },
      config: { permission: 'programmes.edit' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        programmes.replaceOutline(ctx, request.params.id, request.body),
      ),
  );
  app.post(
    '/programmes/:id/transitions',
    {
      schema: {
        tags,
        operationId: 'transitionProgramme',
        problems: ['invalid_transition'],
        summary: 'Move a programme along its life cycle',
        params: Params,
        body: ProgrammeTransitionRequest,
        response: { 200: Programme },
      },
      config: { permission: 'programmes.read' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        programmes.transitionProgramme(ctx, request.params.id, request.body),
      ),
  );
  app.get(
    '/programmes/:id/revisions',
    {
      schema: {
        tags,
        operationId: 'listProgrammeRevisions',
        summary: 'The revisions of a programme, newest first',
        params: Params,
        response: { 200: z.object({ items: z.array(ProgrammeRevision) }) },
      },
      config: { permission: 'programmes.read' },
    },
    (request) => programmes.listRevisions(readContext(app, request), request.params.id),
  );
  app.get(
    '/sessions/:code/planned-activities',
    {
      schema: {
        tags,
        operationId: 'listPlannedActivitiesForSession',
        summary: 'The programme goals a nomination of a nation for this session could serve',
        params: SessionParams,
        querystring: PlannedCandidatesQuery,
        response: { 200: z.object({ items: z.array(PlannedCandidate) }) },
      },
      // For the nominate form: whoever may nominate, including nominators who may not read
      // the whole programme.
      config: { permission: 'nominations.propose' },
    },
    async (request) => ({
      items: await listPlannedCandidates(
        readContext(app, request),
        request.params.code,
        request.query,
      ),
    }),
  );
};
