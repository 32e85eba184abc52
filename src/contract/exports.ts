import { z } from 'zod';
import { AuditQuery } from './audit.js';
import { ActivityListQuery } from './catalogue.js';
import { OutboxListQuery } from './messages.js';
import { NominationListQuery } from './nominations.js';
import { ParticipantListQuery } from './participants.js';
import { ProgrammeListQuery } from './programmes.js';
import { SessionListQuery } from './sessions.js';
import { SurveyResultsQuery } from './surveys.js';
import { UserListQuery } from './users.js';

/** The two files every list downloads as: CSV (UTF-8 with BOM) and XLSX. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

const Format = z.strictObject({ format: ExportFormat });

/**
 * A list's export takes the list's own filters (its query without the page: an export holds
 * every row the filters choose) and the format, so the file and the screen cannot disagree.
 */
function exportQueryOf<S extends z.ZodObject>(listQuery: S) {
  return listQuery.omit({ cursor: true, limit: true } as never).extend(Format.shape);
}

export const ParticipantExportQuery = exportQueryOf(ParticipantListQuery);
export type ParticipantExportQuery = z.infer<typeof ParticipantExportQuery>;
export const NominationExportQuery = exportQueryOf(NominationListQuery);
export type NominationExportQuery = z.infer<typeof NominationExportQuery>;
export const SessionExportQuery = exportQueryOf(SessionListQuery);
export type SessionExportQuery = z.infer<typeof SessionExportQuery>;
export const ActivityExportQuery = exportQueryOf(ActivityListQuery);
export type ActivityExportQuery = z.infer<typeof ActivityExportQuery>;
export const UserExportQuery = exportQueryOf(UserListQuery);
export type UserExportQuery = z.infer<typeof UserExportQuery>;
export const AuditExportQuery = exportQueryOf(AuditQuery);
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
export const OutboxExportQuery = exportQueryOf(OutboxListQuery);
export type OutboxExportQuery = z.infer<typeof OutboxExportQuery>;
/** Programmes are one short list, unpaged: its filters as they are, and the format. */
export const ProgrammeExportQuery = ProgrammeListQuery.extend(Format.shape);
export type ProgrammeExportQuery = z.infer<typeof ProgrammeExportQuery>;
/** A session's roster and results: the whole of one session, no filters. */
export const SessionViewExportQuery = Format;
export type SessionViewExportQuery = z.infer<typeof SessionViewExportQuery>;
export const SurveyAnswersExportQuery = SurveyResultsQuery.extend(Format.shape);
export type SurveyAnswersExportQuery = z.infer<typeof SurveyAnswersExportQuery>;
