import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { trainingSessions, venues } from './sessions.js';

/** The rooms of a venue, with how many they seat and what is in them. */
export const venueRooms = pgTable(
  'venue_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueCode: text('venue_code')
      .notNull()
      .references(() => venues.code),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('venue_rooms_name_idx').on(t.venueCode, sql`lower(${t.name})`),
    check('venue_rooms_capacity_check', sql`${t.capacity} >= 1`),
  ],
);

/** The room a session is held in: one per session; its dates are the session's. */
export const sessionRoomBookings = pgTable(
  'session_room_bookings',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => venueRooms.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_room_bookings_room_idx').on(t.roomId)],
);

/** Simultaneous interpretation on a session: one row per pair of languages, both ways. */
export const sessionInterpretation = pgTable(
  'session_interpretation',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    /** The pair in alphabetical order (`ar`, `en`), so en<>ar and ar<>en are one row. */
    languageA: text('language_a').notNull(),
    languageB: text('language_b').notNull(),
    interpreters: integer('interpreters').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.languageA, t.languageB] }),
    check('session_interpretation_pair_check', sql`${t.languageA} < ${t.languageB}`),
    check(
      'session_interpretation_count_check',
      sql`${t.interpreters} >= 1 and ${t.interpreters} <= 20`,
    ),
  ],
);
