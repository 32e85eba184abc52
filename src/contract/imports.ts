import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_HEADERS,
  CONTACT_COLUMNS,
  CONTACT_HEADERS,
  ImportDuplicateReason,
  type ImportHeaders,
  REQUIRED_ACTIVITY_COLUMNS,
  REQUIRED_CONTACT_COLUMNS,
  REQUIRED_SESSION_COLUMNS,
  SESSION_COLUMNS,
  SESSION_HEADERS,
} from './import-kinds.js';
import { DuplicateCandidate } from './participants.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/**
 * What a file may import. People are a nation's participants; activities are catalogue entries;
 * sessions come with their quotas; contacts are nations' points of contact.
 */
export const IMPORT_KINDS = ['people', 'activities', 'sessions', 'contacts'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** A file over this size is refused before it is read. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** A file with more data rows is refused before any row is checked. */
export const IMPORT_MAX_ROWS = 50_000;
/** At most this many row errors are kept and shown; the count says how many there were. */
export const IMPORT_MAX_LISTED_ERRORS = 1000;

/** The columns of a people file, in the template's order. */
export const PEOPLE_COLUMNS = [
  'familyNameLatin',
  'givenNamesLatin',
  'familyNameArabic',
  'givenNamesArabic',
  'nationCode',
  'rank',
  'service',
  'position',
  'email',
  'phone',
  'dateOfBirth',
  'clearanceLevel',
  'clearanceExpiresOn',
  'languages',
  // Read to find a person already registered under the passport; a person's record has no
  // passport (it is given with a selected nomination's logistics).
  'passportNumber',
  'passportNation',
] as const;
export const PeopleColumn = z.enum(PEOPLE_COLUMNS);
export type PeopleColumn = z.infer<typeof PeopleColumn>;

/** A file without one of these (under any of its names, or mapped by hand) is refused. */
export const REQUIRED_PEOPLE_COLUMNS: readonly PeopleColumn[] = [
  'familyNameLatin',
  'givenNamesLatin',
  'rank',
];

type Headers = ImportHeaders;

/**
 * The header of each column in each language: the template is written with the reader's, and a
 * file's headers are matched against all three (case, accents and spacing aside).
 */
export const PEOPLE_HEADERS: Record<PeopleColumn, Headers> = {
  familyNameLatin: {
    en: 'Family name (Latin)',
    fr: 'Nom de famille (latin)',
    ar: 'اسم العائلة (بالأحرف اللاتينية)',
  },
  givenNamesLatin: {
    en: 'Given names (Latin)',
    fr: 'Prénoms (latin)',
    ar: 'الاسم الأول (بالأحرف اللاتينية)',
  },
  familyNameArabic: {
    en: 'Family name (Arabic)',
    fr: 'Nom de famille (arabe)',
    ar: 'اسم العائلة (بالعربية)',
  },
  givenNamesArabic: {
    en: 'Given names (Arabic)',
    fr: 'Prénoms (arabe)',
    ar: 'الاسم الأول (بالعربية)',
  },
  nationCode: { en: 'Nation', fr: 'Nation', ar: 'الدولة' },
  rank: { en: 'Rank', fr: 'Grade', ar: 'الرتبة' },
  service: { en: 'Service', fr: 'Armée', ar: 'الجهة' },
  position: { en: 'Position', fr: 'Fonction', ar: 'الوظيفة' },
  email: { en: 'E-mail', fr: 'Courriel', ar: 'البريد الإلكتروني' },
  phone: { en: 'Phone', fr: 'Téléphone', ar: 'الهاتف' },
  dateOfBirth: { en: 'Date of birth', fr: 'Date de naissance', ar: 'تاريخ الميلاد' },
  clearanceLevel: { en: 'Clearance', fr: 'Habilitation', ar: 'التصريح الأمني' },
  clearanceExpiresOn: {
    en: 'Clearance expires on',
    fr: "Fin d'habilitation",
    ar: 'انتهاء التصريح الأمني',
  },
  languages: { en: 'Languages', fr: 'Langues', ar: 'اللغات' },
  passportNumber: { en: 'Passport number', fr: 'Numéro de passeport', ar: 'رقم جواز السفر' },
  passportNation: {
    en: 'Passport issued by',
    fr: 'Passeport délivré par',
    ar: 'الدولة المصدرة لجواز السفر',
  },
};

export const IMPORT_STATUSES = [
  'uploaded',
  'checking',
  'checked',
  'committing',
  'committed',
  'undone',
] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * One problem of one row: the row as a spreadsheet numbers it (the header is row 1), the
 * column's key (null: the row as a whole), a stable code and its values. The web words it.
 */
export const ImportRowError = z.object({
  row: z.int(),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const DUPLICATE_CHOICES = ['skip', 'update', 'create'] as const;
export const DuplicateChoice = z.enum(DUPLICATE_CHOICES);
export type DuplicateChoice = z.infer<typeof DuplicateChoice>;

/**
 * A row that looks like a record that exists, with that record and why. `label` and
 * `existingLabel` say which in every kind; a person's names and record come for people only.
 */
export const ImportDuplicate = z.object({
  row: z.int(),
  label: z.string(),
  existingLabel: z.string(),
  familyNameLatin: z.string().optional(),
  givenNamesLatin: z.string().optional(),
  existing: DuplicateCandidate.optional(),
  reasons: z.array(ImportDuplicateReason),
  /** What may become of the row: a second record of a unique code cannot be created. */
  allowed: z.array(DuplicateChoice),
  choice: DuplicateChoice.nullable(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

/** The columns of each kind, in the template's order. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  people: PEOPLE_COLUMNS,
  activities: ACTIVITY_COLUMNS,
  sessions: SESSION_COLUMNS,
  contacts: CONTACT_COLUMNS,
};

/** The columns without which a file of each kind is refused. */
export const REQUIRED_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  people: REQUIRED_PEOPLE_COLUMNS,
  activities: REQUIRED_ACTIVITY_COLUMNS,
  sessions: REQUIRED_SESSION_COLUMNS,
  contacts: REQUIRED_CONTACT_COLUMNS,
};

/** The headers of each kind's columns in each language. */
export const IMPORT_HEADERS: Record<ImportKind, Record<string, Headers>> = {
  people: PEOPLE_HEADERS,
  activities: ACTIVITY_HEADERS,
  sessions: SESSION_HEADERS,
  contacts: CONTACT_HEADERS,
};

/**
 * Which file column (by its position) feeds each of the kind's columns; absent: not imported.
 * Keys are the kind's column keys (the check refuses others).
 */
export const ColumnMapping = z.record(
  z.string().regex(/^[a-zA-Z]{1,40}$/),
  z.int().min(0).max(199).nullable(),
);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportUpload = z.strictObject({
  kind: ImportKind,
  /**
   * People: centre staff choose the nation; a nation's officer may leave it out (their own).
   * Contacts: the nation of rows without a nation column. Activities and sessions: none.
   */
  nationCode: NationCode.nullable().default(null),
  fileName: text().trim().min(1).max(200),
  /** The file's bytes, base64. Over 20 MB the import is refused before anything is read. */
  content: z.base64().max(28_000_000),
});
export type ImportUpload = z.input<typeof ImportUpload>;

export const ImportCheckRequest = z.strictObject({ mapping: ColumnMapping });
export type ImportCheckRequest = z.infer<typeof ImportCheckRequest>;

export const ImportCommitRequest = z.strictObject({
  /** What to do with each row that looks like a record that exists. */
  choices: z
    .array(
      z.strictObject({
        row: z
          .int()
          .min(2)
          .max(IMPORT_MAX_ROWS + 1),
        choice: DuplicateChoice,
      }),
    )
    .max(IMPORT_MAX_ROWS)
    .default([]),
});
export type ImportCommitRequest = z.input<typeof ImportCommitRequest>;

export const ImportCounts = z.object({
  rows: z.int(),
  valid: z.int(),
  errors: z.int(),
  duplicates: z.int(),
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const Import = z
  .object({
    id: Uuid,
    kind: ImportKind,
    nationCode: z.string().nullable(),
    fileName: z.string(),
    /** SHA-256 of the file, hex. */
    digest: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    separator: z.string().nullable(),
    headers: z.array(z.string()),
    /** The mapping in use: what the headers matched, then what the user chose. */
    mapping: ColumnMapping,
    /** Required columns nothing maps yet. */
    missingColumns: z.array(z.string()),
    status: ImportStatus,
    /** Rows checked (while checking) or written (while committing) so far, of `progressTotal`. */
    progressDone: z.int(),
    progressTotal: z.int(),
    counts: ImportCounts,
    errors: z.array(ImportRowError),
    duplicates: z.array(ImportDuplicate),
    createdBy: z.string().nullable(),
    createdAt: IsoDateTime,
    checkedAt: IsoDateTime.nullable(),
    committedAt: IsoDateTime.nullable(),
    undoneAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Import' });
export type Import = z.infer<typeof Import>;

export const ImportTemplateQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(['en', 'fr', 'ar']).default('en'),
});
