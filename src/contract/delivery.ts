import { z } from 'zod';

/** A participant's mark for one working day. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** A participant's final status on a session (DOMAIN.md, workflow 6). */
export const RESULT_STATUSES = [
  'completed',
  'partially-attended',
  'failed',
  'no-show',
  'withdrawn',
] as const;
export const ResultStatus = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof ResultStatus>;
