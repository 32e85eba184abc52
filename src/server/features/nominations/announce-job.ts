import type { Database, Tx } from '../../db/client.js';
import { claimEffect } from '../../jobs/effects.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { systemContext } from '../context.js';
import { emitNominationDecided } from '../webhooks/events.js';
import { type Announced, announceDecision } from './notices.js';
import * as q from './queries.js';

/** The status a decision leaves; if the nomination has moved on, its news is out of date. */
const LEAVES: Partial<Record<Announced, string>> = {
  select: 'selected',
  promote: 'selected',
  waitlist: 'waitlisted',
  reject: 'rejected',
  uninvite: 'withdrawn',
};

/**
 * Queues the news of a decision in the decision's transaction: the seat transaction holds only
 * the seat, the nomination, its event, the audit record and this one statement. Notices,
 * e-mails, calendar invitations and accounts are written by the job. A decision is also the
 * `nomination.decided` webhook event, queued here when an endpoint asked for it.
 */
export async function announceLater(
  tx: Tx,
  nominationId: string,
  action: Announced,
): Promise<void> {
  await enqueueJob(tx, 'nominations.announce', { nominationId, action });
  await emitNominationDecided(tx, nominationId, action);
}

/**
 * The job: writes the decision's notices and e-mails in one transaction that also claims the
 * job, so they are written once. A decision overtaken by another (selected, then withdrawn
 * before the job ran) is not announced: the later decision has news of its own.
 */
export async function runAnnouncement(
  db: Database,
  jobId: string,
  payload: { nominationId: string; action: Announced },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await claimEffect(tx, `job:${jobId}`))) return;
    const row = await q.selectNomination(tx, null, payload.nominationId);
    if (!row) return;
    const expected = LEAVES[payload.action];
    if (expected && row.nomination.status !== expected) return;
    await announceDecision(
      systemContext(tx, `job:${jobId}`),
      payload.nominationId,
      payload.action,
      {
        row,
      },
    );
  });
}
