import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuditChainStatus,
  AuditCheckpointExport,
  AuditCheckRequested,
  AuditEntry,
  AuditQuery,
} from '../../../contract/audit.js';
import { pageOf } from '../../../contract/common.js';
import { inTransaction, readContext } from '../../http/context.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { auditChainStatus, exportCheckpoints } from './chain/checkpoints.js';
import { recordAudit } from './record.js';
import { listAuditEntries } from './service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listAuditRecords',
        summary: 'Browse the audit trail',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry) },
      },
      config: { permission: 'audit.read' },
    },
    (request) => listAuditEntries(readContext(app, request), request.query),
  );
  app.get(
    '/chain',
    {
      schema: {
        tags,
        operationId: 'getAuditChainStatus',
        summary: "The audit chain's head, its last signed checkpoint and the last full check",
        response: { 200: AuditChainStatus },
      },
      config: { permission: 'audit.read' },
    },
    () => auditChainStatus(app.db),
  );
  app.post(
    '/chain/checks',
    {
      schema: {
        tags,
        operationId: 'requestAuditChainCheck',
        summary: 'Check the whole audit chain now, in the background (the result shows on /chain)',
        response: { 202: AuditCheckRequested },
      },
      config: { permission: 'audit.read' },
    },
    async (request, reply) => {
      const requestedAt = new Date();
      await inTransaction(app, request, async (ctx) => {
        // One waiting check at a time: asking twice before it runs asks once.
        await enqueueJob(
          ctx.tx,
          'audit.verify',
          { requestedBy: ctx.actor?.id ?? null },
          { jobKey: 'audit.verify-requested', maxAttempts: 3 },
        );
        await recordAudit(ctx, {
          action: 'audit.check_requested',
          entityType: 'audit_chain',
          entityId: 'chain',
        });
      });
      return reply.status(202).send({ requestedAt: requestedAt.toISOString() });
    },
  );
  app.get(
    '/checkpoints',
    {
      schema: {
        tags,
        operationId: 'exportAuditCheckpoints',
        summary: 'Every signed checkpoint of the audit chain, with its public key, to keep apart',
        response: { 200: AuditCheckpointExport },
      },
      config: { permission: 'audit.read' },
    },
    async (_request, reply) => {
      const checkpoints = await exportCheckpoints(app.db);
      return reply
        .header('content-disposition', 'attachment; filename="rabita-audit-checkpoints.json"')
        .send({ format: 'rabita-audit-checkpoints-1' as const, checkpoints });
    },
  );
};
