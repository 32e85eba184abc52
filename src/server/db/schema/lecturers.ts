import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { nations } from './partners.js';
import { users } from './people.js';
import { trainingSessions } from './sessions.js';

/** A period a lecturer cannot teach, days inclusive. */
export interface UnavailablePeriod {
  from: string;
  to: string;
  note: string | null;
}

/**
 * The lecturer and speaker registry: the centre's own staff and outside experts who teach or
 * speak on sessions. A lecturer who also signs in is linked by `user_id` (or, until linked, by the
 * same e-mail) and sees their own assignments. Contact data is the centre's: nations read none.
 */
export const lecturers = pgTable(
  'lecturers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `internal` (centre staff) or `external` (an outside expert). */
    kind: text('kind').$type<'internal' | 'external'>().notNull(),
    nameLatin: text('name_latin').notNull(),
    nameArabic: text('name_arabic'),
    title: text('title'),
    institution: text('institution'),
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the languages they teach in. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id),
    unavailable: jsonb('unavailable').$type<UnavailablePeriod[]>().notNull().default([]),
    notes: text('notes'),
    /** For an invitation letter: the name as the passport prints it, its number, nationality. */
    passportName: text('passport_name'),
    passportNumber: text('passport_number'),
    nationalityCode: text('nationality_code').references(() => nations.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lecturers_name_idx').on(sql`lower(${t.nameLatin})`, t.id),
    uniqueIndex('lecturers_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('lecturers_user_idx').on(t.userId),
  ],
);

export const LECTURER_ROLE_VALUES = [
  'lecturer',
  'speaker',
  'panellist',
  'moderator',
  'interpreter',
] as const;

/**
 * A lecturer on a session, in one role, with their travel and lodging (as logistics holds for a
 * participant, kept to arrival, departure, flights and hotel). Agenda items can point at a row.
 */
export const sessionLecturers = pgTable(
  'session_lecturers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    lecturerId: uuid('lecturer_id')
      .notNull()
      .references(() => lecturers.id),
    role: text('role').$type<(typeof LECTURER_ROLE_VALUES)[number]>().notNull(),
    arrivalAt: timestamp('arrival_at', { withTimezone: true }),
    arrivalFlight: text('arrival_flight'),
    departureAt: timestamp('departure_at', { withTimezone: true }),
    departureFlight: text('departure_flight'),
    hotel: text('hotel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_lecturers_once_idx').on(t.sessionId, t.lecturerId),
    index('session_lecturers_lecturer_idx').on(t.lecturerId),
    check(
      'session_lecturers_role_check',
      sql`${t.role} in ('lecturer', 'speaker', 'panellist', 'moderator', 'interpreter')`,
    ),
    check(
      'session_lecturers_travel_check',
      sql`${t.departureAt} is null or ${t.arrivalAt} is null or ${t.departureAt} >= ${t.arrivalAt}`,
    ),
  ],
);
