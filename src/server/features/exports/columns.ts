import type { AttendanceParticipant } from '../../../contract/attendance.js';
import type { AuditEntry } from '../../../contract/audit.js';
import type { ActivitySummary } from '../../../contract/catalogue.js';
import type { Locale, LocalizedText } from '../../../contract/common.js';
import type { AttendanceStatus } from '../../../contract/delivery.js';
import type { OutboxSummary } from '../../../contract/messages.js';
import type { NominationSummary } from '../../../contract/nominations.js';
import type { Participant } from '../../../contract/participants.js';
import type { ProgrammeSummary } from '../../../contract/programmes.js';
import type { ParticipantResult } from '../../../contract/results.js';
import type { SessionSummary } from '../../../contract/sessions.js';
import type { User } from '../../../contract/users.js';
import type { CellValue, Column } from '../../http/spreadsheet.js';
import { EXPORT_WORDS, type ExportWords, type Header } from './words.js';

/** A column by its header's key: the same key reads the same in every list. */
type ColumnOf<R> = [Header, (row: R) => CellValue, number?];

function columnsOf<R>(words: ExportWords, specs: ColumnOf<R>[]): Column<R>[] {
  return specs.map(([header, value, width]) => ({ header: words.headers[header], value, width }));
}

/** Text entered in several languages, in the reader's when there is one. */
function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}

/** An instant as `YYYY-MM-DD HH:mm:ss` in UTC, which every spreadsheet sorts. */
export function utcInstant(value: string | null): string | null {
  return value ? value.replace('T', ' ').slice(0, 19) : null;
}

function yesNo(words: ExportWords, value: boolean): string {
  return value ? words.yes : words.no;
}

/** Whichever columns a list has, an instant's header says it is in UTC. */
function withUtc(words: ExportWords, header: Header): string {
  return `${words.headers[header]} (${words.utc})`;
}

function instantColumn<R>(
  words: ExportWords,
  header: Header,
  value: (row: R) => string | null,
): Column<R> {
  return { header: withUtc(words, header), value: (r) => utcInstant(value(r)), width: 20 };
}

export function participantColumns(locale: Locale): Column<Participant>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<Participant>(w, [
      ['familyNameLatin', (r) => r.familyNameLatin, 22],
      ['givenNamesLatin', (r) => r.givenNamesLatin, 22],
      ['familyNameArabic', (r) => r.familyNameArabic, 22],
      ['givenNamesArabic', (r) => r.givenNamesArabic, 22],
      ['nation', (r) => r.nationCode, 8],
      ['service', (r) => r.service],
      ['rankCode', (r) => r.rankCode, 10],
      ['rankTitle', (r) => r.rankTitle],
      ['position', (r) => r.position, 24],
      ['email', (r) => r.email, 28],
      ['phone', (r) => r.phone],
      [
        'languages',
        (r) => r.languageProfiles.map((p) => `${p.language} ${p.profile}`).join(', ') || null,
        20,
      ],
      ['clearance', (r) => r.clearanceLevel],
      ['clearanceExpires', (r) => r.clearanceExpiresOn, 12],
      ['dateOfBirth', (r) => r.dateOfBirth, 12],
      ['hasAccount', (r) => yesNo(w, r.hasAccount), 10],
    ]),
    instantColumn(w, 'updated', (r) => r.updatedAt),
  ];
}

export function nominationColumns(locale: Locale): Column<NominationSummary>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<NominationSummary>(w, [
      ['session', (r) => r.sessionCode, 18],
      ['activity', (r) => localized(r.activityTitle, locale), 32],
      ['startDate', (r) => r.startDate, 12],
      ['endDate', (r) => r.endDate, 12],
      ['nation', (r) => r.nationCode, 8],
      ['nameLatin', (r) => r.participantName.latin, 28],
      ['nameArabic', (r) => r.participantName.arabic, 28],
      ['rankCode', (r) => r.rankCode, 10],
      ['rankTitle', (r) => r.rankTitle],
      ['status', (r) => r.status, 14],
      ['priority', (r) => r.priority, 8],
      ['seatSource', (r) => r.seatSource, 10],
      ['eligible', (r) => yesNo(w, r.eligibility.eligible), 8],
      ['overridden', (r) => yesNo(w, r.overridden), 8],
    ]),
    instantColumn(w, 'submitted', (r) => r.submittedAt),
    ...columnsOf<NominationSummary>(w, [
      ['waitlistPosition', (r) => r.waitlist?.position ?? null, 10],
      ['decisionReason', (r) => r.decisionReason, 32],
    ]),
  ];
}

export function sessionColumns(locale: Locale): Column<SessionSummary>[] {
  const w = EXPORT_WORDS[locale];
  return columnsOf<SessionSummary>(w, [
    ['code', (r) => r.code, 18],
    ['activityCode', (r) => r.activityCode, 12],
    ['activity', (r) => localized(r.activityTitle, locale), 32],
    ['type', (r) => r.activityType, 12],
    ['discipline', (r) => r.disciplineCode, 10],
    ['delivery', (r) => r.delivery, 12],
    ['startDate', (r) => r.startDate, 12],
    ['endDate', (r) => r.endDate, 12],
    ['venue', (r) => localized(r.venueName, locale), 24],
    ['timeZone', (r) => r.timeZone],
    ['status', (r) => r.status, 12],
    ['nominationOpens', (r) => r.nominationOpens, 12],
    ['nominationCloses', (r) => r.nominationCloses, 12],
    ['capacity', (r) => r.seats.capacity, 8],
    ['seatsTaken', (r) => r.seats.taken, 8],
    ['seatsLeft', (r) => r.seats.left, 8],
    ['myQuota', (r) => r.myQuota, 8],
  ]);
}

export function activityColumns(locale: Locale): Column<ActivitySummary>[] {
  return columnsOf<ActivitySummary>(EXPORT_WORDS[locale], [
    ['code', (r) => r.code, 12],
    ['title', (r) => localized(r.title, locale), 36],
    ['type', (r) => r.type, 12],
    ['discipline', (r) => r.disciplineCode, 10],
    ['provider', (r) => r.providerCode, 12],
    ['delivery', (r) => r.delivery, 12],
    ['durationDays', (r) => r.durationDays, 8],
    ['language', (r) => r.language, 8],
    ['status', (r) => r.status, 10],
    ['openSessions', (r) => r.openSessions, 10],
  ]);
}

export function userColumns(locale: Locale): Column<User>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<User>(w, [
      ['displayName', (r) => r.displayName, 26],
      ['email', (r) => r.email, 30],
      ['roles', (r) => r.roles.join(', '), 24],
      ['nation', (r) => r.nationCode, 8],
      ['locale', (r) => r.locale, 8],
      ['active', (r) => yesNo(w, r.active), 8],
      ['ssoOnly', (r) => yesNo(w, r.ssoOnly), 8],
    ]),
    instantColumn(w, 'created', (r) => r.createdAt),
    instantColumn(w, 'lastSignIn', (r) => r.lastSignInAt),
  ];
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function auditColumns(locale: Locale): Column<AuditEntry>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<AuditEntry>(w, [['id', (r) => r.id, 10]]),
    instantColumn(w, 'at', (r) => r.at),
    ...columnsOf<AuditEntry>(w, [
      ['actor', (r) => r.actorName, 24],
      ['action', (r) => r.action, 22],
      ['entityType', (r) => r.entityType, 14],
      ['entityId', (r) => r.entityId, 38],
      ['before', (r) => json(r.before), 40],
      ['after', (r) => json(r.after), 40],
      ['requestId', (r) => r.requestId, 14],
    ]),
  ];
}

export function outboxColumns(locale: Locale): Column<OutboxSummary>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<OutboxSummary>(w, [
      ['id', (r) => r.id, 8],
      ['event', (r) => r.event, 22],
      ['locale', (r) => r.locale, 6],
      ['to', (r) => r.to, 28],
      ['subject', (r) => r.subject, 40],
      ['status', (r) => r.status, 10],
      ['attempts', (r) => r.attempts, 8],
    ]),
    instantColumn(w, 'nextAttempt', (r) => r.nextAttemptAt),
    ...columnsOf<OutboxSummary>(w, [['lastError', (r) => r.lastError, 30]]),
    instantColumn(w, 'sent', (r) => r.sentAt),
    instantColumn(w, 'created', (r) => r.createdAt),
  ];
}

export function programmeColumns(locale: Locale): Column<ProgrammeSummary>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<ProgrammeSummary>(w, [
      ['nation', (r) => localized(r.nationName, locale), 20],
      ['title', (r) => localized(r.title, locale), 36],
      ['startYear', (r) => r.startYear, 8],
      ['endYear', (r) => r.endYear, 8],
      ['status', (r) => r.status, 12],
      ['version', (r) => r.version, 8],
    ]),
    instantColumn(w, 'agreed', (r) => r.agreedAt),
    instantColumn(w, 'updated', (r) => r.updatedAt),
  ];
}

/** A roster line: the person, then their mark on each working day (the day is the header). */
export interface RosterLine {
  person: AttendanceParticipant;
  marks: Map<string, AttendanceStatus>;
}

export function attendanceColumns(locale: Locale, days: readonly string[]): Column<RosterLine>[] {
  return [
    ...columnsOf<RosterLine>(EXPORT_WORDS[locale], [
      ['familyNameLatin', (r) => r.person.familyNameLatin, 22],
      ['givenNamesLatin', (r) => r.person.givenNamesLatin, 22],
      ['familyNameArabic', (r) => r.person.familyNameArabic, 22],
      ['givenNamesArabic', (r) => r.person.givenNamesArabic, 22],
      ['nation', (r) => r.person.nationCode, 8],
      ['rankCode', (r) => r.person.rankCode, 10],
      ['rankTitle', (r) => r.person.rankTitle],
    ]),
    ...days.map((day) => ({
      header: day,
      value: (r: RosterLine) => r.marks.get(day) ?? null,
      width: 11,
    })),
  ];
}

export function resultColumns(locale: Locale): Column<ParticipantResult>[] {
  const w = EXPORT_WORDS[locale];
  return [
    ...columnsOf<ParticipantResult>(w, [
      ['nameLatin', (r) => r.name.latin, 28],
      ['nameArabic', (r) => r.name.arabic, 28],
      ['nation', (r) => r.nationCode, 8],
      ['rankCode', (r) => r.rankCode, 10],
      ['rankTitle', (r) => r.rankTitle],
      ['nominationStatus', (r) => r.nominationStatus, 14],
      ['days', (r) => r.attendance.days, 8],
      ['present', (r) => r.attendance.present, 8],
      ['absent', (r) => r.attendance.absent, 8],
      ['excused', (r) => r.attendance.excused, 8],
      ['unmarked', (r) => r.attendance.unmarked, 8],
      ['proposed', (r) => r.proposed?.status ?? null, 14],
      ['status', (r) => r.status, 14],
      ['confirmedBy', (r) => r.confirmedByName, 22],
    ]),
    instantColumn(w, 'confirmed', (r) => r.confirmedAt),
    ...columnsOf<ParticipantResult>(w, [
      ['preTest', (r) => r.preTestScore, 10],
      ['postTest', (r) => r.postTestScore, 10],
    ]),
  ];
}

/** One answer line of a survey's results: a score, a choice or a free-text answer. */
export interface AnswerLine {
  question: string;
  kind: string;
  answered: number;
  mean: number | null;
  answer: string | null;
  count: number | null;
}

export function surveyAnswerColumns(locale: Locale): Column<AnswerLine>[] {
  return columnsOf<AnswerLine>(EXPORT_WORDS[locale], [
    ['question', (r) => r.question, 40],
    ['kind', (r) => r.kind, 10],
    ['answered', (r) => r.answered, 10],
    ['mean', (r) => r.mean, 10],
    ['answer', (r) => r.answer, 40],
    ['count', (r) => r.count, 8],
  ]);
}
