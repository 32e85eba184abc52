import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../contract/common.js';
import { activities } from './catalogue.js';
import { sessionLecturers } from './lecturers.js';
import { nominations } from './nominations.js';
import { users } from './people.js';
import { trainingSessions } from './sessions.js';

/**
 * One participant's attendance on one working day of a session. `version` grows with every
 * change, so a roster that marked from an older version is told instead of overwriting.
 */
export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    day: date('day').notNull(),
    /** present, absent or excused. */
    status: text('status').notNull(),
    /** roster (marked by staff) or check-in (the participant scanned the day's code). */
    source: text('source').notNull(),
    markedBy: uuid('marked_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.day] })],
);

/** What a session's delivery settles: the completion rule, results frozen on closing. */
export const sessionDelivery = pgTable('session_delivery', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => trainingSessions.id),
  /** A participant present on at least this share of the working days has completed. */
  completionPercent: integer('completion_percent').notNull().default(80),
  /** Set when results are closed (frozen); cleared by a reopening with a reason. */
  resultsClosedAt: timestamp('results_closed_at', { withTimezone: true }),
  resultsClosedBy: uuid('results_closed_by').references(() => users.id),
  directorComments: text('director_comments'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A participant's result on a session: proposed from attendance, confirmed by the course
 * director; level-2 test scores where the activity uses level 2. The confirmed status is also
 * copied to `nominations.result`, which training history and prerequisites read.
 */
export const participantResults = pgTable(
  'participant_results',
  {
    nominationId: uuid('nomination_id')
      .primaryKey()
      .references(() => nominations.id),
    proposedStatus: text('proposed_status'),
    status: text('status'),
    preTestScore: numeric('pre_test_score', { precision: 5, scale: 2 }),
    postTestScore: numeric('post_test_score', { precision: 5, scale: 2 }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'participant_results_scores_check',
      sql`(${t.preTestScore} is null or ${t.preTestScore} between 0 and 100) and (${t.postTestScore} is null or ${t.postTestScore} between 0 and 100)`,
    ),
  ],
);

/** A question of a survey template. */
export interface SurveyQuestion {
  id: string;
  kind: 'scale' | 'single' | 'multiple' | 'text';
  text: LocalizedText;
  options?: LocalizedText[];
  required?: boolean;
}

/** A reusable questionnaire, worded in English, French and Arabic. */
export const surveyTemplates = pgTable('survey_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  /** 1: reaction at the end of the session; 3: behaviour, months later. */
  level: integer('level').notNull(),
  questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
  anonymous: boolean('anonymous').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which template an activity uses at each evaluation level, and when level 3 goes out. */
export const activitySurveys = pgTable(
  'activity_surveys',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    level: integer('level').notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    /** Level 3 only: months after the session's end. */
    delayMonths: integer('delay_months'),
    /** Level 3 only: also ask the participant's supervisor. */
    askSupervisor: boolean('ask_supervisor').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.level] })],
);

/**
 * One person asked to answer one survey of one session: the participant (who answers signed
 * in) or their supervisor (who answers through the link's token, only its hash kept).
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    level: integer('level').notNull(),
    respondent: text('respondent').notNull(),
    email: text('email'),
    tokenHash: text('token_hash').unique(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_invitations_once_key').on(t.nominationId, t.level, t.respondent),
    index('survey_invitations_session_idx').on(t.sessionId, t.level),
  ],
);

/**
 * An answer set. For an anonymous survey it carries no invitation: the invitation only records
 * that its holder answered, so nobody can tell whose answers these are.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    level: integer('level').notNull(),
    respondent: text('respondent').notNull(),
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id),
    answers: jsonb('answers').$type<Record<string, number | string | string[]>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_responses_session_idx').on(t.sessionId, t.level),
    // A nation's evaluation report reaches its answers through its nominations' invitations.
    index('survey_responses_invitation_idx')
      .on(t.invitationId)
      .where(sql`${t.invitationId} is not null`),
  ],
);

/** The keys the centre signs with; the newest active one signs, every one still verifies. */
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicKey: text('public_key').notNull(),
  /** PKCS#8 PEM; readable by the application only, like its database password. */
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * A certificate of completion. `payload` is exactly what was signed (canonical JSON of what is
 * printed); `id` is the random public verification id in the QR code.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    // One valid certificate per nomination; revoked ones stay as history.
    uniqueIndex('certificates_live_key').on(t.nominationId).where(sql`revoked_at is null`),
  ],
);

/** A per-day check-in secret of a session, for the QR code shown in the classroom. */
export const checkInDays = pgTable(
  'check_in_days',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    day: date('day').notNull(),
    secret: text('secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.day] })],
);

/**
 * A visa invitation letter for one selected participant. Like a certificate, `payload` is
 * exactly what the letter prints (canonical JSON signed with a certificate signing key) and
 * `id` the random public verification id in its QR code; `nationCode` is copied from the
 * nomination so that an NPOC's reads are scoped without a join. A letter whose data changed is
 * revoked and a new one issued, so one live letter per nomination at most. A lecturer's letter
 * points at their assignment instead and has no nation: no NPOC reads it. Taking the lecturer off
 * the session revokes their letter first; the row stays (its public page says revoked) with the
 * assignment link cleared, so only a revoked letter may point at nobody.
 */
export const visaLetters = pgTable(
  'visa_letters',
  {
    id: text('id').primaryKey(),
    nominationId: uuid('nomination_id').references(() => nominations.id),
    sessionLecturerId: uuid('session_lecturer_id').references(() => sessionLecturers.id, {
      onDelete: 'set null',
    }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    nationCode: text('nation_code'),
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    /** A lecturer's letter: the address it was e-mailed to; null while not sent (no e-mail). */
    emailedTo: text('emailed_to'),
  },
  (t) => [
    uniqueIndex('visa_letters_live_key').on(t.nominationId).where(sql`revoked_at is null`),
    uniqueIndex('visa_letters_live_lecturer_key')
      .on(t.sessionLecturerId)
      .where(sql`revoked_at is null`),
    check(
      'visa_letters_subject_check',
      sql`(${t.nominationId} is null or ${t.sessionLecturerId} is null) and (${t.nominationId} is not null or ${t.sessionLecturerId} is not null or ${t.revokedAt} is not null)`,
    ),
    index('visa_letters_session_idx').on(t.sessionId, t.nationCode),
  ],
);
