import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityExportQuery,
  AuditExportQuery,
  NominationExportQuery,
  OutboxExportQuery,
  ParticipantExportQuery,
  ProgrammeExportQuery,
  SessionExportQuery,
  SessionViewExportQuery,
  SurveyAnswersExportQuery,
  UserExportQuery,
} from '../../../contract/exports.js';
import { SessionCode } from '../../../contract/sessions.js';
import { SessionSurveyParams } from '../../../contract/surveys.js';
import { readContext } from '../../http/context.js';
import { sendExport } from '../../http/export-stream.js';
import * as exports from './service.js';

const tags = ['exports'];
const SessionParams = z.strictObject({ code: SessionCode });
const FILE = 'The file (CSV or XLSX), streamed';

/**
 * Every list as CSV or XLSX: the list's own filters and permission, headers in the reader's
 * language, rows read a page at a time and streamed (`http/export-stream.ts`).
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/participants/export',
    {
      schema: {
        tags,
        operationId: 'exportParticipants',
        summary: 'People you may see, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: ParticipantExportQuery,
      },
      config: { permission: 'participants.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportParticipants(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/nominations/export',
    {
      schema: {
        tags,
        operationId: 'exportNominations',
        summary: 'Nominations you may see, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: NominationExportQuery,
      },
      config: { permission: 'nominations.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportNominations(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/sessions/export',
    {
      schema: {
        tags,
        operationId: 'exportSessions',
        summary: 'Sessions you may see, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: SessionExportQuery,
      },
      config: { permission: 'sessions.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportSessions(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/activities/export',
    {
      schema: {
        tags,
        operationId: 'exportActivities',
        summary: 'Catalogue activities you may see, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: ActivityExportQuery,
      },
      config: { permission: 'catalogue.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportActivities(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/users/export',
    {
      schema: {
        tags,
        operationId: 'exportUsers',
        summary: 'Users, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: UserExportQuery,
      },
      config: { permission: 'users.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportUsers(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/audit/export',
    {
      schema: {
        tags,
        operationId: 'exportAuditRecords',
        summary: 'The audit trail, with the browser filters, as CSV or XLSX',
        description: FILE,
        querystring: AuditExportQuery,
      },
      config: { permission: 'audit.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportAuditTrail(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/outbox/export',
    {
      schema: {
        tags,
        operationId: 'exportOutboxMessages',
        summary: 'The outbox, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: OutboxExportQuery,
      },
      config: { permission: 'messages.manage' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportOutbox(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/programmes/export',
    {
      schema: {
        tags,
        operationId: 'exportProgrammes',
        summary: 'Programmes you may see, with the list filters, as CSV or XLSX',
        description: FILE,
        querystring: ProgrammeExportQuery,
      },
      config: { permission: 'programmes.read' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportProgrammes(readContext(app, request), request.query),
      ),
  );
  app.get(
    '/sessions/:code/attendance/export',
    {
      schema: {
        tags,
        operationId: 'exportAttendanceRoster',
        summary: "A session's roster, a column per working day, as CSV or XLSX",
        description: FILE,
        params: SessionParams,
        querystring: SessionViewExportQuery,
      },
      config: { permission: 'attendance.mark' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportAttendance(
          readContext(app, request),
          request.params.code,
          request.query.format,
        ),
      ),
  );
  app.get(
    '/sessions/:code/results/export',
    {
      schema: {
        tags,
        operationId: 'exportResults',
        summary: "A session's results, a row per participant, as CSV or XLSX",
        description: FILE,
        params: SessionParams,
        querystring: SessionViewExportQuery,
      },
      config: { permission: 'results.manage' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportResults(
          readContext(app, request),
          request.params.code,
          request.query.format,
        ),
      ),
  );
  app.get(
    '/sessions/:code/surveys/:level/results/export',
    {
      schema: {
        tags,
        operationId: 'exportSurveyAnswers',
        summary: "A session's survey answers at one level, a line per answer, as CSV or XLSX",
        description: FILE,
        params: SessionSurveyParams,
        querystring: SurveyAnswersExportQuery,
      },
      config: { permission: 'surveys.results' },
    },
    async (request, reply) =>
      sendExport(
        reply,
        request.query.format,
        await exports.exportSurveyAnswers(
          readContext(app, request),
          request.params.code,
          request.params.level,
          request.query,
        ),
      ),
  );
};
