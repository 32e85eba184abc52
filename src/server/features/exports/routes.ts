import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExportFormat } from '../../../contract/exports.js';
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
import type { Permission } from '../../../contract/roles.js';
import { SessionCode } from '../../../contract/sessions.js';
import { SessionSurveyParams } from '../../../contract/surveys.js';
import { readContext } from '../../http/context.js';
import { type ListExport, sendExport } from '../../http/export-stream.js';
import type { ServiceContext } from '../context.js';
import * as exports from './service.js';

const tags = ['exports'];
const SessionParams = z.strictObject({ code: SessionCode });
const FILE = 'The file (CSV or XLSX), streamed';

/**
 * Every list as CSV or XLSX: the list's own filters and permission, headers in the reader's
 * language, rows read a page at a time and streamed (`http/export-stream.ts`).
 */
interface ListRoute<Q extends { format: ExportFormat }> {
  path: string;
  operationId: string;
  summary: string;
  querystring: z.ZodType<Q>;
  permission: Permission;
  // biome-ignore lint/suspicious/noExplicitAny: each list's rows have their own type
  run: (ctx: ServiceContext, query: Q) => Promise<ListExport<any>>;
}

/** A list's export route: the list's filters, its permission, one service call, streamed. */
function listRoute<Q extends { format: ExportFormat }>(app: FastifyInstance, route: ListRoute<Q>) {
  app.get(
    route.path,
    {
      schema: {
        tags,
        operationId: route.operationId,
        summary: route.summary,
        description: FILE,
        querystring: route.querystring,
      },
      config: { permission: route.permission },
    },
    async (request, reply) => {
      const query = request.query as Q;
      return sendExport(reply, query.format, await route.run(readContext(app, request), query));
    },
  );
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The lists paged by keyset, and programmes; a session's views follow, under its path.
  listRoute(app, {
    path: '/participants/export',
    operationId: 'exportParticipants',
    summary: 'People you may see, with the list filters, as CSV or XLSX',
    querystring: ParticipantExportQuery,
    permission: 'participants.read',
    run: exports.exportParticipants,
  });
  listRoute(app, {
    path: '/nominations/export',
    operationId: 'exportNominations',
    summary: 'Nominations you may see, with the list filters, as CSV or XLSX',
    querystring: NominationExportQuery,
    permission: 'nominations.read',
    run: exports.exportNominations,
  });
  listRoute(app, {
    path: '/sessions/export',
    operationId: 'exportSessions',
    summary: 'Sessions you may see, with the list filters, as CSV or XLSX',
    querystring: SessionExportQuery,
    permission: 'sessions.read',
    run: exports.exportSessions,
  });
  listRoute(app, {
    path: '/activities/export',
    operationId: 'exportActivities',
    summary: 'Catalogue activities you may see, with the list filters, as CSV or XLSX',
    querystring: ActivityExportQuery,
    permission: 'catalogue.read',
    run: exports.exportActivities,
  });
  listRoute(app, {
    path: '/users/export',
    operationId: 'exportUsers',
    summary: 'Users, with the list filters, as CSV or XLSX',
    querystring: UserExportQuery,
    permission: 'users.read',
    run: exports.exportUsers,
  });
  listRoute(app, {
    path: '/audit/export',
    operationId: 'exportAuditRecords',
    summary: 'The audit trail, with the browser filters, as CSV or XLSX',
    querystring: AuditExportQuery,
    permission: 'audit.read',
    run: exports.exportAuditTrail,
  });
  listRoute(app, {
    path: '/outbox/export',
    operationId: 'exportOutboxMessages',
    summary: 'The outbox, with the list filters, as CSV or XLSX',
    querystring: OutboxExportQuery,
    permission: 'messages.manage',
    run: exports.exportOutbox,
  });
  listRoute(app, {
    path: '/programmes/export',
    operationId: 'exportProgrammes',
    summary: 'Programmes you may see, with the list filters, as CSV or XLSX',
    querystring: ProgrammeExportQuery,
    permission: 'programmes.read',
    run: exports.exportProgrammes,
  });
  // A session's roster and results: the whole of one session, as its page shows it.
  const sessionViews: {
    view: string;
    operationId: string;
    summary: string;
    permission: Permission;
    // biome-ignore lint/suspicious/noExplicitAny: each view's rows have their own type
    run: (ctx: ServiceContext, code: string, format: ExportFormat) => Promise<ListExport<any>>;
  }[] = [
    {
      view: 'attendance',
      operationId: 'exportAttendanceRoster',
      summary: "A session's roster, a column per working day, as CSV or XLSX",
      permission: 'attendance.mark',
      run: exports.exportAttendance,
    },
    {
      view: 'results',
      operationId: 'exportResults',
      summary: "A session's results, a row per participant, as CSV or XLSX",
      permission: 'results.manage',
      run: exports.exportResults,
    },
  ];
  for (const { view, operationId, summary, permission, run } of sessionViews) {
    app.get(
      `/sessions/:code/${view}/export`,
      {
        schema: {
          tags,
          operationId,
          summary,
          description: FILE,
          params: SessionParams,
          querystring: SessionViewExportQuery,
        },
        config: { permission },
      },
      async (request, reply) => {
        const { format } = request.query;
        const file = await run(readContext(app, request), request.params.code, format);
        return sendExport(reply, format, file);
      },
    );
  }
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
