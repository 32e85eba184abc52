import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../contract/common.js';
import { lecturers } from './lecturers.js';
import { venueRooms } from './rooms.js';
import { trainingSessions } from './sessions.js';

/**
 * One item of a session's agenda: a talk, a panel, a break. Times are instants; the venue's
 * time zone turns them into the clock people read there. The room, when named, is one of the
 * session's venue.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    roomId: uuid('room_id').references(() => venueRooms.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agenda_items_session_idx').on(t.sessionId, t.startsAt),
    index('agenda_items_room_idx').on(t.roomId, t.startsAt),
    check('agenda_items_times_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The speakers of an agenda item, from the lecturer registry. */
export const agendaItemSpeakers = pgTable(
  'agenda_item_speakers',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    lecturerId: uuid('lecturer_id')
      .notNull()
      .references(() => lecturers.id),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.lecturerId] }),
    index('agenda_item_speakers_lecturer_idx').on(t.lecturerId),
  ],
);
