import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { activities } from './catalogue.js';
import { users } from './people.js';
import { trainingSessions, venues } from './sessions.js';

/**
 * One version of a year's plan: the sessions the solver proposed from the programmes' planned
 * seats, what it could not meet and why. Versions are kept; one may be accepted, which creates
 * its sessions as drafts.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    /** proposed -> accepted; a proposed version may be superseded by an accepted one. */
    status: text('status').notNull().default('proposed'),
    /** The version it was re-planned from (its locked sessions kept). */
    basedOn: uuid('based_on'),
    score: real('score').notNull(),
    bound: real('bound').notNull(),
    /** What the solver did and found: method, status, times, unmet lines, conflicts. */
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [unique('plans_year_version_key').on(t.year, t.version)],
);

/** One session of a plan version, with its quotas and the programme lines it serves. */
export const planSessions = pgTable(
  'plan_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    venueCode: text('venue_code')
      .notNull()
      .references(() => venues.code),
    week: integer('week').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    capacity: integer('capacity').notNull(),
    directorId: uuid('director_id').references(() => users.id),
    instructorIds: uuid('instructor_ids').array().notNull(),
    /** Seats per nation: { "KWT": 6, ... }. */
    quotas: jsonb('quotas').$type<Record<string, number>>().notNull(),
    /** Programme lines served: [{ lineId, programmeId, nationCode, seats }]. */
    serves: jsonb('serves').notNull(),
    /** Kept where it is when the year is planned again. */
    locked: boolean('locked').notNull().default(false),
    /** Already in the calendar when planned (then `session_id` names it). */
    existing: boolean('existing').notNull().default(false),
    /** The calendar's session: the existing one, or the draft the acceptance created. */
    sessionId: uuid('session_id').references(() => trainingSessions.id),
  },
  (t) => [index('plan_sessions_plan_idx').on(t.planId, t.startDate)],
);
