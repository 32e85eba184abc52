import type { z } from 'zod';
import type { ImportDuplicateReason } from '../../../contract/import-kinds.js';
import type {
  ColumnMapping,
  ImportDuplicate,
  ImportRowError,
  PeopleColumn,
} from '../../../contract/imports.js';
import { type DuplicateReason, ParticipantInput } from '../../../contract/participants.js';
import { nationalRanks } from '../../../domain/national-ranks.js';
import { normaliseArabic, normaliseLatin } from '../participants/names.js';
import { asciiDigits, readDate } from './cells.js';

// Pure: a row of cells becomes a participant's input or its errors; duplicates are found
// against the nation's people as loaded. No database here.

export type PersonInput = z.output<typeof ParticipantInput>;

/** The column of the file each field of the participant's input comes from. */
const FIELD_COLUMN: Record<string, PeopleColumn> = {
  nationCode: 'nationCode',
  familyNameLatin: 'familyNameLatin',
  givenNamesLatin: 'givenNamesLatin',
  familyNameArabic: 'familyNameArabic',
  givenNamesArabic: 'givenNamesArabic',
  service: 'service',
  rankCode: 'rank',
  rankTitle: 'rank',
  position: 'position',
  email: 'email',
  phone: 'phone',
  languageProfiles: 'languages',
  clearanceLevel: 'clearanceLevel',
  clearanceExpiresOn: 'clearanceExpiresOn',
  dateOfBirth: 'dateOfBirth',
};

export interface RowContext {
  /** The nation the import is for. */
  nationCode: string;
  /** Every nation code that exists. */
  nations: ReadonlySet<string>;
}

/** A passport a row gives: its number folded (capitals, no spaces) and its issuing nation. */
export interface PassportKey {
  number: string;
  nationCode: string;
}

export type RowResult =
  | { ok: true; row: number; input: PersonInput; passport: PassportKey | null }
  | { ok: false; row: number; errors: ImportRowError[] };

const NATO_RANK = /^(OF-(D|[1-9]|10)|OR-[1-9]|CIV)$/;

/** Each nation's rank titles by their folded English and Arabic spellings, built once. */
const RANK_TITLES = new Map<string, Map<string, string>>();

function rankTitles(nationCode: string): Map<string, string> {
  let titles = RANK_TITLES.get(nationCode);
  if (!titles) {
    titles = new Map();
    // Reversed so that, as with a search in order, the first rank of a spelling wins.
    for (const r of [...nationalRanks(nationCode)].reverse()) {
      titles.set(`en|${normaliseLatin(r.en)}`, r.code);
      titles.set(`ar|${normaliseArabic(r.ar)}`, r.code);
    }
    RANK_TITLES.set(nationCode, titles);
  }
  return titles;
}

function readRank(
  value: string,
  nationCode: string,
): { rankCode: string; rankTitle: string | null } | null {
  const upper = value.toUpperCase().replace(/\s+/g, '');
  if (NATO_RANK.test(upper)) return { rankCode: upper, rankTitle: null };
  const titles = rankTitles(nationCode);
  const code =
    titles.get(`en|${normaliseLatin(value)}`) ?? titles.get(`ar|${normaliseArabic(value)}`);
  return code ? { rankCode: code, rankTitle: value.trim() } : null;
}

/** "en:3222; fr 2111" as language profiles; null when it cannot be read. */
function readLanguages(value: string): { language: string; profile: string }[] | null {
  const parts = asciiDigits(value)
    .split(/[;,/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const profiles: { language: string; profile: string }[] = [];
  for (const part of parts) {
    const m = /^([a-zA-Z]{2})\s*[:= ]\s*(\d{4})$/.exec(part);
    if (!m?.[1] || !m[2]) return null;
    profiles.push({ language: m[1].toLowerCase(), profile: m[2] });
  }
  return profiles;
}

/** A row's cells read as a participant's input, checked with the API's own schema. */
export function readPersonRow(
  cells: readonly string[],
  rowNumber: number,
  mapping: ColumnMapping,
  context: RowContext,
): RowResult {
  const cell = (column: PeopleColumn): string => {
    const index = mapping[column];
    return index === undefined || index === null ? '' : (cells[index] ?? '').trim();
  };
  const orNull = (column: PeopleColumn) => cell(column) || null;
  const errors: ImportRowError[] = [];
  const fail = (column: PeopleColumn | null, code: string, params: ImportRowError['params'] = {}) =>
    errors.push({ row: rowNumber, column, code, params });

  const nation = cell('nationCode').toUpperCase() || context.nationCode;
  if (!context.nations.has(nation)) fail('nationCode', 'unknown_nation', { value: nation });
  else if (nation !== context.nationCode) {
    fail('nationCode', 'other_nation', { value: nation, nation: context.nationCode });
  }
  const rankCell = cell('rank');
  const rank = rankCell ? readRank(rankCell, context.nationCode) : null;
  if (!rankCell) fail('rank', 'required');
  else if (!rank) fail('rank', 'unknown_rank', { value: rankCell });

  const date = (column: 'dateOfBirth' | 'clearanceExpiresOn'): string | null => {
    const value = cell(column);
    if (!value) return null;
    const read = readDate(value);
    if (read.ok) return read.value;
    fail(column, read.code, { value });
    return null;
  };
  const dateOfBirth = date('dateOfBirth');
  const clearanceExpiresOn = date('clearanceExpiresOn');
  const languagesCell = cell('languages');
  const languageProfiles = languagesCell ? readLanguages(languagesCell) : [];
  if (!languageProfiles) fail('languages', 'invalid_languages', { value: languagesCell });

  const passport = readPassport(cell('passportNumber'), cell('passportNation'), context, fail);

  const parsed = ParticipantInput.safeParse({
    nationCode: context.nationCode,
    familyNameLatin: cell('familyNameLatin'),
    givenNamesLatin: cell('givenNamesLatin'),
    familyNameArabic: orNull('familyNameArabic'),
    givenNamesArabic: orNull('givenNamesArabic'),
    service: orNull('service'),
    rankCode: rank?.rankCode ?? 'CIV',
    rankTitle: rank?.rankTitle ?? null,
    position: orNull('position'),
    email: orNull('email')?.toLowerCase() ?? null,
    phone: orNull('phone'),
    languageProfiles: languageProfiles ?? [],
    clearanceLevel: cell('clearanceLevel').toUpperCase() || 'NONE',
    clearanceExpiresOn,
    dateOfBirth,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = FIELD_COLUMN[field] ?? null;
      const custom = (issue as { params?: { code?: string } }).params?.code;
      const blank = column !== null && cell(column) === '' && issue.code !== 'custom';
      const params: ImportRowError['params'] = {};
      if ('maximum' in issue && typeof issue.maximum === 'number') params.maximum = issue.maximum;
      if (column) params.value = cell(column).slice(0, 80);
      fail(column, blank ? 'required' : (custom ?? issue.code), params);
    }
  } else {
    const seen = new Set<string>();
    for (const p of parsed.data.languageProfiles) {
      if (seen.has(p.language)) fail('languages', 'duplicate_language', { value: p.language });
      seen.add(p.language);
    }
    if (parsed.data.clearanceLevel === 'NONE' && parsed.data.clearanceExpiresOn !== null) {
      fail('clearanceExpiresOn', 'expiry_without_clearance');
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, row: rowNumber, errors };
  return { ok: true, row: rowNumber, input: parsed.data, passport };
}

/** A passport number folded as people type it: capitals, no spaces, hyphens or dots. */
export const foldPassportNumber = (value: string) =>
  asciiDigits(value)
    .toUpperCase()
    .replace(/[\s.-]+/g, '');

/**
 * The row's passport: letters and digits only, at most 20 (as the logistics form takes it);
 * issued by the nation its column names, else by the import's nation.
 */
function readPassport(
  numberCell: string,
  nationCell: string,
  context: RowContext,
  fail: (column: PeopleColumn, code: string, params: ImportRowError['params']) => void,
): PassportKey | null {
  const nationCode = nationCell.toUpperCase() || context.nationCode;
  if (nationCell && !context.nations.has(nationCode)) {
    fail('passportNation', 'unknown_nation', { value: nationCell });
  }
  if (!numberCell) return null;
  const number = foldPassportNumber(numberCell);
  if (!/^[A-Z0-9]{1,20}$/.test(number)) {
    fail('passportNumber', 'invalid_passport_number', { value: numberCell.slice(0, 80) });
    return null;
  }
  return { number, nationCode };
}

/** A person already registered, as the duplicate check compares and shows them. */
export interface KnownPerson {
  id: string;
  familyNameLatin: string;
  givenNamesLatin: string;
  familyNameArabic: string | null;
  givenNamesArabic: string | null;
  rankCode: string;
  rankTitle: string | null;
  email: string | null;
  dateOfBirth: string | null;
}

const latinKey = (p: { familyNameLatin: string; givenNamesLatin: string }) =>
  `${normaliseLatin(p.familyNameLatin)}|${normaliseLatin(p.givenNamesLatin)}`;
const arabicKey = (p: { familyNameArabic: string | null; givenNamesArabic: string | null }) =>
  p.familyNameArabic && p.givenNamesArabic
    ? `${normaliseArabic(p.familyNameArabic)}|${normaliseArabic(p.givenNamesArabic)}`
    : null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A passport number recorded for a registered person (with a nomination's logistics). */
export interface KnownPassport {
  participantId: string;
  /** As recorded; folded here before it is compared. */
  number: string;
  /** The nation that issued it: the person's own (logistics record no issuing nation). */
  nationCode: string;
}

const passportKey = (p: PassportKey) => `${p.nationCode}|${p.number}`;

/**
 * Finds, for each row, the registered person it may be: the same e-mail, the same passport
 * (number, and issuing nation when the row gives one), or the same names in either script with
 * the same date of birth or without one on either side (two people of one name born on
 * different days are two people). Indexed once, so 50,000 rows take no longer than reading them.
 */
export function duplicateFinder(
  known: readonly KnownPerson[],
  passports: readonly KnownPassport[] = [],
) {
  const byEmail = new Map<string, KnownPerson[]>();
  const byLatin = new Map<string, KnownPerson[]>();
  const byArabic = new Map<string, KnownPerson[]>();
  const byPassport = new Map<string, KnownPerson[]>();
  const byId = new Map<string, KnownPerson>();
  for (const person of known) {
    byId.set(person.id, person);
    if (person.email) push(byEmail, person.email.trim().toLowerCase(), person);
    push(byLatin, latinKey(person), person);
    const arabic = arabicKey(person);
    if (arabic) push(byArabic, arabic, person);
  }
  for (const p of passports) {
    const person = byId.get(p.participantId);
    const key = passportKey({ number: foldPassportNumber(p.number), nationCode: p.nationCode });
    // One person holds a number once, however many nominations recorded it.
    if (person && !byPassport.get(key)?.includes(person)) push(byPassport, key, person);
  }
  return (
    input: PersonInput,
    passport: PassportKey | null = null,
  ): { existing: KnownPerson; reasons: ImportDuplicateReason[] } | null => {
    const found = new Map<string, { existing: KnownPerson; reasons: ImportDuplicateReason[] }>();
    const add = (people: KnownPerson[] | undefined, reason: ImportDuplicateReason) => {
      for (const person of people ?? []) {
        const byName = reason === 'latin_name' || reason === 'arabic_name';
        if (byName && input.dateOfBirth && person.dateOfBirth) {
          if (input.dateOfBirth !== person.dateOfBirth) continue;
        }
        const entry = found.get(person.id) ?? { existing: person, reasons: [] };
        entry.reasons.push(reason);
        found.set(person.id, entry);
      }
    };
    if (input.email) add(byEmail.get(input.email.trim().toLowerCase()), 'email');
    if (passport) add(byPassport.get(passportKey(passport)), 'passport');
    add(byLatin.get(latinKey(input)), 'latin_name');
    const arabic = arabicKey(input);
    if (arabic) add(byArabic.get(arabic), 'arabic_name');
    let best: { existing: KnownPerson; reasons: ImportDuplicateReason[] } | null = null;
    for (const entry of found.values()) {
      if (!best || entry.reasons.length > best.reasons.length) best = entry;
    }
    return best;
  };
}

/** The duplicate as the dry run lists it. */
export function presentImportDuplicate(
  row: number,
  input: PersonInput,
  match: { existing: KnownPerson; reasons: ImportDuplicateReason[] },
  choice: ImportDuplicate['choice'],
): ImportDuplicate {
  const e = match.existing;
  return {
    row,
    label: `${input.familyNameLatin}, ${input.givenNamesLatin}`,
    existingLabel: `${e.familyNameLatin}, ${e.givenNamesLatin}`,
    allowed: ['skip', 'update', 'create'],
    familyNameLatin: input.familyNameLatin,
    givenNamesLatin: input.givenNamesLatin,
    existing: {
      id: e.id,
      familyNameLatin: e.familyNameLatin,
      givenNamesLatin: e.givenNamesLatin,
      familyNameArabic: e.familyNameArabic,
      givenNamesArabic: e.givenNamesArabic,
      rankCode: e.rankCode,
      rankTitle: e.rankTitle,
      email: e.email,
      dateOfBirth: e.dateOfBirth,
      // The record's own list keeps the reasons a person's record can give; the row's has all.
      reasons: match.reasons.filter((r): r is DuplicateReason => r !== 'passport'),
    },
    reasons: match.reasons,
    choice,
  };
}
