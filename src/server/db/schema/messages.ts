import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.js';

/** A file sent with an e-mail, e.g. the calendar invitation of joining instructions. */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** `base64` for a binary file (a PDF); text otherwise. */
  encoding?: 'base64';
}

/** A one-time link taken out of a sent e-mail: its page and the hash of its secret. */
export interface SealedLink {
  page: 'password' | 'survey';
  tokenHash: string;
}

/**
 * The transactional outbox: an e-mail is written in the same transaction as the change that
 * causes it and sent later by the worker, so nothing is lost if the server stops.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    event: text('event').notNull(),
    locale: text('locale').notNull(),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id').references(() => users.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attachments: jsonb('attachments').$type<MessageAttachment[]>().notNull().default(sql`'[]'`),
    /**
     * The one-time links taken out of a sent message (its text keeps `/password/••••••`): which
     * page each was for and the SHA-256 of its secret, so that a resend can renew it. What is
     * kept of a sent e-mail gives nobody a working link.
     */
    sealedLinks: jsonb('sealed_links').$type<SealedLink[]>().notNull().default(sql`'[]'`),
    /** pending -> sent, or failed after the last attempt; `held` when no SMTP server is set. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_created_idx').on(t.createdAt, t.id),
  ],
);

/** The administrator's wording of an e-mail, per event and language; defaults live in code. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    event: text('event').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.event, t.locale] })],
);

/** In-app notifications: what each user sees under the bell. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Values for the message, rendered in the reader's language by the web app. */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
);

/** One-time links to set or reset a password; only the hash of the token is kept. */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_tokens_user_idx').on(t.userId)],
);
