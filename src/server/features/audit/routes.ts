import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditQuery } from '../../../contract/audit.js';
import { pageOf } from '../../../contract/common.js';
import { readContext } from '../../http/context.js';
import { listAuditEntries } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditRecords',
        summary: 'Browse the audit trail',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry) },
      },
      config: { permission: 'audit.read' },
    },
    (request) => listAuditEntries(readContext(app, request), request.query),
  );
};
