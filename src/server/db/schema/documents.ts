import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../contract/common.js';
import type { DocumentAudience, DocumentKind } from '../../../contract/documents.js';
import { activities } from './catalogue.js';
import { users } from './people.js';
import { trainingSessions } from './sessions.js';

/**
 * A document uploaded for an activity (every run of it) or for one session: what it is, who may
 * read it, and where its bytes are kept (`storage_key` in the document store; the bytes never
 * live in the database). The file is written before the row and removed after it, so a row
 * always has its file.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').references(() => activities.id),
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    audience: text('audience').$type<DocumentAudience>().notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_activity_idx').on(t.activityId),
    index('documents_session_idx').on(t.sessionId),
    check('documents_one_owner', sql`(${t.activityId} IS NULL) <> (${t.sessionId} IS NULL)`),
    check(
      'documents_audience',
      sql`${t.audience} IN ('staff', 'participants', 'nations', 'public')`,
    ),
    check('documents_size', sql`${t.size} >= 0`),
  ],
);
