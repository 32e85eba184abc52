import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Locale } from '../../../contract/common.js';
import type { MessageEvent, OutboxStatus } from '../../../contract/messages.js';
import type { DbOrTx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { messageTemplates, outboxMessages, users } from '../../db/schema/index.js';

export type TemplateRow = typeof messageTemplates.$inferSelect & { updatedByName: string | null };
export type OutboxRow = typeof outboxMessages.$inferSelect;

const templateColumns = {
  event: messageTemplates.event,
  locale: messageTemplates.locale,
  subject: messageTemplates.subject,
  body: messageTemplates.body,
  updatedBy: messageTemplates.updatedBy,
  updatedAt: messageTemplates.updatedAt,
  updatedByName: users.displayName,
};

export async function selectTemplates(db: DbOrTx): Promise<TemplateRow[]> {
  return db
    .select(templateColumns)
    .from(messageTemplates)
    .leftJoin(users, eq(users.id, messageTemplates.updatedBy));
}

const templateOf = preparedStatement((db) =>
  db
    .select(templateColumns)
    .from(messageTemplates)
    .leftJoin(users, eq(users.id, messageTemplates.updatedBy))
    .where(
      and(
        eq(messageTemplates.event, sql.placeholder('event')),
        eq(messageTemplates.locale, sql.placeholder('locale')),
      ),
    )
    .prepare('rabita_message_template'),
);

export async function selectTemplate(
  db: DbOrTx,
  event: MessageEvent,
  locale: Locale,
): Promise<TemplateRow | undefined> {
  const [row] = await templateOf(db, { event, locale });
  return row;
}

export async function upsertTemplate(
  db: DbOrTx,
  values: {
    event: MessageEvent;
    locale: Locale;
    subject: string;
    body: string;
    updatedBy: string | null;
  },
): Promise<void> {
  const now = new Date();
  await db
    .insert(messageTemplates)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: [messageTemplates.event, messageTemplates.locale],
      set: {
        subject: values.subject,
        body: values.body,
        updatedBy: values.updatedBy,
        updatedAt: now,
      },
    });
}

export async function deleteTemplate(db: DbOrTx, event: MessageEvent, locale: Locale) {
  const rows = await db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.event, event), eq(messageTemplates.locale, locale)))
    .returning();
  return rows[0];
}

const OUTBOX_FIELDS = [
  'event',
  'locale',
  'toAddress',
  'userId',
  'subject',
  'body',
  'attachments',
] as const;

export type NewOutboxMessage = Pick<
  typeof outboxMessages.$inferInsert,
  (typeof OUTBOX_FIELDS)[number]
>;

/** The INSERT of `count` messages at once, built and prepared once per count. */
const outboxInserts = new Map<number, ReturnType<typeof outboxInsertOf>>();

function outboxInsertOf(count: number) {
  const name = `rabita_outbox_insert_${count}`;
  return preparedStatement((db) =>
    db
      .insert(outboxMessages)
      .values(
        Array.from({ length: count }, (_, i) =>
          Object.fromEntries(OUTBOX_FIELDS.map((f) => [f, sql.placeholder(`${f}${i}`)])),
        ) as unknown as (typeof outboxMessages.$inferInsert)[],
      )
      .prepare(name),
  );
}

/** New pending e-mails, in one statement; the columns they leave out take their defaults. */
export async function insertOutboxMessages(db: DbOrTx, rows: NewOutboxMessage[]) {
  if (rows.length === 0) return;
  let insert = outboxInserts.get(rows.length);
  if (!insert) {
    insert = outboxInsertOf(rows.length);
    outboxInserts.set(rows.length, insert);
  }
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const f of OUTBOX_FIELDS) values[`${f}${i}`] = row[f];
    values[`userId${i}`] = row.userId ?? null;
    values[`attachments${i}`] = row.attachments ?? [];
  });
  await insert(db, values);
}

/** A new pending e-mail; the columns it leaves out take their defaults. */
export async function insertOutboxMessage(db: DbOrTx, values: NewOutboxMessage) {
  await insertOutboxMessages(db, [values]);
}

/** A copy of a message, pending at once (its insert enqueues the delivery); the row written. */
export async function insertOutboxCopy(db: DbOrTx, values: NewOutboxMessage): Promise<OutboxRow> {
  const [row] = await db.insert(outboxMessages).values(values).returning();
  if (!row) throw new Error('outbox insert returned no row');
  return row;
}

/** Newest first; `afterId` is the last id of the previous page. */
export async function selectOutbox(
  db: DbOrTx,
  filter: { status?: OutboxStatus; afterId: number | null; limit: number },
) {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        filter.status ? eq(outboxMessages.status, filter.status) : undefined,
        filter.afterId !== null ? lt(outboxMessages.id, filter.afterId) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.id))
    .limit(filter.limit + 1);
}

/** Messages kept as failed after their last attempt: nobody receives them unless resent. */
export async function countFailedOutboxMessages(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.status, 'failed'));
  return row?.n ?? 0;
}

export async function selectOutboxMessage(db: DbOrTx, id: number, lock = false) {
  const query = db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Due messages, locked so that another server's worker skips them instead of sending twice. */
export async function claimDueMessages(db: DbOrTx, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), sql`${outboxMessages.nextAttemptAt} <= now()`))
    .orderBy(outboxMessages.nextAttemptAt, outboxMessages.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function updateOutboxMessage(
  db: DbOrTx,
  id: number,
  values: Partial<typeof outboxMessages.$inferInsert>,
) {
  const [row] = await db
    .update(outboxMessages)
    .set(values)
    .where(eq(outboxMessages.id, id))
    .returning();
  return row;
}
