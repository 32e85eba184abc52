import { boolean, date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../contract/common.js';

export const frameworks = pgTable('frameworks', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  launchedOn: date('launched_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const nations = pgTable('nations', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  frameworkCode: text('framework_code')
    .notNull()
    .references(() => frameworks.code),
  status: text('status').notNull(),
  joinedOn: date('joined_on'),
  host: boolean('host').notNull().default(false),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const nationContacts = pgTable('nation_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  nationCode: text('nation_code')
    .notNull()
    .references(() => nations.code),
  name: text('name').notNull(),
  position: text('position'),
  email: text('email'),
  phone: text('phone'),
  primary: boolean('is_primary').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const institutions = pgTable('institutions', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  city: text('city'),
  countryCode: text('country_code').notNull(),
  host: boolean('host').notNull().default(false),
  openedOn: date('opened_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
