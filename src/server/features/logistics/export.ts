import type { Locale } from '../../../contract/common.js';
import type {
  Lodging,
  LogisticsField,
  LogisticsSheet,
  LogisticsSheetRow,
  VisaLetterAnswer,
} from '../../../contract/logistics.js';
import type { Column } from '../../http/spreadsheet.js';

type Header =
  | 'familyNameLatin'
  | 'givenNamesLatin'
  | 'familyNameArabic'
  | 'givenNamesArabic'
  | 'nation'
  | 'rankCode'
  | 'rankTitle'
  | LogisticsField
  | 'missing';

interface Labels {
  headers: Record<Header, string>;
  lodging: Record<Lodging, string>;
  visa: Record<VisaLetterAnswer, string>;
}

// The downloads are built on the server, so their words live here rather than in the web app.
const LABELS: Record<Locale, Labels> = {
  en: {
    headers: {
      familyNameLatin: 'Family name',
      givenNamesLatin: 'Given names',
      familyNameArabic: 'Family name (Arabic)',
      givenNamesArabic: 'Given names (Arabic)',
      nation: 'Nation',
      rankCode: 'Rank code',
      rankTitle: 'Rank',
      arrivalAt: 'Arrival',
      arrivalFlight: 'Arrival flight',
      departureAt: 'Departure',
      departureFlight: 'Departure flight',
      lodging: 'Lodging',
      visaLetterRequested: 'Visa letter',
      passportNumber: 'Passport number',
      dietaryNeeds: 'Dietary needs',
      notes: 'Notes',
      missing: 'Missing',
    },
    lodging: { centre: 'Centre accommodation', own: 'Own arrangements', hotel: 'Hotel' },
    visa: { yes: 'Yes', no: 'No' },
  },
  fr: {
    headers: {
      familyNameLatin: 'Nom',
      givenNamesLatin: 'Prénoms',
      familyNameArabic: 'Nom (arabe)',
      givenNamesArabic: 'Prénoms (arabe)',
      nation: 'Nation',
      rankCode: 'Code du grade',
      rankTitle: 'Grade',
      arrivalAt: 'Arrivée',
      arrivalFlight: "Vol d'arrivée",
      departureAt: 'Départ',
      departureFlight: 'Vol de départ',
      lodging: 'Hébergement',
      visaLetterRequested: 'Lettre pour visa',
      passportNumber: 'Numéro de passeport',
      dietaryNeeds: 'Régime alimentaire',
      notes: 'Remarques',
      missing: 'Manquant',
    },
    lodging: { centre: 'Logement au centre', own: 'Par ses propres moyens', hotel: 'Hôtel' },
    visa: { yes: 'Oui', no: 'Non' },
  },
  ar: {
    headers: {
      familyNameLatin: 'اسم العائلة',
      givenNamesLatin: 'الاسم الأول',
      familyNameArabic: 'اسم العائلة (بالعربية)',
      givenNamesArabic: 'الاسم الأول (بالعربية)',
      nation: 'الدولة',
      rankCode: 'رمز الرتبة',
      rankTitle: 'الرتبة',
      arrivalAt: 'الوصول',
      arrivalFlight: 'رحلة الوصول',
      departureAt: 'المغادرة',
      departureFlight: 'رحلة المغادرة',
      lodging: 'الإقامة',
      visaLetterRequested: 'خطاب التأشيرة',
      passportNumber: 'رقم جواز السفر',
      dietaryNeeds: 'الاحتياجات الغذائية',
      notes: 'ملاحظات',
      missing: 'الناقص',
    },
    lodging: { centre: 'سكن المركز', own: 'ترتيبات خاصة', hotel: 'فندق' },
    visa: { yes: 'نعم', no: 'لا' },
  },
};

/** An instant as the venue's clock shows it, `YYYY-MM-DD HH:mm`, which every spreadsheet sorts. */
export function venueTime(value: string | null, timeZone: string): string | null {
  if (!value) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The sheet's columns with headers in the reader's language; times carry the venue's zone. */
export function sheetColumns(sheet: LogisticsSheet, locale: Locale): Column<LogisticsSheetRow>[] {
  const { headers, lodging, visa } = LABELS[locale];
  const zone = sheet.timeZone;
  const columns: (Column<LogisticsSheetRow> | false)[] = [
    { header: headers.familyNameLatin, value: (r) => r.familyNameLatin, width: 22 },
    { header: headers.givenNamesLatin, value: (r) => r.givenNamesLatin, width: 22 },
    { header: headers.familyNameArabic, value: (r) => r.familyNameArabic, width: 22 },
    { header: headers.givenNamesArabic, value: (r) => r.givenNamesArabic, width: 22 },
    { header: headers.nation, value: (r) => r.nationName[locale] ?? r.nationName.en, width: 16 },
    { header: headers.rankCode, value: (r) => r.rankCode, width: 10 },
    { header: headers.rankTitle, value: (r) => r.rankTitle, width: 16 },
    {
      header: `${headers.arrivalAt} (${zone})`,
      value: (r) => venueTime(r.arrivalAt, zone),
      width: 18,
    },
    { header: headers.arrivalFlight, value: (r) => r.arrivalFlight, width: 14 },
    {
      header: `${headers.departureAt} (${zone})`,
      value: (r) => venueTime(r.departureAt, zone),
      width: 18,
    },
    { header: headers.departureFlight, value: (r) => r.departureFlight, width: 14 },
    { header: headers.lodging, value: (r) => (r.lodging ? lodging[r.lodging] : null), width: 20 },
    {
      header: headers.visaLetterRequested,
      value: (r) => (r.visaLetterRequested ? visa[r.visaLetterRequested] : null),
      width: 12,
    },
    sheet.passportNumbersShown && {
      header: headers.passportNumber,
      value: (r) => r.passportNumber,
      width: 16,
    },
    { header: headers.dietaryNeeds, value: (r) => r.dietaryNeeds, width: 24 },
    { header: headers.notes, value: (r) => r.notes, width: 32 },
    {
      header: headers.missing,
      value: (r) => r.missingFields.map((f) => headers[f]).join(', ') || null,
      width: 24,
    },
  ];
  return columns.filter((c): c is Column<LogisticsSheetRow> => c !== false);
}
