import type { Tx } from '../../../db/client.js';

/**
 * Hands a recorded change to whatever tells people, in the change's own transaction so that a
 * rollback takes it back. Until the job queue is in place the notices are written right here,
 * in that transaction; with it, this enqueues the `session.changed` job instead.
 */
export async function dispatchSessionChange(tx: Tx, changeId: string): Promise<void> {
  const { notifySessionChange } = await import('./notify.js');
  await notifySessionChange(tx, changeId);
}

/**
 * Makes sure the announcement digest of `day` (UTC) goes out once the day is over. Until the
 * job queue is in place nothing schedules it; `sendAnnouncementDigest` is run by hand.
 */
export async function scheduleAnnouncementDigest(_tx: Tx, _day: string): Promise<void> {}
