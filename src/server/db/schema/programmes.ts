import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../contract/common.js';
import { activities } from './catalogue.js';
import { nations } from './partners.js';
import { users } from './people.js';

/**
 * A partner nation's multi-year cooperation programme: objectives -> partnership goals ->
 * planned activities. Agreed by both sides; revised at the annual review, each revision kept.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nationCode: text('nation_code')
      .notNull()
      .references(() => nations.code),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** draft -> proposed -> agreed -> active -> closed. */
    status: text('status').notNull().default('draft'),
    /** Grows with each revision after agreement. */
    version: integer('version').notNull().default(1),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    agreedBy: uuid('agreed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programmes_nation_idx').on(t.nationCode, t.startYear),
    check('programmes_years_check', sql`${t.endYear} >= ${t.startYear}`),
  ],
);

export const programmeObjectives = pgTable(
  'programme_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
  },
  (t) => [index('programme_objectives_programme_idx').on(t.programmeId, t.position)],
);

export const programmeGoals = pgTable(
  'programme_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => programmeObjectives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
  },
  (t) => [index('programme_goals_objective_idx').on(t.objectiveId, t.position)],
);

/** Seats planned on a catalogue activity (or something not in it, as free text) in given years. */
export const plannedActivities = pgTable(
  'planned_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => programmeGoals.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').references(() => activities.id),
    freeText: text('free_text'),
    years: integer('years').array().notNull(),
    seatsPlanned: integer('seats_planned').notNull(),
    /** 1 highest. */
    priority: integer('priority').notNull().default(2),
  },
  (t) => [
    index('planned_activities_goal_idx').on(t.goalId),
    index('planned_activities_activity_idx').on(t.activityId),
    check(
      'planned_activities_what_check',
      sql`(${t.activityId} is not null) or (${t.freeText} is not null)`,
    ),
    check('planned_activities_seats_check', sql`${t.seatsPlanned} >= 0`),
  ],
);

/** What changed at a revision (e.g. the annual review) and why; the outline as it was before. */
export const programmeRevisions = pgTable(
  'programme_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    reason: text('reason').notNull(),
    changes: jsonb('changes').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    revisedBy: uuid('revised_by').references(() => users.id),
    revisedAt: timestamp('revised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_revisions_programme_idx').on(t.programmeId, t.version)],
);
