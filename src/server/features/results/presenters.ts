import type { AttendanceStatus, ResultStatus } from '../../../contract/delivery.js';
import type { NominationStatus } from '../../../contract/nominations.js';
import type { ParticipantResult, ResultAttendance } from '../../../contract/results.js';
import { proposeResult } from '../../../domain/completion.js';
import type { ParticipantRow } from './queries.js';

/** Each nomination's mark per working day; marks on other days do not count. */
export type MarksByNomination = Map<string, Map<string, AttendanceStatus>>;

export function marksByNomination(
  marks: readonly { nominationId: string; day: string; status: string }[],
  workingDays: readonly string[],
): MarksByNomination {
  const days = new Set(workingDays);
  const out: MarksByNomination = new Map();
  for (const mark of marks) {
    if (!days.has(mark.day)) continue;
    const own = out.get(mark.nominationId) ?? new Map<string, AttendanceStatus>();
    own.set(mark.day, mark.status as AttendanceStatus);
    out.set(mark.nominationId, own);
  }
  return out;
}

export function tally(
  marks: ReadonlyMap<string, AttendanceStatus> | undefined,
  days: number,
): ResultAttendance {
  const counts = { present: 0, absent: 0, excused: 0 };
  for (const status of marks?.values() ?? []) counts[status] += 1;
  return {
    days,
    ...counts,
    unmarked: Math.max(days - counts.present - counts.absent - counts.excused, 0),
  };
}

export const latinName = (p: ParticipantRow) =>
  `${p.familyNameLatin.toUpperCase()}, ${p.givenNamesLatin}`;

export function arabicName(p: ParticipantRow): string | null {
  const parts = [p.givenNamesArabic, p.familyNameArabic].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

const score = (value: string | null) => (value === null ? null : Number(value));

/**
 * One participant's row: attendance over the days held so far (`marks` hold only those), the
 * rule's proposal, what was confirmed.
 */
export function presentParticipantResult(
  row: ParticipantRow,
  marks: MarksByNomination,
  days: { held: number; toCome: number },
  completionPercent: number,
  usesLevel2: boolean,
): ParticipantResult {
  const attendance = tally(marks.get(row.nominationId), days.held);
  const proposal = proposeResult({
    attendance,
    completionPercent,
    nominationStatus: row.nominationStatus,
    daysToCome: days.toCome,
  });
  return {
    nominationId: row.nominationId,
    participantId: row.participantId,
    name: { latin: latinName(row), arabic: arabicName(row) },
    nationCode: row.nationCode,
    rankCode: row.rankCode,
    rankTitle: row.rankTitle,
    nominationStatus: row.nominationStatus as NominationStatus,
    attendance,
    proposed: proposal && {
      status: proposal.status,
      reason: proposal.code,
      countedDays: proposal.countedDays,
      percent: proposal.percent,
    },
    status: (row.status as ResultStatus | null) ?? null,
    confirmedByName: row.status ? (row.confirmedByName ?? null) : null,
    confirmedAt: row.status && row.confirmedAt ? row.confirmedAt.toISOString() : null,
    preTestScore: usesLevel2 ? score(row.preTestScore) : null,
    postTestScore: usesLevel2 ? score(row.postTestScore) : null,
  };
}
