import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompletionRuleInput,
  ConfirmResultsInput,
  MyAttendance,
  NationReportItem,
  ReopenResultsInput,
  ReportCommentsInput,
  SessionReport,
  SessionReportQuery,
  SessionResults,
} from '../../../contract/results.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import { myAttendance } from './my-attendance.js';
import { listNationReports } from './nation-report.js';
import { getNationReport, getReport, setReportComments } from './report.js';
import { reportPdf } from './report-pdf.js';
import * as results from './service.js';

const tags = ['results'];
const SessionParams = z.strictObject({ code: SessionCode });

/** Results per participant, closing and reopening, and the post-course report. */
export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions/:code/results',
    {
      schema: {
        tags,
        operationId: 'getResults',
        summary: "A session's participants with attendance, proposed and confirmed results",
        params: SessionParams,
        response: { 200: SessionResults },
      },
      config: { permission: 'results.manage' },
    },
    (request) => results.getResults(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/results/rule',
    {
      schema: {
        tags,
        operationId: 'setCompletionRule',
        problems: ['results_closed', 'results_not_applicable'],
        summary: 'Set the share of days a participant must attend to complete (50-100%)',
        params: SessionParams,
        body: CompletionRuleInput,
        response: { 200: SessionResults },
      },
      config: { permission: 'results.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        results.setCompletionRule(ctx, request.params.code, request.body),
      ),
  );
  app.put(
    '/sessions/:code/results',
    {
      schema: {
        tags,
        operationId: 'confirmResults',
        problems: ['session_not_delivered', 'results_closed', 'results_not_applicable'],
        summary: "Confirm participants' statuses and level-2 scores",
        params: SessionParams,
        body: ConfirmResultsInput,
        response: { 200: SessionResults },
      },
      config: { permission: 'results.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        results.confirmResults(ctx, request.params.code, request.body),
      ),
  );
  app.post(
    '/sessions/:code/results/close',
    {
      schema: {
        tags,
        operationId: 'closeResults',
        problems: ['results_unconfirmed', 'results_closed', 'results_not_applicable'],
        summary: 'Close (freeze) the results; every participant must be confirmed',
        params: SessionParams,
        response: { 200: SessionResults },
      },
      config: { permission: 'results.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) => results.closeResults(ctx, request.params.code)),
  );
  app.post(
    '/sessions/:code/results/reopen',
    {
      schema: {
        tags,
        operationId: 'reopenResults',
        problems: ['results_not_closed'],
        summary: 'Reopen closed results, with a reason (audited)',
        params: SessionParams,
        body: ReopenResultsInput,
        response: { 200: SessionResults },
      },
      config: { permission: 'results.reopen' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        results.reopenResults(ctx, request.params.code, request.body),
      ),
  );
  app.get(
    '/sessions/:code/report',
    {
      schema: {
        tags,
        operationId: 'getSessionReport',
        summary: 'The post-course report',
        params: SessionParams,
        response: { 200: SessionReport },
      },
      config: { permission: 'delivery.read' },
    },
    (request) => getReport(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/report/comments',
    {
      schema: {
        tags,
        operationId: 'saveReportComments',
        summary: "The course director's comments on the report",
        params: SessionParams,
        body: ReportCommentsInput,
        response: { 200: SessionReport },
      },
      config: { permission: 'results.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        setReportComments(ctx, request.params.code, request.body),
      ),
  );
  app.get(
    '/sessions/:code/report.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadSessionReportPdf',
        summary: 'The post-course report as an A4 PDF, in the reader’s language',
        params: SessionParams,
        querystring: SessionReportQuery,
      },
      config: { permission: 'delivery.read' },
    },
    async (request, reply) => {
      const ctx = readContext(app, request);
      const locale = request.query.locale ?? ctx.actor.locale;
      const pdf = await reportPdf(ctx, request.params.code, locale);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="report-${request.params.code}-${locale}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.get(
    '/sessions/:code/nation-report',
    {
      schema: {
        tags,
        operationId: 'getNationReport',
        summary:
          "The post-course report to a participating nation: its officers and the session's figures",
        params: SessionParams,
        response: { 200: SessionReport },
      },
      config: { permission: 'nation-reports.read' },
    },
    (request) => getNationReport(readContext(app, request), request.params.code),
  );
  app.get(
    '/sessions/:code/nation-report.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadNationReportPdf',
        summary: 'The post-course report to a participating nation as an A4 PDF',
        params: SessionParams,
        querystring: SessionReportQuery,
      },
      config: { permission: 'nation-reports.read' },
    },
    async (request, reply) => {
      const ctx = readContext(app, request);
      const locale = request.query.locale ?? ctx.actor.locale;
      const pdf = await reportPdf(ctx, request.params.code, locale, 'nation');
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="report-${request.params.code}-${locale}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.get(
    '/me/nation-reports',
    {
      schema: {
        tags,
        operationId: 'listNationReports',
        summary: "Post-course reports of the sessions your nation's officers took part in",
        response: { 200: z.object({ items: z.array(NationReportItem) }) },
      },
      config: { permission: 'nation-reports.read' },
    },
    async (request) => ({ items: await listNationReports(readContext(app, request)) }),
  );
  app.get(
    '/me/attendance',
    {
      schema: {
        tags,
        operationId: 'getMyAttendance',
        summary: 'Your own attendance on the sessions you attend or attended',
        response: { 200: MyAttendance },
      },
      config: { permission: 'authenticated' },
    },
    (request) => myAttendance(readContext(app, request)),
  );
};
