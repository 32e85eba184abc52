import type { Holiday, VenueInput } from '../../contract/sessions.js';
import { addDays } from '../../domain/venue-calendar.js';

const SUNDAY_TO_THURSDAY = [0, 1, 2, 3, 4];
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

/**
 * The Islamic dates the Gulf, Iraqi and Jordanian venues keep, from the published Umm al-Qura
 * calendar (the demo test checks them against it): the first day of Ramadan, Eid al-Fitr
 * (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijjah; Arafat Day is the day before).
 */
export const ISLAMIC_CALENDAR = [
  { year: 2024, ramadanStarts: '2024-03-11', eidAlFitr: '2024-04-10', eidAlAdha: '2024-06-16' },
  { year: 2025, ramadanStarts: '2025-03-01', eidAlFitr: '2025-03-30', eidAlAdha: '2025-06-06' },
  { year: 2026, ramadanStarts: '2026-02-18', eidAlFitr: '2026-03-20', eidAlAdha: '2026-05-27' },
  { year: 2027, ramadanStarts: '2027-02-08', eidAlFitr: '2027-03-09', eidAlAdha: '2027-05-16' },
] as const;

/**
 * The centre plans no course from the first day of Ramadan to the last day of the Eid al-Fitr
 * holiday (shortened working hours, then the Eid): more than a venue's holiday list holds.
 */
export function ramadanBreak(year: (typeof ISLAMIC_CALENDAR)[number]) {
  return { from: year.ramadanStarts, to: addDays(year.eidAlFitr, 2) };
}

/** True when the days from `start` to `end` touch a Ramadan break. */
export function ramadanOverlaps(start: string, end: string): boolean {
  return ISLAMIC_CALENDAR.some((y) => {
    const { from, to } = ramadanBreak(y);
    return start <= to && from <= end;
  });
}

/** The first day after the Ramadan break that `start` falls into, or `start` itself. */
export function afterRamadan(start: string, end: string): string {
  const hit = ISLAMIC_CALENDAR.find((y) => {
    const { from, to } = ramadanBreak(y);
    return start <= to && from <= end;
  });
  return hit ? addDays(ramadanBreak(hit).to, 1) : start;
}

type Name = { en: string; fr: string; ar: string };
const EID_AL_FITR: Name = { en: 'Eid al-Fitr', fr: 'Aïd el-Fitr', ar: 'عيد الفطر' };
const ARAFAT: Name = { en: 'Arafat Day', fr: 'Jour d’Arafat', ar: 'يوم عرفة' };
const EID_AL_ADHA: Name = { en: 'Eid al-Adha', fr: 'Aïd el-Adha', ar: 'عيد الأضحى' };
const NEW_YEAR: Name = { en: 'New Year’s Day', fr: 'Jour de l’an', ar: 'رأس السنة الميلادية' };
const YEARS = [2024, 2025, 2026, 2027];

/** Eid al-Fitr (three days), Arafat Day and Eid al-Adha (three days) of every demo year. */
function eids(): Holiday[] {
  return ISLAMIC_CALENDAR.flatMap((y) => [
    ...[0, 1, 2].map((k) => ({ date: addDays(y.eidAlFitr, k), name: EID_AL_FITR })),
    { date: addDays(y.eidAlAdha, -1), name: ARAFAT },
    ...[0, 1, 2].map((k) => ({ date: addDays(y.eidAlAdha, k), name: EID_AL_ADHA })),
  ]);
}

/** Fixed-date holidays (`MM-DD`) of every demo year. */
function yearly(days: [string, Name][]): Holiday[] {
  return YEARS.flatMap((year) => days.map(([md, name]) => ({ date: `${year}-${md}`, name })));
}

const byDate = (list: Holiday[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));

const KUWAIT_HOLIDAYS: Holiday[] = byDate([
  ...yearly([
    ['01-01', NEW_YEAR],
    ['02-25', { en: 'National Day', fr: 'Fête nationale', ar: 'العيد الوطني' }],
    ['02-26', { en: 'Liberation Day', fr: 'Jour de la libération', ar: 'عيد التحرير' }],
  ]),
  ...eids(),
]);

const IRAQ_HOLIDAYS: Holiday[] = byDate([
  ...yearly([
    ['01-01', NEW_YEAR],
    ['01-06', { en: 'Army Day', fr: 'Fête de l’armée', ar: 'عيد الجيش' }],
    ['07-14', { en: 'Republic Day', fr: 'Fête de la République', ar: 'عيد الجمهورية' }],
    ['10-03', { en: 'National Day', fr: 'Fête nationale', ar: 'اليوم الوطني' }],
  ]),
  ...eids(),
]);

const JORDAN_HOLIDAYS: Holiday[] = byDate([
  ...yearly([
    ['01-01', NEW_YEAR],
    ['05-01', { en: 'Labour Day', fr: 'Fête du travail', ar: 'عيد العمال' }],
    ['05-25', { en: 'Independence Day', fr: 'Fête de l’indépendance', ar: 'عيد الاستقلال' }],
  ]),
  ...eids(),
]);

/** Easter Sunday of the demo years (Gregorian computus). */
const EASTER: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
};

/** Public holidays in Bavaria, where Oberammergau is. */
const BAVARIA_HOLIDAYS: Holiday[] = byDate([
  ...yearly([
    ['01-01', { en: 'New Year’s Day', fr: 'Jour de l’an', ar: 'رأس السنة الميلادية' }],
    ['01-06', { en: 'Epiphany', fr: 'Épiphanie', ar: 'عيد الغطاس' }],
    ['05-01', { en: 'Labour Day', fr: 'Fête du travail', ar: 'عيد العمال' }],
    ['08-15', { en: 'Assumption Day', fr: 'Assomption', ar: 'عيد انتقال العذراء' }],
    [
      '10-03',
      { en: 'German Unity Day', fr: 'Fête de l’unité allemande', ar: 'يوم الوحدة الألمانية' },
    ],
    ['11-01', { en: 'All Saints’ Day', fr: 'Toussaint', ar: 'عيد جميع القديسين' }],
    ['12-25', { en: 'Christmas Day', fr: 'Noël', ar: 'عيد الميلاد' }],
    ['12-26', { en: 'St Stephen’s Day', fr: 'Saint-Étienne', ar: 'يوم القديس إسطفانوس' }],
  ]),
  ...YEARS.flatMap((year) => {
    const easter = EASTER[year] as string;
    return [
      {
        date: addDays(easter, -2),
        name: { en: 'Good Friday', fr: 'Vendredi saint', ar: 'الجمعة العظيمة' },
      },
      {
        date: addDays(easter, 1),
        name: { en: 'Easter Monday', fr: 'Lundi de Pâques', ar: 'اثنين الفصح' },
      },
      {
        date: addDays(easter, 39),
        name: { en: 'Ascension Day', fr: 'Ascension', ar: 'عيد الصعود' },
      },
      {
        date: addDays(easter, 50),
        name: { en: 'Whit Monday', fr: 'Lundi de Pentecôte', ar: 'اثنين العنصرة' },
      },
      {
        date: addDays(easter, 60),
        name: { en: 'Corpus Christi', fr: 'Fête-Dieu', ar: 'عيد القربان' },
      },
    ];
  }),
]);

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
    holidays: IRAQ_HOLIDAYS,
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
    holidays: JORDAN_HOLIDAYS,
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
    holidays: BAVARIA_HOLIDAYS,
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
