/**
 * Every job Rabita runs and what it carries. Payloads hold ids, never personal data: the job
 * reads the current rows when it runs, so a retry works on what is true then.
 */
export interface TaskPayloads {
  /** Send one outbox message by SMTP. */
  'mail.send': { outboxId: number };
  /** Tell the people concerned of a decision on a nomination (bell, e-mail, joining kit). */
  'nominations.announce': {
    nominationId: string;
    action:
      | 'submit'
      | 'decline'
      | 'select'
      | 'waitlist'
      | 'reject'
      | 'withdraw'
      | 'invite'
      | 'uninvite'
      | 'promote'
      | 'override';
  };
  /** Tell everyone a recorded change to a session concerns (bell, e-mail, calendar update). */
  'session.changed': { changeId: string };
  /** E-mail each NPOC one digest of the sessions announced to their nation on a (UTC) day. */
  'session.announcement-digest': { day: string };
  /** Give unused quota back to the pool on its release day (cron). */
  'nominations.release-quotas': Record<string, never>;
  /** Forget stored idempotent answers older than a day (cron). */
  'nominations.forget-idempotency-keys': Record<string, never>;
  /** Send level-1 and level-3 survey invitations and reminders that are due (cron). */
  'surveys.send-due': Record<string, never>;
  /** Delete sign-ins that have expired (cron). */
  'auth.forget-expired-sessions': Record<string, never>;
  /** Forget the effect keys of jobs finished a month ago (cron). */
  'jobs.forget-effects': Record<string, never>;
  /** Refresh the report roll-ups when their source tables changed (cron). */
  'reports.refresh-rollups': Record<string, never>;
  /** Check the audit chain's new records and sign its head (cron). */
  'audit.checkpoint': Record<string, never>;
  /** The dry run of an uploaded import: every row checked, duplicates found. */
  'imports.check': { importId: string };
  /** Write a checked import in one transaction. */
  'imports.commit': { importId: string };
  /** Tell each participating nation's NPOCs that a session's results are closed (once per closing). */
  'results.report-to-nations': { sessionId: string; closedAt: string };
  /** Check the whole audit chain and keep the result (cron, or asked for on the audit page). */
  'audit.verify': { requestedBy?: string | null };
  /** Send one webhook delivery to its endpoint; a failure re-enqueues it with backoff. */
  'webhooks.deliver': { deliveryId: string };
}

export type TaskName = keyof TaskPayloads;
