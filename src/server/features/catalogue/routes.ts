import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityCode,
  ActivityInput,
  ActivityListQuery,
  ActivitySummary,
  ActivityUpdate,
  Discipline,
  DisciplineCode,
  DisciplineInput,
} from '../../../contract/catalogue.js';
import { pageOf } from '../../../contract/common.js';
import { sendCached } from '../../cache/send-cached.js';
import { actorOf } from '../../http/authenticate.js';
import { inReplicaRead, inTransaction } from '../../http/context.js';
import { catalogueCacheKey, catalogueFillFloor } from './cache.js';
import * as catalogue from './service.js';

const DisciplineParams = z.strictObject({ code: DisciplineCode });
const ActivityParams = z.strictObject({ code: ActivityCode });
/** A discipline's code is referred to by activities, so only its name can change. */
const DisciplineUpdate = DisciplineInput.pick({ name: true });

/** Disciplines and activities: the catalogue of what the centre offers. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalogue'];

  app.get(
    '/disciplines',
    {
      schema: {
        tags,
        operationId: 'listDisciplines',
        summary: 'Disciplines, with the number of activities you may see in each',
        response: { 200: z.array(Discipline) },
      },
      config: { permission: 'catalogue.read' },
    },
    (request) => inReplicaRead(app, request, catalogue.listDisciplines),
  );
  app.post(
    '/disciplines',
    {
      schema: {
        tags,
        operationId: 'createDiscipline',
        problems: ['discipline_exists'],
        summary: 'Add a discipline',
        body: DisciplineInput,
        response: { 201: Discipline },
      },
      config: { permission: 'catalogue.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => catalogue.createDiscipline(ctx, request.body)),
        ),
  );
  app.patch(
    '/disciplines/:code',
    {
      schema: {
        tags,
        operationId: 'renameDiscipline',
        summary: 'Rename a discipline',
        params: DisciplineParams,
        body: DisciplineUpdate,
        response: { 200: Discipline },
      },
      config: { permission: 'catalogue.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        catalogue.updateDiscipline(ctx, request.params.code, request.body),
      ),
  );

  app.get(
    '/activities',
    {
      schema: {
        tags,
        operationId: 'listActivities',
        summary: 'Activities you may see: filter, search in English, French or Arabic',
        querystring: ActivityListQuery,
        response: { 200: pageOf(ActivitySummary) },
      },
      config: { permission: 'catalogue.read' },
    },
    async (request, reply) => {
      const cache = app.catalogueCache;
      const key = catalogueCacheKey(actorOf(request).scope, request.query);
      return sendCached(reply, cache, key, (filling) =>
        inReplicaRead(
          app,
          request,
          (ctx) => catalogue.listActivities(ctx, request.query),
          // A page kept for everyone must hold every change heard so far, not a lagging copy.
          filling && cache && app.replica ? catalogueFillFloor(app.pg, cache) : null,
        ),
      );
    },
  );
  app.post(
    '/activities',
    {
      schema: {
        tags,
        operationId: 'createActivity',
        problems: ['activity_exists'],
        summary: 'Add an activity to the catalogue',
        body: ActivityInput,
        response: { 201: Activity },
      },
      config: { permission: 'catalogue.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => catalogue.createActivity(ctx, request.body)),
        ),
  );
  app.get(
    '/activities/:code',
    {
      schema: {
        tags,
        operationId: 'getActivity',
        summary: 'One activity',
        params: ActivityParams,
        response: { 200: Activity },
      },
      config: { permission: 'catalogue.read' },
    },
    (request) =>
      inReplicaRead(app, request, (ctx) => catalogue.getActivity(ctx, request.params.code)),
  );
  app.patch(
    '/activities/:code',
    {
      schema: {
        tags,
        operationId: 'updateActivity',
        summary: 'Edit an activity; fields left out keep their value',
        params: ActivityParams,
        body: ActivityUpdate,
        response: { 200: Activity },
      },
      config: { permission: 'catalogue.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        catalogue.updateActivity(ctx, request.params.code, request.body),
      ),
  );
};
