import {
  type Lodging,
  type Logistics,
  type LogisticsField,
  type LogisticsSheetRow,
  REQUIRED_LOGISTICS,
  type VisaLetterAnswer,
} from '../../../contract/logistics.js';
import type { LogisticsRow, ScopedNomination, SheetRow } from './queries.js';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** The logistics fields of a stored row, every one null when nothing was saved yet. */
function fieldsOf(row: LogisticsRow | null | undefined) {
  return {
    arrivalAt: iso(row?.arrivalAt),
    arrivalFlight: row?.arrivalFlight ?? null,
    departureAt: iso(row?.departureAt),
    departureFlight: row?.departureFlight ?? null,
    lodging: (row?.lodging ?? null) as Lodging | null,
    visaLetterRequested: (row?.visaLetterRequested ?? null) as VisaLetterAnswer | null,
    passportNumber: row?.passportNumber ?? null,
    dietaryNeeds: row?.dietaryNeeds ?? null,
    notes: row?.notes ?? null,
  };
}

export function presentLogistics(
  nomination: ScopedNomination,
  stored: { logistics: LogisticsRow; updatedByName: string | null } | undefined,
): Logistics {
  return {
    nominationId: nomination.id,
    sessionCode: nomination.sessionCode,
    timeZone: nomination.timeZone,
    ...fieldsOf(stored?.logistics),
    updatedAt: iso(stored?.logistics.updatedAt),
    updatedByName: stored?.updatedByName ?? null,
  };
}

/** The required fields a row still lacks; a requested visa letter needs the passport number. */
export function missingFieldsOf(fields: ReturnType<typeof fieldsOf>): LogisticsField[] {
  const missing: LogisticsField[] = REQUIRED_LOGISTICS.filter((field) => fields[field] === null);
  if (fields.visaLetterRequested === 'yes' && fields.passportNumber === null) {
    missing.push('passportNumber');
  }
  return missing;
}

export function presentSheetRow(row: SheetRow, showPassport: boolean): LogisticsSheetRow {
  const fields = fieldsOf(row.logistics);
  return {
    nominationId: row.nominationId,
    familyNameLatin: row.familyNameLatin,
    givenNamesLatin: row.givenNamesLatin,
    familyNameArabic: row.familyNameArabic,
    givenNamesArabic: row.givenNamesArabic,
    nationCode: row.nationCode,
    nationName: row.nationName,
    rankCode: row.rankCode,
    rankTitle: row.rankTitle,
    ...fields,
    passportNumber: showPassport ? fields.passportNumber : null,
    updatedAt: iso(row.logistics?.updatedAt),
    missingFields: missingFieldsOf(fields),
  };
}

/**
 * The audit trail records that a passport number was set or changed, never the number itself:
 * the audit log is read by more people than those who manage logistics.
 */
export function auditView(logistics: Logistics) {
  const { passportNumber, updatedAt: _at, updatedByName: _by, ...rest } = logistics;
  return { ...rest, passportNumber: passportNumber === null ? null : 'redacted' };
}
