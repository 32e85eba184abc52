import { IMPORT_COLUMNS, IMPORT_HEADERS, type ImportKind } from '../../../contract/imports.js';
import { type Column, toCsv, toXlsx } from '../../http/spreadsheet.js';

export interface TemplateFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

type Example = Record<string, string>;

/** One made-up record of each kind, so the template shows how each cell is written. */
const EXAMPLES: Record<ImportKind, Example> = {
  people: {
    familyNameLatin: 'Al-Mutairi',
    givenNamesLatin: 'Fahad Nasser',
    familyNameArabic: 'المطيري',
    givenNamesArabic: 'فهد ناصر',
    nationCode: '',
    rank: 'OF-3',
    service: 'Army',
    position: '',
    email: 'fahad.almutairi@example.org',
    phone: '',
    dateOfBirth: '1985-04-12',
    clearanceLevel: 'NS',
    clearanceExpiresOn: '2028-06-30',
    languages: 'en:3222; fr:2111',
    passportNumber: 'K1234567',
    passportNation: '',
  },
  activities: {
    code: 'CTM-CT-2839',
    type: 'course',
    titleEn: 'Counter-terrorism awareness',
    titleFr: 'Sensibilisation au contre-terrorisme',
    titleAr: 'التوعية بمكافحة الإرهاب',
    disciplineCode: 'CT',
    providerCode: 'NIRC',
    delivery: 'residential',
    durationDays: '5',
    audience: 'OF-2 to OF-4 officers',
    language: 'en',
    classification: 'NATO UNCLASSIFIED',
    defaultCapacity: '24',
    status: 'draft',
  },
  sessions: {
    code: 'M5-66-A-27',
    activityCode: 'CTM-CT-2839',
    venueCode: 'KWI-NIRC',
    startDate: '2027-05-02',
    endDate: '2027-05-06',
    capacity: '24',
    nominationOpens: '2027-02-01',
    nominationCloses: '2027-04-01',
    quotaReleaseOn: '2027-03-15',
    quotas: 'KWT:4; QAT:2',
    language: 'en',
    notes: '',
  },
  contacts: {
    nationCode: 'KWT',
    name: 'Col. Fahad Al-Sabah',
    position: 'Head of training',
    email: 'fahad.alsabah@example.org',
    phone: '+965 2222 3333',
    primary: 'yes',
  },
};

/** The template of a kind, headers in the reader's language and one example row. */
export async function importTemplate(
  kind: ImportKind,
  format: 'csv' | 'xlsx',
  lang: 'en' | 'fr' | 'ar',
): Promise<TemplateFile> {
  const headers = IMPORT_HEADERS[kind];
  const columns: Column<Example>[] = IMPORT_COLUMNS[kind].map((c) => ({
    header: headers[c]?.[lang] ?? c,
    value: (row) => row[c] ?? '',
    width: 22,
  }));
  const example = EXAMPLES[kind];
  const filename = `rabita-${kind}-template-${lang}.${format}`;
  if (format === 'csv') {
    return { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, [example]) };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(columns, [example], kind, { rightToLeft: lang === 'ar' }),
  };
}
