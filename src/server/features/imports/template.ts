import { type ImportKind, PEOPLE_COLUMNS, PEOPLE_HEADERS } from '../../../contract/imports.js';
import { type Column, toCsv, toXlsx } from '../../http/spreadsheet.js';

export interface TemplateFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

type Example = Record<(typeof PEOPLE_COLUMNS)[number], string>;

/** One made-up person, so the template shows how each cell is written. */
const EXAMPLE: Example = {
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
};

/** The template of a kind, headers in the reader's language and one example row. */
export async function importTemplate(
  kind: ImportKind,
  format: 'csv' | 'xlsx',
  lang: 'en' | 'fr' | 'ar',
): Promise<TemplateFile> {
  const columns: Column<Example>[] = PEOPLE_COLUMNS.map((c) => ({
    header: PEOPLE_HEADERS[c][lang],
    value: (row) => row[c],
    width: 22,
  }));
  const filename = `rabita-${kind}-template-${lang}.${format}`;
  if (format === 'csv') {
    return { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, [EXAMPLE]) };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(columns, [EXAMPLE], kind, { rightToLeft: lang === 'ar' }),
  };
}
