import { z } from 'zod';
import { IsoDateTime } from './common.js';

export const JobId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A job of the queue that used up its attempts and waits for an administrator. */
export const FailedJob = z.object({
  id: z.number().int(),
  /** The task, e.g. `mail.send` or `sessions.notify-change`. */
  task: z.string(),
  /** What the job works on: ids only (see server/jobs/task-names.ts). */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  failedAt: IsoDateTime,
});
export type FailedJob = z.infer<typeof FailedJob>;

export const FailedJobList = z.object({
  items: z.array(FailedJob),
  /** All failed jobs, when more than the list shows. */
  total: z.number().int(),
});
export type FailedJobList = z.infer<typeof FailedJobList>;

export const JobParams = z.strictObject({ id: JobId });
