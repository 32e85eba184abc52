import type { Lecturer, LecturerKind } from '../../../contract/index.js';
import { blankToNull } from '../../lib/validation.js';

/** What the form holds: text as typed, so nothing is lost when a save fails. */
export interface LecturerFormValues {
  kind: LecturerKind;
  nameLatin: string;
  nameArabic: string;
  title: string;
  institution: string;
  expertise: string[];
  languages: string[];
  email: string;
  phone: string;
  notes: string;
  passportName: string;
  passportNumber: string;
  nationalityCode: string;
  unavailable: { from: string; to: string; note: string }[];
}

export function toLecturerValues(lecturer?: Lecturer): LecturerFormValues {
  return {
    kind: lecturer?.kind ?? 'external',
    nameLatin: lecturer?.nameLatin ?? '',
    nameArabic: lecturer?.nameArabic ?? '',
    title: lecturer?.title ?? '',
    institution: lecturer?.institution ?? '',
    expertise: lecturer?.expertise ?? [],
    languages: lecturer?.languages ?? [],
    email: lecturer?.email ?? '',
    phone: lecturer?.phone ?? '',
    notes: lecturer?.notes ?? '',
    passportName: lecturer?.passportName ?? '',
    passportNumber: lecturer?.passportNumber ?? '',
    nationalityCode: lecturer?.nationalityCode ?? '',
    unavailable: (lecturer?.unavailable ?? []).map((p) => ({
      from: p.from,
      to: p.to,
      note: p.note ?? '',
    })),
  };
}

/** The whole set is sent, create or edit: an emptied field is cleared. */
export function toLecturerInput(v: LecturerFormValues) {
  return {
    kind: v.kind,
    nameLatin: v.nameLatin,
    nameArabic: blankToNull(v.nameArabic),
    title: blankToNull(v.title),
    institution: blankToNull(v.institution),
    expertise: v.expertise,
    languages: v.languages.map((l) => l.trim().toLowerCase()),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    notes: blankToNull(v.notes),
    passportName: blankToNull(v.passportName),
    passportNumber: blankToNull(v.passportNumber),
    nationalityCode: blankToNull(v.nationalityCode.trim().toUpperCase()),
    unavailable: v.unavailable.map((p) => ({ from: p.from, to: p.to, note: blankToNull(p.note) })),
  };
}
