import type { AttendanceMark, AttendanceParticipant } from '../../../contract/attendance.js';
import type { AttendanceStatus } from '../../../contract/delivery.js';
import type { NamedMark } from './queries.js';

export function presentMark(row: NamedMark): AttendanceMark {
  return {
    nominationId: row.nominationId,
    day: row.day,
    status: row.status as AttendanceStatus,
    source: row.source as AttendanceMark['source'],
    markedByName: row.markedByName,
    markedAt: row.markedAt.toISOString(),
    version: row.version,
  };
}

export function presentParticipant(row: AttendanceParticipant): AttendanceParticipant {
  return {
    nominationId: row.nominationId,
    nationCode: row.nationCode,
    familyNameLatin: row.familyNameLatin,
    givenNamesLatin: row.givenNamesLatin,
    familyNameArabic: row.familyNameArabic,
    givenNamesArabic: row.givenNamesArabic,
    rankCode: row.rankCode,
    rankTitle: row.rankTitle,
  };
}

/** What an audit record keeps of a mark: no names, the ids say who. */
export function auditMark(mark: AttendanceMark) {
  return {
    nominationId: mark.nominationId,
    day: mark.day,
    status: mark.status,
    source: mark.source,
    version: mark.version,
  };
}
