import { z } from 'zod';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { AttendanceStatus } from './delivery.js';
import { text } from './text.js';

/** Who wrote a mark: staff on the roster, or the participant scanning the day's code. */
export const ATTENDANCE_SOURCES = ['roster', 'check-in'] as const;
export const AttendanceSource = z.enum(ATTENDANCE_SOURCES);
export type AttendanceSource = z.infer<typeof AttendanceSource>;

/** One participant's mark for one working day, with the version a later mark must build on. */
export const AttendanceMark = z.object({
  nominationId: Uuid,
  day: IsoDate,
  status: AttendanceStatus,
  source: AttendanceSource,
  markedByName: z.string().nullable(),
  markedAt: IsoDateTime,
  version: z.number().int().positive(),
});
export type AttendanceMark = z.infer<typeof AttendanceMark>;

/** A selected participant as the roster shows them: both scripts, nation and rank. */
export const AttendanceParticipant = z.object({
  nominationId: Uuid,
  nationCode: z.string(),
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
  rankCode: z.string(),
  rankTitle: z.string().nullable(),
});
export type AttendanceParticipant = z.infer<typeof AttendanceParticipant>;

/** A session's daily roster: its working days, its participants and every mark so far. */
export const AttendanceRoster = z.object({
  sessionCode: z.string(),
  activityTitle: LocalizedText,
  sessionStatus: z.string(),
  timeZone: z.string(),
  /** The working days of the session in the venue's calendar, in order. */
  workingDays: z.array(IsoDate),
  /** The venue's date now: days after it cannot be marked yet. */
  today: IsoDate,
  resultsClosed: z.boolean(),
  participants: z.array(AttendanceParticipant),
  marks: z.array(AttendanceMark),
});
export type AttendanceRoster = z.infer<typeof AttendanceRoster>;

/**
 * One mark to write. `baseVersion` is the version the roster showed (null: no mark was shown);
 * when someone has marked since, the mark is not applied and comes back as a conflict.
 */
export const AttendanceMarkInput = z.strictObject({
  nominationId: Uuid,
  day: IsoDate,
  status: AttendanceStatus,
  baseVersion: z.number().int().positive().nullable(),
});
export type AttendanceMarkInput = z.infer<typeof AttendanceMarkInput>;

export const AttendanceBatch = z.strictObject({
  marks: z.array(AttendanceMarkInput).min(1).max(2000),
});
export type AttendanceBatch = z.infer<typeof AttendanceBatch>;

/** applied: written; unchanged: already so, nothing written; conflict: someone marked since. */
export const ATTENDANCE_MARK_OUTCOMES = ['applied', 'unchanged', 'conflict'] as const;
export const AttendanceMarkOutcome = z.enum(ATTENDANCE_MARK_OUTCOMES);
export type AttendanceMarkOutcome = z.infer<typeof AttendanceMarkOutcome>;

export const AttendanceMarkResult = z.object({
  nominationId: Uuid,
  day: IsoDate,
  status: AttendanceMarkOutcome,
  /** The stored mark after the request: the new one, or on a conflict the one kept. */
  mark: AttendanceMark,
});
export type AttendanceMarkResult = z.infer<typeof AttendanceMarkResult>;

export const AttendanceBatchResult = z.object({
  results: z.array(AttendanceMarkResult),
  applied: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
});
export type AttendanceBatchResult = z.infer<typeof AttendanceBatchResult>;

export const CheckInCodeQuery = z.strictObject({ day: IsoDate });
export type CheckInCodeQuery = z.infer<typeof CheckInCodeQuery>;

/** The day's code for participants to scan, valid until the end of that day at the venue. */
export const CheckInCode = z.object({
  sessionCode: z.string(),
  day: IsoDate,
  code: z.string(),
  url: z.string(),
  expiresAt: IsoDateTime,
  /** The QR code of `url`, as an SVG document. */
  qrSvg: z.string(),
});
export type CheckInCode = z.infer<typeof CheckInCode>;

export const CheckInRequest = z.strictObject({ code: text().trim().min(1).max(200) });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** A check-in's outcome; a second scan changes nothing and says so. */
export const CheckInResult = z.object({
  sessionCode: z.string(),
  activityTitle: LocalizedText,
  day: IsoDate,
  alreadyMarked: z.boolean(),
  mark: AttendanceMark,
});
export type CheckInResult = z.infer<typeof CheckInResult>;
