import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedLongText } from '../../../contract/catalogue.js';
import type { LocalizedText } from '../../../contract/common.js';
import type { Holiday } from '../../../contract/sessions.js';
import { activities } from './catalogue.js';
import { nations } from './partners.js';
import { users } from './people.js';

export const venues = pgTable('venues', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  kind: text('kind').notNull(),
  city: text('city'),
  countryCode: text('country_code'),
  timeZone: text('time_zone').notNull(),
  workingDays: integer('working_days').array().notNull(),
  holidays: jsonb('holidays').$type<Holiday[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    venueCode: text('venue_code')
      .notNull()
      .references(() => venues.code),
    capacity: integer('capacity').notNull(),
    /** Seats given to selected participants; changed only by one conditional UPDATE. */
    seatsTaken: integer('seats_taken').notNull().default(0),
    /** Seats given from the open pool (capacity less the quotas). */
    poolTaken: integer('pool_taken').notNull().default(0),
    /** The sum of the nation quotas, kept beside capacity so one UPDATE can check the pool. */
    quotaTotal: integer('quota_total').notNull().default(0),
    /** When unused quota went back to the pool; null until the release job has run. */
    quotasReleasedAt: timestamp('quotas_released_at', { withTimezone: true }),
    /** A registrar has stopped the waitlist from being promoted automatically on this session. */
    promotionPaused: boolean('promotion_paused').notNull().default(false),
    /**
     * The SEQUENCE of the session's calendar invitations and feed events: raised in the
     * transaction of every change that matters to those attending, so calendars update in place.
     */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    nominationOpens: date('nomination_opens').notNull(),
    nominationCloses: date('nomination_closes').notNull(),
    /** End of the closing day in the venue's time zone, kept for range queries. */
    nominationDeadline: timestamp('nomination_deadline', { withTimezone: true }).notNull(),
    quotaReleaseOn: date('quota_release_on'),
    status: text('status').notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    directorId: uuid('director_id').references(() => users.id),
    /**
     * A mobile training team's host nation: the session is held in that nation's country and is
     * for its officers (their NPOC nominates). Null for a session at the centre or a school.
     */
    hostNationCode: text('host_nation_code').references(() => nations.code),
    language: text('language').notNull().default('en'),
    notes: text('notes'),
    joiningInstructions: jsonb('joining_instructions').$type<LocalizedLongText>(),
    /** When the agenda was published to the session's nations and participants; null: a draft. */
    agendaPublishedAt: timestamp('agenda_published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also the per-activity count of open sessions in catalogue lists, for the rows of a page.
    index('training_sessions_activity_status_idx').on(t.activityId, t.status),
    index('training_sessions_dates_idx').on(t.startDate, t.id),
    index('training_sessions_status_idx').on(t.status, t.nominationCloses),
    // The last line of defence: whatever the code does, a session is never overbooked.
    check(
      'training_sessions_seats_check',
      sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`,
    ),
    check(
      'training_sessions_pool_check',
      sql`${t.poolTaken} >= 0 and ${t.poolTaken} + ${t.quotaTotal} <= ${t.capacity}`,
    ),
    check(
      'training_sessions_dates_check',
      sql`${t.endDate} >= ${t.startDate} and ${t.nominationCloses} >= ${t.nominationOpens}`,
    ),
  ],
);

export const sessionQuotas = pgTable(
  'session_quotas',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    nationCode: text('nation_code')
      .notNull()
      .references(() => nations.code),
    seats: integer('seats').notNull(),
    /** Seats of this quota given to the nation's selected participants. */
    taken: integer('taken').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.nationCode] }),
    check('session_quotas_seats_check', sql`${t.seats} >= 0`),
    check('session_quotas_taken_check', sql`${t.taken} >= 0 and ${t.taken} <= ${t.seats}`),
  ],
);

export const sessionInstructors = pgTable(
  'session_instructors',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

/**
 * The travel and lodging of a session's director or instructor (a mobile training team
 * travels to its host nation), in the shape a lecturer's assignment keeps.
 */
export const sessionStaffTravel = pgTable(
  'session_staff_travel',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    arrivalAt: timestamp('arrival_at', { withTimezone: true }),
    arrivalFlight: text('arrival_flight'),
    departureAt: timestamp('departure_at', { withTimezone: true }),
    departureFlight: text('departure_flight'),
    hotel: text('hotel'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    check(
      'session_staff_travel_order_check',
      sql`${t.departureAt} is null or ${t.arrivalAt} is null or ${t.departureAt} >= ${t.arrivalAt}`,
    ),
  ],
);

/** One secret calendar-feed token per user; only its hash is kept. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
