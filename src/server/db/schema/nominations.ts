import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { nations } from './partners.js';
import { users } from './people.js';
import { plannedActivities } from './programmes.js';
import { trainingSessions } from './sessions.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A STANAG 6001 profile held in one language, e.g. `{ language: 'en', profile: '3222' }`. */
export interface HeldLanguageProfile {
  language: string;
  profile: string;
}

/**
 * A person a nation may nominate. Names are kept in Latin script (as in the passport) and in
 * Arabic script; search finds either.
 */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nationCode: text('nation_code')
      .notNull()
      .references(() => nations.code),
    familyNameLatin: text('family_name_latin').notNull(),
    givenNamesLatin: text('given_names_latin').notNull(),
    familyNameArabic: text('family_name_arabic'),
    givenNamesArabic: text('given_names_arabic'),
    service: text('service'),
    rankCode: text('rank_code').notNull(),
    /** The national title people read (Major, رائد); rules compare `rankCode`. */
    rankTitle: text('rank_title'),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    languageProfiles: jsonb('language_profiles').$type<HeldLanguageProfile[]>().notNull(),
    clearanceLevel: text('clearance_level').notNull().default('NONE'),
    clearanceExpiresOn: date('clearance_expires_on'),
    dateOfBirth: date('date_of_birth'),
    /** The participant's own account, once they have set a password. */
    userId: uuid('user_id').references(() => users.id),
    /**
     * Search keys (src/domain/search-text.ts): names in both scripts and the e-mail, folded by
     * the IMMUTABLE `rabita_search_document`, matched by word prefix.
     */
    searchKeys: tsvector('search_keys').generatedAlwaysAs(
      sql`to_tsvector('simple', rabita_search_document(coalesce(family_name_latin, '') || ' ' || coalesce(given_names_latin, '') || ' ' || coalesce(given_names_arabic, '') || ' ' || coalesce(family_name_arabic, '') || ' ' || coalesce(email, '')))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participants_nation_name_idx').on(t.nationCode, t.familyNameLatin, t.id),
    index('participants_search_keys_idx').using('gin', t.searchKeys),
    // The list's order (family name in the ICU root collation, then id), for the whole
    // alliance and per nation: a search for a common name walks it and stops after a page
    // instead of sorting every match.
    index('participants_family_icu_idx').on(sql`${t.familyNameLatin} collate "und-x-icu"`, t.id),
    index('participants_nation_family_icu_idx').on(
      t.nationCode,
      sql`${t.familyNameLatin} collate "und-x-icu"`,
      t.id,
    ),
    index('participants_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('participants_user_key').on(t.userId),
  ],
);

/**
 * A nation's proposal of one participant for one session. `nationCode` is copied from the
 * participant so that scoping and quota counts need no join.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    nationCode: text('nation_code')
      .notNull()
      .references(() => nations.code),
    status: text('status').notNull(),
    motivation: text('motivation'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    /** The nation's order of preference among its nominations for the session: 1 first. */
    priority: integer('priority'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** Where a selected nomination's seat came from, so that freeing it returns it there. */
    seatSource: text('seat_source'),
    /** The last eligibility evaluation, line by line. */
    eligibility: jsonb('eligibility').notNull(),
    overrideJustification: text('override_justification'),
    overriddenBy: uuid('overridden_by').references(() => users.id),
    /** The nomination this one replaced on its seat. */
    substituteFor: uuid('substitute_for'),
    /** Final status after delivery (completed, failed, ...). */
    result: text('result'),
    /**
     * The role a selected participant holds on an event, a visit or an exercise (delegate,
     * head of delegation, speaker...; src/domain/activity-kinds.ts `EVENT_ROLES`); null on a course.
     */
    eventRole: text('event_role'),
    /**
     * When the centre invited the person by name (an activity whose seats are given by
     * invitation); null for a nation's nomination. The nation's answer moves the status.
     */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    /** The planned activity of the nation's programme that this nomination serves. */
    plannedActivityId: uuid('planned_activity_id').references(() => plannedActivities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live nomination per person and session; withdrawn, declined, rejected, replaced or
    // cancelled ones stay as history.
    uniqueIndex('nominations_live_key')
      .on(t.sessionId, t.participantId)
      .where(
        sql`status not in ('withdrawn', 'declined', 'rejected', 'substituted', 'session-cancelled')`,
      ),
    index('nominations_session_status_idx').on(t.sessionId, t.status),
    index('nominations_nation_idx').on(t.nationCode, t.status),
    index('nominations_participant_idx').on(t.participantId),
    // The portal lists a nation's invitations awaiting its answer.
    index('nominations_invited_idx')
      .on(t.nationCode, t.invitedAt)
      .where(sql`${t.invitedAt} is not null`),
    // Programme delivery joins completed nominations to the planned activities they serve.
    index('nominations_planned_activity_idx')
      .on(t.plannedActivityId)
      .where(sql`${t.plannedActivityId} is not null`),
    check(
      'nominations_event_role_check',
      sql`${t.eventRole} is null or ${t.eventRole} in ('participant', 'delegate', 'head-of-delegation', 'speaker', 'panellist', 'moderator', 'observer', 'vip')`,
    ),
    check(
      'nominations_seat_source_check',
      sql`(${t.status} = 'selected') = (${t.seatSource} is not null)`,
    ),
  ],
);

/** The timeline of a nomination: every transition, who made it and why. */
export const nominationEvents = pgTable(
  'nomination_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    /**
     * The nation a move was made for by someone who is not that nation's own point of contact
     * or nominator (centre staff nominating for it): the timeline says so. Null otherwise.
     */
    onBehalfOf: text('on_behalf_of').references(() => nations.code),
  },
  (t) => [index('nomination_events_nomination_idx').on(t.nominationId, t.id)],
);

/** Logistics collected after selection, never before. */
export const nominationLogistics = pgTable('nomination_logistics', {
  nominationId: uuid('nomination_id')
    .primaryKey()
    .references(() => nominations.id),
  arrivalAt: timestamp('arrival_at', { withTimezone: true }),
  arrivalFlight: text('arrival_flight'),
  departureAt: timestamp('departure_at', { withTimezone: true }),
  departureFlight: text('departure_flight'),
  lodging: text('lodging'),
  visaLetterRequested: text('visa_letter_requested'),
  passportNumber: text('passport_number'),
  dietaryNeeds: text('dietary_needs'),
  notes: text('notes'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The first answer to a create request sent with an `Idempotency-Key`, so a retry returns it
 * instead of creating a second record.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index('idempotency_created_idx').on(t.createdAt),
  ],
);
