import type { VenueInput } from '../../contract/sessions.js';

const SUNDAY_TO_THURSDAY = [0, 1, 2, 3, 4];
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

/**
 * Public holidays of the Gulf venues for the demo years. Eid dates follow the lunar calendar
 * and are announced late each year; these are the expected dates (illustrative).
 */
const KUWAIT_HOLIDAYS: VenueInput['holidays'] = [
  { date: '2026-02-25', name: { en: 'National Day', fr: 'Fête nationale', ar: 'العيد الوطني' } },
  {
    date: '2026-02-26',
    name: { en: 'Liberation Day', fr: 'Jour de la libération', ar: 'عيد التحرير' },
  },
  { date: '2026-03-19', name: { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' } },
  { date: '2026-03-22', name: { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' } },
  { date: '2026-05-26', name: { en: 'Arafat Day', fr: 'Jour d’Arafat', ar: 'يوم عرفة' } },
  { date: '2026-05-27', name: { en: 'Eid al-Adha', fr: 'Aïd el-Adha', ar: 'عيد الأضحى' } },
  { date: '2026-05-28', name: { en: 'Eid al-Adha', fr: 'Aïd el-Adha', ar: 'عيد الأضحى' } },
  { date: '2027-02-25', name: { en: 'National Day', fr: 'Fête nationale', ar: 'العيد الوطني' } },
  { date: '2027-03-09', name: { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' } },
  { date: '2027-03-10', name: { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' } },
  { date: '2027-03-11', name: { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' } },
  { date: '2027-05-16', name: { en: 'Eid al-Adha', fr: 'Aïd el-Adha', ar: 'عيد الأضحى' } },
  { date: '2027-05-17', name: { en: 'Eid al-Adha', fr: 'Aïd el-Adha', ar: 'عيد الأضحى' } },
];

export const DEMO_VENUES: VenueInput[] = [
  {
    code: 'KWI-NIRC',
    name: {
      en: 'NATO-ICI Regional Centre, Kuwait City',
      fr: 'Centre régional OTAN-ICI, Koweït',
      ar: 'المركز الإقليمي للناتو، مدينة الكويت',
    },
    kind: 'centre',
    city: 'Kuwait City',
    countryCode: 'KWT',
    timeZone: 'Asia/Kuwait',
    workingDays: SUNDAY_TO_THURSDAY,
    holidays: KUWAIT_HOLIDAYS,
  },
  {
    code: 'BGW',
    name: {
      en: 'Baghdad (mobile training team)',
      fr: 'Bagdad (équipe mobile de formation)',
      ar: 'بغداد (فريق تدريب متنقل)',
    },
    kind: 'city',
    city: 'Baghdad',
    countryCode: 'IRQ',
    timeZone: 'Asia/Baghdad',
    workingDays: SUNDAY_TO_THURSDAY,
    holidays: [],
  },
  {
    code: 'AMM',
    name: {
      en: 'Amman (mobile training team)',
      fr: 'Amman (équipe mobile de formation)',
      ar: 'عمّان (فريق تدريب متنقل)',
    },
    kind: 'city',
    city: 'Amman',
    countryCode: 'JOR',
    timeZone: 'Asia/Amman',
    workingDays: SUNDAY_TO_THURSDAY,
    holidays: [],
  },
  {
    code: 'OBERAMMERGAU',
    name: {
      en: 'NATO School Oberammergau',
      fr: 'École de l’OTAN, Oberammergau',
      ar: 'مدرسة الناتو، أوبرامرغاو',
    },
    kind: 'city',
    city: 'Oberammergau',
    countryCode: 'DEU',
    timeZone: 'Europe/Berlin',
    workingDays: MONDAY_TO_FRIDAY,
    holidays: [],
  },
  {
    code: 'ONLINE',
    name: { en: 'Online', fr: 'En ligne', ar: 'عبر الإنترنت' },
    kind: 'online',
    city: null,
    countryCode: null,
    timeZone: 'Europe/Brussels',
    workingDays: MONDAY_TO_FRIDAY,
    holidays: [],
  },
];
