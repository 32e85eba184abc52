import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import { Logistics, LogisticsInput, LogisticsSheet } from '../../../contract/logistics.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as logistics from './service.js';

const tags = ['logistics'];
const NominationParams = z.strictObject({ id: Uuid });
const SessionParams = z.strictObject({ code: SessionCode });

function sendDownload(reply: FastifyReply, file: logistics.Download) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** Logistics of selected participants: the form, the sheet and its exports. */
export const logisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/nominations/:id/logistics',
    {
      schema: {
        tags,
        operationId: 'getLogistics',
        problems: ['not_selected'],
        summary: "A selected nomination's logistics (its NPOC, centre staff, or the participant)",
        params: NominationParams,
        response: { 200: Logistics },
      },
      config: { permission: 'logistics.manage' },
    },
    (request) => logistics.getLogistics(readContext(app, request), request.params.id),
  );
  app.put(
    '/nominations/:id/logistics',
    {
      schema: {
        tags,
        operationId: 'saveLogistics',
        problems: ['not_selected'],
        summary: "Save a selected nomination's logistics; fields left out keep their value",
        params: NominationParams,
        body: LogisticsInput,
        response: { 200: Logistics },
      },
      config: { permission: 'logistics.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        logistics.saveLogistics(ctx, request.params.id, request.body),
      ),
  );
  app.get(
    '/sessions/:code/logistics',
    {
      schema: {
        tags,
        operationId: 'getLogisticsSheet',
        summary: "A session's logistics sheet: every selected participant you may see",
        params: SessionParams,
        response: { 200: LogisticsSheet },
      },
      config: { permission: 'logistics.read' },
    },
    (request) => logistics.getLogisticsSheet(readContext(app, request), request.params.code),
  );
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/sessions/:code/logistics.${format}`,
      {
        schema: {
          tags,
          operationId: format === 'csv' ? 'downloadLogisticsCsv' : 'downloadLogisticsXlsx',
          summary: `The logistics sheet as ${format.toUpperCase()}, headers in your language`,
          params: SessionParams,
        },
        config: { permission: 'logistics.read' },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await logistics.exportLogisticsSheet(
            readContext(app, request),
            request.params.code,
            format,
          ),
        ),
    );
  }
};
