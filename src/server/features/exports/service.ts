import type { AuditEntry } from '../../../contract/audit.js';
import type { ActivitySummary } from '../../../contract/catalogue.js';
import type { Locale } from '../../../contract/common.js';
import type { AttendanceStatus } from '../../../contract/delivery.js';
import type {
  ActivityExportQuery,
  AuditExportQuery,
  ExportFormat,
  NominationExportQuery,
  OutboxExportQuery,
  ParticipantExportQuery,
  ProgrammeExportQuery,
  SessionExportQuery,
  SurveyAnswersExportQuery,
  UserExportQuery,
} from '../../../contract/exports.js';
import type { OutboxSummary } from '../../../contract/messages.js';
import type { NominationSummary } from '../../../contract/nominations.js';
import type { Participant } from '../../../contract/participants.js';
import type { SessionSummary } from '../../../contract/sessions.js';
import type { SurveyResults } from '../../../contract/surveys.js';
import type { User } from '../../../contract/users.js';
import {
  EXPORT_PAGE_SIZE,
  type KeysetPage,
  keysetPages,
  type ListExport,
  onePage,
  type RowPages,
} from '../../http/export-stream.js';
import type { Column } from '../../http/spreadsheet.js';
import { getRoster } from '../attendance/service.js';
import { recordExport } from '../audit/record.js';
import { listAuditEntries } from '../audit/service.js';
import { listActivities } from '../catalogue/service.js';
import type { ServiceContext } from '../context.js';
import { listOutbox } from '../messages/outbox-admin.js';
import { listNominations } from '../nominations/service.js';
import { listParticipants } from '../participants/service.js';
import { listProgrammes } from '../programmes/service.js';
import { getResults } from '../results/service.js';
import { listSessions } from '../sessions/service.js';
import { getSurveyResults } from '../surveys/results.js';
import { listUsers } from '../users/service.js';
import {
  type AnswerLine,
  activityColumns,
  attendanceColumns,
  auditColumns,
  nominationColumns,
  outboxColumns,
  participantColumns,
  programmeColumns,
  type RosterLine,
  resultColumns,
  sessionColumns,
  surveyAnswerColumns,
  userColumns,
} from './columns.js';
import { EXPORT_WORDS, type ExportList } from './words.js';

interface Made<R> {
  list: ExportList;
  /** The file's name without its extension; ASCII. */
  filename: string;
  format: ExportFormat;
  columns: (locale: Locale) => Column<R>[];
  rows: RowPages<R>;
  /** Personal data: the download gets a `data.exported` record in the audit trail. */
  personal: boolean;
  /** What chose the rows, for the audit record. */
  filters: Record<string, unknown>;
}

/**
 * The export of a list, its rows still to be read. The audit record of a download of personal
 * data is written here, after the first page was read (a refused filter records nothing) and
 * before the first byte leaves, since a streamed file has no "once it is made".
 */
async function made<R>(ctx: ServiceContext, file: Made<R>): Promise<ListExport<R>> {
  const locale = ctx.actor.locale;
  if (file.personal) {
    await recordExport(ctx, {
      export: `list.${file.list}`,
      format: file.format,
      entityType: 'list',
      entityId: file.list,
      filters: file.filters,
    });
  }
  return {
    filename: file.filename,
    sheetName: EXPORT_WORDS[locale].sheets[file.list],
    columns: file.columns(locale),
    rows: file.rows,
    rightToLeft: locale === 'ar',
  };
}

/** A keyset-paged list's export: its rows read page by page through its own service function. */
function keysetExport<Q extends { format: ExportFormat }, R>(spec: {
  list: ExportList;
  filename: string;
  columns: (locale: Locale) => Column<R>[];
  read: (
    ctx: ServiceContext,
    query: Omit<Q, 'format'> & { cursor?: string; limit: number },
  ) => Promise<KeysetPage<R>>;
  personal: boolean;
}) {
  return async (ctx: ServiceContext, query: Q): Promise<ListExport<R>> => {
    const { format, ...filters } = query;
    const rows = await keysetPages((cursor) =>
      spec.read(ctx, { ...filters, cursor, limit: EXPORT_PAGE_SIZE }),
    );
    return made(ctx, { ...spec, format, rows, filters });
  };
}

export const exportParticipants = keysetExport<ParticipantExportQuery, Participant>({
  list: 'participants',
  filename: 'people',
  columns: participantColumns,
  read: listParticipants,
  personal: true,
});

export const exportNominations = keysetExport<NominationExportQuery, NominationSummary>({
  list: 'nominations',
  filename: 'nominations',
  columns: nominationColumns,
  read: listNominations,
  personal: true,
});

export const exportSessions = keysetExport<SessionExportQuery, SessionSummary>({
  list: 'sessions',
  filename: 'sessions',
  columns: sessionColumns,
  read: listSessions,
  personal: false,
});

export const exportActivities = keysetExport<ActivityExportQuery, ActivitySummary>({
  list: 'activities',
  filename: 'catalogue',
  columns: activityColumns,
  read: listActivities,
  personal: false,
});

export const exportUsers = keysetExport<UserExportQuery, User>({
  list: 'users',
  filename: 'users',
  columns: userColumns,
  read: listUsers,
  personal: true,
});

export const exportAuditTrail = keysetExport<AuditExportQuery, AuditEntry>({
  list: 'audit',
  filename: 'audit-trail',
  columns: auditColumns,
  read: listAuditEntries,
  personal: true,
});

export const exportOutbox = keysetExport<OutboxExportQuery, OutboxSummary>({
  list: 'outbox',
  filename: 'outbox',
  columns: outboxColumns,
  read: listOutbox,
  personal: true,
});

export async function exportProgrammes(ctx: ServiceContext, query: ProgrammeExportQuery) {
  const { format, ...filters } = query;
  const { items } = await listProgrammes(ctx, filters);
  return made(ctx, {
    list: 'programmes',
    filename: 'programmes',
    format,
    columns: programmeColumns,
    rows: onePage(items),
    personal: false,
    filters,
  });
}

/** Session codes are letters, digits and dashes; a file name keeps only those. */
function safeName(code: string): string {
  return code.replace(/[^A-Za-z0-9-]/g, '_');
}

export async function exportAttendance(ctx: ServiceContext, code: string, format: ExportFormat) {
  const roster = await getRoster(ctx, code);
  const lines: RosterLine[] = roster.participants.map((person) => ({
    person,
    marks: new Map<string, AttendanceStatus>(),
  }));
  const byNomination = new Map(lines.map((line) => [line.person.nominationId, line]));
  for (const mark of roster.marks)
    byNomination.get(mark.nominationId)?.marks.set(mark.day, mark.status);
  return made(ctx, {
    list: 'attendance',
    filename: `attendance-${safeName(roster.sessionCode)}`,
    format,
    columns: (locale) => attendanceColumns(locale, roster.workingDays),
    rows: onePage(lines),
    personal: true,
    filters: { sessionCode: roster.sessionCode },
  });
}

export async function exportResults(ctx: ServiceContext, code: string, format: ExportFormat) {
  const results = await getResults(ctx, code);
  return made(ctx, {
    list: 'results',
    filename: `results-${safeName(results.sessionCode)}`,
    format,
    columns: resultColumns,
    rows: onePage(results.participants),
    personal: true,
    filters: { sessionCode: results.sessionCode },
  });
}

/** A survey's results as lines: each score with its count, each choice, each free-text answer. */
export function answerLines(results: SurveyResults, locale: Locale): AnswerLine[] {
  return results.questions.flatMap((question) => {
    const base = {
      question: question.text[locale] ?? question.text.en,
      kind: question.kind,
      answered: question.answered,
      mean: question.mean,
    };
    const lines: AnswerLine[] = [
      ...(question.distribution ?? []).map((count, i) => ({
        ...base,
        answer: String(i + 1),
        count,
      })),
      ...(question.options ?? []).map((option) => ({
        ...base,
        answer: option.text[locale] ?? option.text.en,
        count: option.count,
      })),
      ...(question.texts ?? []).map((text) => ({ ...base, answer: text, count: null })),
    ];
    return lines.length > 0 ? lines : [{ ...base, answer: null, count: null }];
  });
}

export async function exportSurveyAnswers(
  ctx: ServiceContext,
  code: string,
  level: number,
  query: SurveyAnswersExportQuery,
) {
  const { format, ...filters } = query;
  const results = await getSurveyResults(ctx, code, level, filters);
  return made(ctx, {
    list: 'surveyAnswers',
    filename: `survey-${safeName(results.sessionCode)}-level-${level}-${filters.respondent}`,
    format,
    columns: surveyAnswerColumns,
    rows: onePage(answerLines(results, ctx.actor.locale)),
    personal: true,
    filters: { sessionCode: results.sessionCode, level, ...filters },
  });
}
