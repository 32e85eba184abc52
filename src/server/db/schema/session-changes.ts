import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  NominationAtChange,
  SessionChangeKind,
  SessionFieldChange,
} from '../../../domain/session-changes.js';
import { users } from './people.js';
import { trainingSessions } from './sessions.js';

/** The people a change concerned when it was made; the job that tells them reads this. */
export interface ChangeAudience {
  nominations: NominationAtChange[];
  /** Director and instructors before and after; `staysOn` false for one taken off the session. */
  staff: { userId: string; role: 'director' | 'instructor'; staysOn: boolean }[];
}

/**
 * A change to a published session that its people must hear of: new dates, venue, joining
 * instructions or director, a cancellation, an announcement. Written in the change's transaction
 * with the audience as it was; a job tells everyone and sets `notified_at`, so a retry after a
 * crash finds the work done. Announcements also go out in a daily digest (`digested_at`).
 */
export const sessionChanges = pgTable(
  'session_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    kind: text('kind').$type<SessionChangeKind>().notNull(),
    changes: jsonb('changes').$type<SessionFieldChange[]>().notNull(),
    reason: text('reason'),
    /** The session's calendar sequence once the change was made: what its invitations carry. */
    calendarSequence: integer('calendar_sequence').notNull(),
    audience: jsonb('audience').$type<ChangeAudience>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    index('session_changes_session_idx').on(t.sessionId, t.createdAt),
    index('session_changes_undigested_idx')
      .on(t.createdAt)
      .where(sql`${t.kind} = 'announced' and ${t.digestedAt} is null`),
  ],
);
