import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Plan,
  PlanAccepted,
  PlanAcceptRequest,
  PlanAddRequest,
  PlanCompareQuery,
  PlanComparison,
  PlanDemand,
  PlanList,
  PlanLockRequest,
  PlanMoveRequest,
  PlanRunRequest,
  PlanSession,
  PlanSessionParams,
  PlanVersionParams,
  PlanYearParams,
} from '../../../contract/plans.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as edits from './edit.js';
import { runPlan } from './run.js';
import * as plans from './service.js';

const tags = ['plans'];

/** The annual plan: demand, runs of the solver, versions, locks, comparison and acceptance. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:year/demand',
    {
      schema: {
        tags,
        operationId: 'getPlanDemand',
        summary: 'The seats the agreed programmes plan for a year, per activity and nation',
        params: PlanYearParams,
        response: { 200: PlanDemand },
      },
      config: { permission: 'plans.manage' },
    },
    (request) => plans.getDemand(readContext(app, request), request.params.year),
  );
  app.get(
    '/plans/:year/versions',
    {
      schema: {
        tags,
        operationId: 'listPlanVersions',
        summary: "The versions of a year's plan, newest first",
        params: PlanYearParams,
        response: { 200: PlanList },
      },
      config: { permission: 'plans.manage' },
    },
    (request) => plans.listPlans(readContext(app, request), request.params.year),
  );
  app.post(
    '/plans/:year/versions',
    {
      schema: {
        tags,
        operationId: 'runPlan',
        problems: ['plan_inputs_changed'],
        summary:
          "Propose a new version of the year's plan (from a version's locked sessions if named)",
        params: PlanYearParams,
        body: PlanRunRequest,
        response: { 201: Plan },
      },
      config: { permission: 'plans.manage' },
    },
    async (request, reply) => {
      // Not one transaction: the inputs are read in one and the version written in another,
      // the solver working in between (see runPlan).
      const plan = await runPlan(
        (work) => inTransaction(app, request, work),
        request.params.year,
        request.body,
      );
      return reply.code(201).send(plan);
    },
  );
  app.get(
    '/plans/:year/versions/:version',
    {
      schema: {
        tags,
        operationId: 'getPlanVersion',
        summary: 'One version of a plan: its sessions, the seats it leaves unmet and why',
        params: PlanVersionParams,
        response: { 200: Plan },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      plans.getPlan(readContext(app, request), request.params.year, request.params.version),
  );
  app.patch(
    '/plans/:year/versions/:version/sessions/:sessionId',
    {
      schema: {
        tags,
        operationId: 'lockPlanSession',
        problems: ['plan_already_accepted'],
        summary: 'Lock a proposed session where it is for the next run, or free it',
        params: PlanSessionParams,
        body: PlanLockRequest,
        response: { 200: PlanSession },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        plans.lockPlanSession(
          ctx,
          request.params.year,
          request.params.version,
          request.params.sessionId,
          request.body.locked,
        ),
      ),
  );
  app.get(
    '/plans/:year/compare',
    {
      schema: {
        tags,
        operationId: 'comparePlanVersions',
        summary: 'What moved between two versions, and which nation gains or loses seats',
        params: PlanYearParams,
        querystring: PlanCompareQuery,
        response: { 200: PlanComparison },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      plans.comparePlans(
        readContext(app, request),
        request.params.year,
        request.query.from,
        request.query.to,
      ),
  );
  app.post(
    '/plans/:year/versions/:version/accept',
    {
      schema: {
        tags,
        operationId: 'acceptPlanVersion',
        problems: ['plan_already_accepted'],
        summary:
          'Accept a version: its sessions become drafts (or announced sessions) with their quotas',
        params: PlanVersionParams,
        body: PlanAcceptRequest,
        response: { 200: PlanAccepted },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        plans.acceptPlan(ctx, request.params.year, request.params.version, request.body ?? {}),
      ),
  );
  app.post(
    '/plans/:year/versions/:version/sessions/:sessionId/move',
    {
      schema: {
        tags,
        operationId: 'movePlanSession',
        problems: ['plan_already_accepted', 'plan_week_unavailable'],
        summary: 'Move a proposed session to another week or venue, checked as the planner would',
        params: PlanSessionParams,
        body: PlanMoveRequest,
        response: { 200: PlanSession },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        edits.movePlanSession(
          ctx,
          request.params.year,
          request.params.version,
          request.params.sessionId,
          request.body,
        ),
      ),
  );
  app.post(
    '/plans/:year/versions/:version/sessions',
    {
      schema: {
        tags,
        operationId: 'addPlanSession',
        problems: ['plan_already_accepted', 'plan_week_unavailable'],
        summary: 'Add a run of an activity by hand, locked where it is placed',
        params: PlanVersionParams,
        body: PlanAddRequest,
        response: { 201: PlanSession },
      },
      config: { permission: 'plans.manage' },
    },
    async (request, reply) => {
      const session = await inTransaction(app, request, (ctx) =>
        edits.addPlanSession(ctx, request.params.year, request.params.version, request.body),
      );
      return reply.code(201).send(session);
    },
  );
  app.delete(
    '/plans/:year/versions/:version/sessions/:sessionId',
    {
      schema: {
        tags,
        operationId: 'removePlanSession',
        problems: ['plan_already_accepted', 'plan_week_unavailable'],
        summary: 'Take a proposed session out of a version',
        params: PlanSessionParams,
        response: { 200: Plan },
      },
      config: { permission: 'plans.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        edits.removePlanSession(
          ctx,
          request.params.year,
          request.params.version,
          request.params.sessionId,
        ),
      ),
  );
};
