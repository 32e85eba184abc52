import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { describeError, MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { sealSecretLinks } from './links.js';
import type { Mailer } from './mailer.js';
import { selectOutboxMessage } from './queries.js';

/** The job key of a message's delivery: one waiting delivery per message, whoever enqueues it. */
export const deliveryJobKey = (outboxId: number) => `mail:${outboxId}`;

export type DeliveryOutcome =
  | { outcome: 'sent' | 'skipped' }
  | { outcome: 'retry' | 'failed'; attempts: number; error: string };

/**
 * Sends one outbox message by SMTP. No transaction is open while the mail server is talked to:
 * the row is read, the message sent, then the outcome written. A message already sent (a retry
 * after a crash that came after the commit) is skipped. A crash between the server's "250 OK"
 * and the commit sends it again, with the same Message-ID so that mail clients show it once.
 * A failure is written on the message and its delivery re-enqueued for later (1 min, 2, 4 ...
 * capped at 1 h), so an hour without SMTP loses nothing and sends each message once it returns.
 * A sent message's one-time links are masked in the row, their secrets' hashes kept beside it.
 */
export async function deliverOutboxMessage(
  db: Database,
  mailer: Mailer,
  outboxId: number,
  random: () => number = Math.random,
): Promise<DeliveryOutcome> {
  const row = await selectOutboxMessage(db, outboxId);
  if (row?.status !== 'pending') return { outcome: 'skipped' };
  try {
    await mailer.send(row);
  } catch (error) {
    const attempts = row.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    const lastError = describeError(error);
    const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts, random()));
    await db.transaction(async (tx) => {
      await tx
        .update(outboxMessages)
        .set({
          attempts,
          lastError,
          status: failed ? 'failed' : 'pending',
          nextAttemptAt,
        })
        .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'pending')));
      if (!failed)
        await enqueueJob(
          tx,
          'mail.send',
          { outboxId },
          { jobKey: deliveryJobKey(outboxId), runAt: nextAttemptAt },
        );
    });
    return { outcome: failed ? 'failed' : 'retry', attempts, error: lastError };
  }
  // Once sent, the copy kept here holds no working one-time link: only its recipient has it.
  const { subject, body, sealed } = sealSecretLinks(row);
  await db
    .update(outboxMessages)
    .set({
      status: 'sent',
      sentAt: new Date(),
      attempts: row.attempts + 1,
      lastError: null,
      ...(sealed.length > 0 ? { subject, body, sealedLinks: [...row.sealedLinks, ...sealed] } : {}),
    })
    .where(eq(outboxMessages.id, outboxId));
  return { outcome: 'sent' };
}
