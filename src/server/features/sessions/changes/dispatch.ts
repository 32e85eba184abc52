import { addDays } from '../../../../domain/venue-calendar.js';
import type { Tx } from '../../../db/client.js';
import { enqueueJob } from '../../../jobs/enqueue.js';

/**
 * Hands a recorded change to the job that tells people, in the change's own transaction: a
 * rollback takes the job with the change, a commit never loses it. One job per change.
 */
export async function dispatchSessionChange(tx: Tx, changeId: string): Promise<void> {
  await enqueueJob(tx, 'session.changed', { changeId }, { jobKey: `session.changed:${changeId}` });
}

/**
 * Makes sure the announcement digest of `day` (UTC) goes out once the day is over: one job per
 * day, however many sessions are announced that day (the job key keeps it one).
 */
export async function scheduleAnnouncementDigest(tx: Tx, day: string): Promise<void> {
  await enqueueJob(
    tx,
    'session.announcement-digest',
    { day },
    {
      jobKey: `session.announcement-digest:${day}`,
      runAt: new Date(`${addDays(day, 1)}T00:00:00Z`),
    },
  );
}
