import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  LocalizedLongText,
  Prerequisites,
  Releasability,
} from '../../../contract/catalogue.js';
import type { LocalizedText } from '../../../contract/common.js';
import { institutions } from './partners.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const disciplines = pgTable('disciplines', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    type: text('type').notNull(),
    /**
     * What the type behaves as (src/domain/activity-kinds.ts `KIND_OF_TYPE`): course, event,
     * visit or exercise. Computed by the database so that no row can disagree with its type.
     */
    kind: text('kind')
      .notNull()
      .generatedAlwaysAs(
        sql`case type when 'course' then 'course' when 'exercise' then 'exercise' when 'dialogue-event' then 'event' when 'conference' then 'event' when 'seminar' then 'event' when 'expert-visit' then 'visit' when 'staff-talks' then 'visit' else 'course' end`,
      ),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedLongText>(),
    disciplineCode: text('discipline_code')
      .notNull()
      .references(() => disciplines.code),
    providerCode: text('provider_code')
      .notNull()
      .references(() => institutions.code),
    delivery: text('delivery').notNull(),
    durationDays: integer('duration_days').notNull(),
    audience: text('audience'),
    language: text('language').notNull().default('en'),
    prerequisites: jsonb('prerequisites').$type<Prerequisites>().notNull(),
    classification: text('classification').notNull(),
    releasability: jsonb('releasability').$type<Releasability>().notNull(),
    /** Denormalised from `releasability` so visibility is an indexable array overlap. */
    releasableToAll: boolean('releasable_to_all').notNull().default(false),
    releasableFrameworks: text('releasable_frameworks').array().notNull().default(sql`'{}'`),
    releasableNations: text('releasable_nations').array().notNull().default(sql`'{}'`),
    /**
     * Listed in the year's public catalogue (page and PDF, no sign-in). Apart from
     * releasability, which is about partners: an activity releasable to all may still be private.
     */
    publicCatalogue: boolean('public_catalogue').notNull().default(false),
    evaluationLevels: integer('evaluation_levels').array().notNull(),
    defaultCapacity: integer('default_capacity').notNull(),
    feeAmount: numeric('fee_amount', { precision: 12, scale: 2 }),
    feeCurrency: text('fee_currency'),
    status: text('status').notNull().default('draft'),
    /** English, French and Arabic stemming over code, titles and descriptions. */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', code), 'A')
        || setweight(to_tsvector('english', coalesce(title->>'en', '')), 'A')
        || setweight(to_tsvector('french', coalesce(title->>'fr', '')), 'A')
        || setweight(to_tsvector('arabic', coalesce(title->>'ar', '')), 'A')
        || setweight(to_tsvector('english', coalesce(description->>'en', '')), 'B')
        || setweight(to_tsvector('french', coalesce(description->>'fr', '')), 'B')
        || setweight(to_tsvector('arabic', coalesce(description->>'ar', '')), 'B')`,
    ),
    /** Search keys of the code and titles (src/domain/search-text.ts), matched by word prefix. */
    searchKeys: tsvector('search_keys').generatedAlwaysAs(
      sql`to_tsvector('simple', rabita_search_document(code || ' ' || coalesce(title->>'en', '') || ' ' || coalesce(title->>'fr', '') || ' ' || coalesce(title->>'ar', '')))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_search_idx').using('gin', t.search),
    index('activities_search_keys_idx').using('gin', t.searchKeys),
    index('activities_discipline_idx').on(t.disciplineCode),
    // Code-prefix search (LIKE 'ABC%') whatever the database's collation.
    index('activities_code_prefix_idx').on(t.code.op('text_pattern_ops')),
    index('activities_title_en_idx').on(sql`(${t.title}->>'en')`, t.id),
    index('activities_rel_frameworks_idx').using('gin', t.releasableFrameworks),
    index('activities_rel_nations_idx').using('gin', t.releasableNations),
  ],
);
