import { and, asc, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { expect } from 'vitest';
import type { TestApp } from '../../../../../test/support/app.js';
import { makeUser } from '../../../../../test/support/factories.js';
import type { Locale } from '../../../../contract/common.js';
import type { Database } from '../../../db/client.js';
import {
  type MessageAttachment,
  notifications,
  outboxMessages,
  participants,
  users,
} from '../../../db/schema/index.js';
import { runDueJobs } from '../../../jobs/run-due.js';

/**
 * Runs the jobs due now, as a worker would: the session changes' notices, the decisions'
 * joining instructions. E-mails stay in the outbox (no mail server); digests wait for their day.
 */
export async function runSessionChangeJobs(t: TestApp): Promise<void> {
  await runDueJobs({ db: t.db.db, url: t.db.url });
}

/** The jobs queued for a task, with their payloads and when they are due. */
export async function queuedJobs(t: TestApp, task: string) {
  const { rows } = await t.db.pool.query<{
    payload: Record<string, string>;
    run_at: Date;
    key: string | null;
  }>(
    `select j.payload, j.run_at, j.key from graphile_worker._private_jobs j
       join graphile_worker._private_tasks k on k.id = j.task_id
      where k.identifier = $1 order by j.id`,
    [task],
  );
  return rows;
}

/** The e-mails of one event, oldest first. */
export async function outboxOf(db: Database, event: string) {
  return db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.event, event))
    .orderBy(asc(outboxMessages.id));
}

/** A user's notices of one kind. */
export async function noticesOf(db: Database, userId: string, kind: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.id));
}

/** An attachment read back by a real iCalendar parser: its METHOD and its one event. */
export function parseInvitation(attachment: MessageAttachment | undefined): {
  method: string;
  event: VEvent;
} {
  if (!attachment) throw new Error('no calendar attachment');
  expect(attachment.contentType).toMatch(/^text\/calendar; charset=utf-8; method=/);
  const parsed = ical.sync.parseICS(attachment.content);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  const calendar = parsed.vcalendar as { method?: string } | undefined;
  return { method: String(calendar?.method), event: events[0] as VEvent };
}

/** A user of a nation speaking `locale`. */
export async function userSpeaking(
  db: Database,
  roles: Parameters<typeof makeUser>[1],
  locale: Locale,
  nationCode: string | null = null,
) {
  const user = await makeUser(db, roles, nationCode);
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
  return user;
}

/** Gives a participant their own account, in their language. */
export async function giveAccount(
  db: Database,
  participantId: string,
  nationCode: string,
  locale: Locale,
) {
  const user = await userSpeaking(db, ['participant'], locale, nationCode);
  await db.update(participants).set({ userId: user.id }).where(eq(participants.id, participantId));
  return user;
}
