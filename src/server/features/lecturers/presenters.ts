import type { Assignment, Lecturer, LecturerConflict } from '../../../contract/lecturers.js';
import type { AssignmentRow, LecturerRow } from './queries.js';

export function presentLecturer(row: LecturerRow): Lecturer {
  return {
    id: row.id,
    kind: row.kind,
    nameLatin: row.nameLatin,
    nameArabic: row.nameArabic,
    title: row.title,
    institution: row.institution,
    expertise: row.expertise,
    languages: row.languages,
    email: row.email,
    phone: row.phone,
    userId: row.userId,
    unavailable: row.unavailable,
    notes: row.notes,
    passportName: row.passportName,
    passportNumber: row.passportNumber,
    nationalityCode: row.nationalityCode,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentAssignment(
  sessionCode: string,
  row: { assignment: AssignmentRow; lecturer: LecturerRow },
  conflicts: LecturerConflict[],
): Assignment {
  const { assignment, lecturer } = row;
  return {
    id: assignment.id,
    sessionCode,
    role: assignment.role,
    lecturer: {
      id: lecturer.id,
      kind: lecturer.kind,
      nameLatin: lecturer.nameLatin,
      nameArabic: lecturer.nameArabic,
      institution: lecturer.institution,
    },
    arrivalAt: assignment.arrivalAt?.toISOString() ?? null,
    arrivalFlight: assignment.arrivalFlight,
    departureAt: assignment.departureAt?.toISOString() ?? null,
    departureFlight: assignment.departureFlight,
    hotel: assignment.hotel,
    conflicts,
  };
}

/** Unavailable periods in date order, so readers and the audit trail compare them easily. */
export function sortPeriods<T extends { from: string; to: string }>(periods: readonly T[]): T[] {
  return [...periods].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The audit trail's view of a lecturer: whether a passport number is held, never the number. */
export function auditLecturer(lecturer: Lecturer) {
  return { ...lecturer, passportNumber: lecturer.passportNumber ? '(held)' : null };
}
