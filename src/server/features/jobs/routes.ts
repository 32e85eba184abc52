import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FailedJob, FailedJobList, JobParams } from '../../../contract/jobs.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as jobs from './service.js';

const tags = ['jobs'];
const config = { permission: 'jobs.manage' } as const;

/** The administrator's view of the job queue: what failed for good, and a retry. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jobs/failed',
    {
      schema: {
        tags,
        operationId: 'listFailedJobs',
        summary: 'Jobs that used all their attempts (e-mail, notices, recurring work)',
        response: { 200: FailedJobList },
      },
      config,
    },
    (request) => jobs.listFailedJobs(readContext(app, request)),
  );
  app.post(
    '/jobs/:id/retry',
    {
      schema: {
        tags,
        operationId: 'retryJob',
        summary: 'Run a failed job again now, with its attempts restored',
        params: JobParams,
        response: { 200: FailedJob },
      },
      config,
    },
    (request) => inTransaction(app, request, (ctx) => jobs.retryFailedJob(ctx, request.params.id)),
  );
};
