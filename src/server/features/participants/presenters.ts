import type { LocalizedText } from '../../../contract/common.js';
import type {
  DuplicateCandidate,
  DuplicateReason,
  Participant,
  ParticipantDetail,
  TrainingRecord,
} from '../../../contract/participants.js';
import type { ParticipantRow } from './queries.js';

type ClearanceLevel = Participant['clearanceLevel'];

export function presentParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    nationCode: row.nationCode,
    familyNameLatin: row.familyNameLatin,
    givenNamesLatin: row.givenNamesLatin,
    familyNameArabic: row.familyNameArabic,
    givenNamesArabic: row.givenNamesArabic,
    service: row.service,
    rankCode: row.rankCode,
    rankTitle: row.rankTitle,
    position: row.position,
    email: row.email,
    phone: row.phone,
    languageProfiles: row.languageProfiles.map((p) => ({
      language: p.language,
      profile: p.profile,
    })),
    clearanceLevel: row.clearanceLevel as ClearanceLevel,
    clearanceExpiresOn: row.clearanceExpiresOn,
    dateOfBirth: row.dateOfBirth,
    hasAccount: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface HistoryRow {
  nominationId: string;
  status: string;
  result: string | null;
  sessionCode: string;
  sessionStatus: string;
  startDate: string;
  endDate: string;
  activityCode: string;
  activityTitle: LocalizedText;
}

export function presentTrainingRecord(row: HistoryRow): TrainingRecord {
  return {
    nominationId: row.nominationId,
    sessionCode: row.sessionCode,
    activityCode: row.activityCode,
    activityTitle: row.activityTitle,
    startDate: row.startDate,
    endDate: row.endDate,
    sessionStatus: row.sessionStatus,
    status: row.status,
    result: row.result,
  };
}

export function presentParticipantDetail(
  row: ParticipantRow,
  history: readonly HistoryRow[],
): ParticipantDetail {
  return { ...presentParticipant(row), history: history.map(presentTrainingRecord) };
}

/** Enough to recognise the person, and why they look the same; nothing more. */
export function presentDuplicate(
  row: ParticipantRow,
  reasons: DuplicateReason[],
): DuplicateCandidate {
  return {
    id: row.id,
    familyNameLatin: row.familyNameLatin,
    givenNamesLatin: row.givenNamesLatin,
    familyNameArabic: row.familyNameArabic,
    givenNamesArabic: row.givenNamesArabic,
    rankCode: row.rankCode,
    rankTitle: row.rankTitle,
    email: row.email,
    dateOfBirth: row.dateOfBirth,
    reasons,
  };
}
