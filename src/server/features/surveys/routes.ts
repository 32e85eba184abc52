import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivitySurvey,
  ActivitySurveyInput,
  ActivitySurveyParams,
  MySurvey,
  ReminderResult,
  SessionSurveyParams,
  SupervisorInput,
  SupervisorLine,
  SupervisorParams,
  SurveyForm,
  SurveyFormQuery,
  SurveyInvitationParams,
  SurveyResults,
  SurveyResultsQuery,
  SurveySessionSummary,
  SurveySubmission,
  SurveySubmitted,
  SurveyTemplate,
  SurveyTemplateInput,
  SurveyTemplateParams,
  SurveyTemplateUpdate,
  SurveyTokenParams,
} from '../../../contract/surveys.js';
import { text } from '../../../contract/text.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as answers from './answers.js';
import * as followUp from './follow-up.js';
import { getSurveyResults, listSurveyedSessions } from './results.js';
import * as templates from './templates.js';

const tags = ['surveys'];
const ActivityParams = z.strictObject({ code: text().trim().min(1).max(40) });
const SessionParams = z.strictObject({ code: text().trim().min(1).max(40) });

/** Evaluation surveys: templates, invitations, answers and results. */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- templates (surveys.manage) ----
  app.get(
    '/surveys/templates',
    {
      schema: {
        tags,
        operationId: 'listSurveyTemplates',
        summary: 'Survey templates',
        response: { 200: z.array(SurveyTemplate) },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) => templates.listTemplates(readContext(app, request)),
  );
  app.post(
    '/surveys/templates',
    {
      schema: {
        tags,
        operationId: 'createSurveyTemplate',
        problems: ['survey_template_exists'],
        summary: 'Write a survey template',
        body: SurveyTemplateInput,
        response: { 201: SurveyTemplate },
      },
      config: { permission: 'surveys.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => templates.createTemplate(ctx, request.body)),
        ),
  );
  app.get(
    '/surveys/templates/:code',
    {
      schema: {
        tags,
        operationId: 'getSurveyTemplate',
        summary: 'One survey template',
        params: SurveyTemplateParams,
        response: { 200: SurveyTemplate },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) => templates.getTemplate(readContext(app, request), request.params.code),
  );
  app.put(
    '/surveys/templates/:code',
    {
      schema: {
        tags,
        operationId: 'replaceSurveyTemplate',
        problems: ['template_in_use'],
        summary: 'Replace a survey template (its questions are frozen once answered)',
        params: SurveyTemplateParams,
        body: SurveyTemplateUpdate,
        response: { 200: SurveyTemplate },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        templates.updateTemplate(ctx, request.params.code, request.body),
      ),
  );
  app.delete(
    '/surveys/templates/:code',
    {
      schema: {
        tags,
        operationId: 'deleteSurveyTemplate',
        problems: ['template_in_use'],
        summary: 'Delete an unused survey template',
        params: SurveyTemplateParams,
      },
      config: { permission: 'surveys.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        templates.deleteTemplate(ctx, request.params.code),
      );
      return reply.status(204).send();
    },
  );

  // ---- activities ----
  app.get(
    '/activities/:code/surveys',
    {
      schema: {
        tags,
        operationId: 'listActivitySurveys',
        summary: "An activity's surveys per level",
        params: ActivityParams,
        response: { 200: z.array(ActivitySurvey) },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) => templates.listActivitySurveys(readContext(app, request), request.params.code),
  );
  app.put(
    '/activities/:code/surveys/:level',
    {
      schema: {
        tags,
        operationId: 'attachActivitySurvey',
        summary: 'Use a template for an activity at level 1 or 3',
        params: ActivitySurveyParams,
        body: ActivitySurveyInput,
        response: { 200: ActivitySurvey },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        templates.attachSurvey(ctx, request.params.code, request.params.level, request.body),
      ),
  );
  app.delete(
    '/activities/:code/surveys/:level',
    {
      schema: {
        tags,
        operationId: 'detachActivitySurvey',
        summary: "Stop an activity's survey at a level",
        params: ActivitySurveyParams,
      },
      config: { permission: 'surveys.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        templates.detachSurvey(ctx, request.params.code, request.params.level),
      );
      return reply.status(204).send();
    },
  );

  // ---- a session's surveys ----
  app.get(
    '/surveys/sessions',
    {
      schema: {
        tags,
        operationId: 'listSurveyedSessions',
        summary: 'Sessions whose surveys went out, with response counts',
        response: { 200: z.array(SurveySessionSummary) },
      },
      config: { permission: 'surveys.results' },
    },
    (request) => listSurveyedSessions(readContext(app, request)),
  );
  app.get(
    '/sessions/:code/surveys/:level/results',
    {
      schema: {
        tags,
        operationId: 'getSurveyResults',
        summary: "A session's survey results at one level",
        params: SessionSurveyParams,
        querystring: SurveyResultsQuery,
        response: { 200: SurveyResults },
      },
      config: { permission: 'surveys.results' },
    },
    (request) =>
      getSurveyResults(
        readContext(app, request),
        request.params.code,
        request.params.level,
        request.query,
      ),
  );
  app.post(
    '/sessions/:code/surveys/:level/remind',
    {
      schema: {
        tags,
        operationId: 'remindSurveyRespondents',
        summary: 'Remind those who have not answered',
        params: SessionSurveyParams,
        response: { 200: ReminderResult },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        followUp.remindSurvey(ctx, request.params.code, request.params.level),
      ),
  );
  app.get(
    '/sessions/:code/surveys/supervisors',
    {
      schema: {
        tags,
        operationId: 'listSupervisors',
        summary: 'Supervisors to ask at level 3',
        params: SessionParams,
        response: { 200: z.array(SupervisorLine) },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) => followUp.listSupervisors(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/surveys/supervisors/:nominationId',
    {
      schema: {
        tags,
        operationId: 'setSupervisor',
        problems: ['no_supervisor_survey', 'supervisor_already_invited'],
        summary: "Name a participant's supervisor for level 3",
        params: SupervisorParams,
        body: SupervisorInput,
        response: { 200: SupervisorLine },
      },
      config: { permission: 'surveys.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        followUp.setSupervisor(ctx, request.params.code, request.params.nominationId, request.body),
      ),
  );

  // ---- answering, signed in ----
  app.get(
    '/me/surveys',
    {
      schema: {
        tags,
        operationId: 'listMySurveys',
        summary: 'My surveys to answer',
        response: { 200: z.array(MySurvey) },
      },
      config: { permission: 'authenticated' },
    },
    (request) => answers.listMySurveys(readContext(app, request)),
  );
  app.get(
    '/surveys/invitations/:id',
    {
      schema: {
        tags,
        operationId: 'getMySurvey',
        summary: 'One of my surveys, in my language',
        params: SurveyInvitationParams,
        querystring: SurveyFormQuery,
        response: { 200: SurveyForm },
      },
      config: { permission: 'authenticated' },
    },
    (request) =>
      answers.getMySurvey(readContext(app, request), request.params.id, request.query.locale),
  );
  app.post(
    '/surveys/invitations/:id/answers',
    {
      schema: {
        tags,
        operationId: 'answerMySurvey',
        problems: ['already_answered', 'survey_closed'],
        summary: 'Answer one of my surveys',
        params: SurveyInvitationParams,
        body: SurveySubmission,
        response: { 201: SurveySubmitted },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            answers.answerMySurvey(ctx, request.params.id, request.body),
          ),
        ),
  );

  // ---- answering by a supervisor's link ----
  const byLink = {
    permission: 'public' as const,
    rateLimit: {
      max: Math.max(app.settings.signInAttemptsPerWindow, 30),
      timeWindow: '15 minutes',
      keyGenerator: (request: { ip: string }) => `survey-link|${request.ip}`,
    },
  };
  app.get(
    '/surveys/public/:token',
    {
      schema: {
        tags,
        operationId: 'getSupervisorSurvey',
        summary: "A supervisor's survey, by the link's secret",
        params: SurveyTokenParams,
        querystring: SurveyFormQuery,
        response: { 200: SurveyForm },
      },
      config: byLink,
    },
    (request) => answers.getSupervisorSurvey(app.db, request.params.token, request.query.locale),
  );
  app.post(
    '/surveys/public/:token/answers',
    {
      schema: {
        tags,
        operationId: 'answerSupervisorSurvey',
        problems: ['already_answered', 'survey_closed'],
        summary: "Answer a supervisor's survey, by the link's secret",
        params: SurveyTokenParams,
        body: SurveySubmission,
        response: { 201: SurveySubmitted },
      },
      config: byLink,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await answers.answerSupervisorSurvey(
            app.db,
            request.params.token,
            request.body,
            String(request.id),
          ),
        ),
  );
};
