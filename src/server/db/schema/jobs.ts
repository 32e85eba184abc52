import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The job queue's worker pools that are alive, each heard from every few seconds. A pool not
 * heard from for a while has died (a killed process, a lost machine): the jobs it had locked
 * go back to the queue instead of waiting hours for the queue's own lock timeout.
 */
export const jobWorkers = pgTable('job_workers', {
  /** graphile-worker's pool id, as written in a locked job's `locked_by`. */
  poolId: text('pool_id').primaryKey(),
  hostname: text('hostname').notNull(),
  pid: text('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Effects of jobs already written (see jobs/effects.ts); old keys are forgotten after a month. */
export const jobEffects = pgTable('job_effects', {
  key: text('key').primaryKey(),
  doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
});
