import type { ParticipantInput } from '../../contract/participants.js';
import type { Tx } from '../db/client.js';
import { systemContext } from '../features/context.js';
import { createParticipant } from '../features/participants/service.js';

/**
 * One demo person: given and family names in Latin and Arabic script, NATO rank code and the
 * national title, service, position, English profile, clearance and the days from the load
 * day to its expiry (negative: already expired; null: no expiry recorded).
 */
type Row = [
  given: string,
  family: string,
  givenAr: string,
  familyAr: string,
  rank: string,
  title: string | null,
  service: string,
  position: string,
  english: string,
  clearance: NonNullable<ParticipantInput['clearanceLevel']>,
  expiresInDays: number | null,
];

// Invented people with names common in each nation; any likeness is chance.
// biome-ignore format: one person per line reads as a table
const PEOPLE: Record<string, Row[]> = {
  KWT: [
    ['Abdullah Khaled', 'Al-Ajmi', 'عبدالله خالد', 'العجمي', 'OF-3', 'Major', 'Kuwait Army', 'Staff officer, operations', '3222', 'NS', 420],
    ['Mishal Fahad', 'Al-Rashidi', 'مشعل فهد', 'الرشيدي', 'OF-4', 'Lieutenant Colonel', 'Kuwait Air Force', 'Head of plans', '3332', 'NS', 730],
    ['Yousef Ahmad', 'Al-Kandari', 'يوسف أحمد', 'الكندري', 'OF-2', 'Captain', 'Kuwait Naval Force', 'Boarding officer', '2211', 'NR', null],
    ['Hamad Salem', 'Al-Azmi', 'حمد سالم', 'العازمي', 'OF-5', 'Colonel', 'Kuwait National Guard', 'Director of training', '3322', 'NS', 20],
    ['Bader Mohammad', 'Al-Shammari', 'بدر محمد', 'الشمري', 'OR-7', 'Master Sergeant', 'Kuwait Army', 'CBRN team leader', '2111', 'NONE', null],
    ['Nasser Ali', 'Al-Hajri', 'ناصر علي', 'الهاجري', 'OR-8', 'Warrant Officer', 'Ministry of Interior', 'Border security instructor', '2211', 'NR', null],
    ['Dalal Saad', 'Al-Fadhli', 'دلال سعد', 'الفضلي', 'CIV', null, 'National Security Bureau', 'Senior analyst, cyber security', '3333', 'NS', 800],
    ['Talal Jassim', 'Al-Enezi', 'طلال جاسم', 'العنزي', 'OF-3', 'Major', 'Kuwait Air Force', 'Air operations officer', '3222', 'NS', -30],
  ],
  QAT: [
    ['Khalid Mohammed', 'Al-Kuwari', 'خالد محمد', 'الكواري', 'OF-4', 'Lieutenant Colonel', 'Qatar Emiri Land Force', 'Chief of staff, brigade', '3332', 'NS', 540],
    ['Jassim Abdulrahman', 'Al-Marri', 'جاسم عبدالرحمن', 'المري', 'OF-3', 'Major', 'Qatar Emiri Navy', 'Maritime security officer', '2211', 'NR', null],
    ['Hamad Ali', 'Al-Naimi', 'حمد علي', 'النعيمي', 'OF-2', 'Captain', 'Qatar Emiri Air Force', 'Intelligence officer', '3222', 'NS', 300],
    ['Saoud Rashid', 'Al-Kaabi', 'سعود راشد', 'الكعبي', 'OF-5', 'Colonel', 'Ministry of Defence', 'Director of international cooperation', '3322', 'NS', 820],
    ['Mohammed Saleh', 'Al-Sulaiti', 'محمد صالح', 'السليطي', 'OR-7', 'Sergeant First Class', 'Internal Security Force', 'Explosive ordnance technician', '2111', 'NONE', null],
    ['Ali Hassan', 'Al-Muhannadi', 'علي حسن', 'المهندي', 'OR-6', 'Staff Sergeant', 'Qatar Emiri Land Force', 'Signals supervisor', '1111', 'NONE', null],
    ['Noora Abdullah', 'Al-Sada', 'نورة عبدالله', 'السادة', 'CIV', null, 'Ministry of Foreign Affairs', 'Policy adviser, security affairs', '3333', 'NC', 610],
    ['Abdulaziz Nasser', 'Al-Dosari', 'عبدالعزيز ناصر', 'الدوسري', 'OF-3', 'Major', 'Qatar Emiri Air Force', 'Crisis management planner', '3222', 'NS', 45],
  ],
  BHR: [
    ['Ebrahim Khalil', 'Al-Dossari', 'إبراهيم خليل', 'الدوسري', 'OF-4', 'Lieutenant Colonel', 'Royal Bahraini Army', 'Head of training branch', '3322', 'NS', 600],
    ['Mohamed Jasim', 'Al-Buainain', 'محمد جاسم', 'البوعينين', 'OF-3', 'Major', 'Royal Bahraini Naval Force', 'Operations officer', '3222', 'NS', 210],
    ['Hassan Abdulla', 'Al-Sayed', 'حسن عبدالله', 'السيد', 'OF-2', 'Captain', 'Royal Bahraini Air Force', 'Air defence officer', '2211', 'NR', null],
    ['Khalifa Salman', 'Al-Jalahma', 'خليفة سلمان', 'الجلاهمة', 'OF-5', 'Colonel', 'Bahrain Defence Force', 'Deputy director, strategy', '3332', 'NS', 900],
    ['Ahmed Yusuf', 'Al-Mannai', 'أحمد يوسف', 'المناعي', 'OR-8', 'Warrant Officer', 'Bahrain National Guard', 'Training coordinator', '2221', 'NONE', null],
    ['Salman Isa', 'Al-Musallam', 'سلمان عيسى', 'المسلم', 'OR-6', 'Sergeant', 'Ministry of Interior', 'Coast guard boarding team', '1111', 'NONE', null],
    ['Fatima Ali', 'Al-Awadhi', 'فاطمة علي', 'العوضي', 'CIV', null, 'Ministry of Foreign Affairs', 'Senior specialist, NATO affairs', '3333', 'NC', 400],
    ['Yaqoob Hamad', 'Al-Zayani', 'يعقوب حمد', 'الزياني', 'OF-3', 'Major', 'Royal Bahraini Army', 'CBRN defence officer', '2211', 'NR', null],
  ],
  ARE: [
    ['Saif Mohammed', 'Al-Mansoori', 'سيف محمد', 'المنصوري', 'OF-4', 'Lieutenant Colonel', 'UAE Land Forces', 'Battalion commander', '3332', 'NS', 700],
    ['Rashid Ahmed', 'Al-Ketbi', 'راشد أحمد', 'الكتبي', 'OF-3', 'Major', 'UAE Air Force and Air Defence', 'Plans officer', '3222', 'NS', 250],
    ['Omar Khalfan', 'Al-Shamsi', 'عمر خلفان', 'الشامسي', 'OF-2', 'Captain', 'UAE Navy', 'Navigation officer', '2211', 'NR', null],
    ['Hamdan Saeed', 'Al-Nuaimi', 'حمدان سعيد', 'النعيمي', 'OF-5', 'Colonel', 'Presidential Guard', 'Chief of operations', '3322', 'NS', 400],
    ['Majid Obaid', 'Al-Falasi', 'ماجد عبيد', 'الفلاسي', 'OR-7', 'Master Sergeant', 'UAE Land Forces', 'Counter-IED instructor', '2211', 'NONE', null],
    ['Sultan Juma', 'Al-Suwaidi', 'سلطان جمعة', 'السويدي', 'OR-8', 'Warrant Officer', 'UAE Navy', 'Chief of the boat', '2221', 'NR', null],
    ['Mariam Khalifa', 'Al-Mazrouei', 'مريم خليفة', 'المزروعي', 'CIV', null, 'Ministry of Defence', 'Research fellow, energy security', '3333', 'NS', 550],
    ['Khalid Ali', 'Al-Dhaheri', 'خالد علي', 'الظاهري', 'OF-3', 'Major', 'Presidential Guard', 'Intelligence officer', '3222', 'NS', -10],
  ],
  SAU: [
    ['Faisal Abdulaziz', 'Al-Otaibi', 'فيصل عبدالعزيز', 'العتيبي', 'OF-4', 'Lieutenant Colonel', 'Royal Saudi Land Forces', 'Staff officer, joint plans', '3222', 'NS', 500],
    ['Turki Saad', 'Al-Qahtani', 'تركي سعد', 'القحطاني', 'OF-3', 'Lieutenant Commander', 'Royal Saudi Naval Forces', 'Maritime interdiction officer', '2211', 'NR', null],
    ['Nawaf Fahd', 'Al-Harbi', 'نواف فهد', 'الحربي', 'OR-7', 'Master Sergeant', 'Royal Saudi Land Forces', 'CBRN specialist', '2111', 'NONE', null],
  ],
  OMN: [
    ['Said Salim', 'Al-Busaidi', 'سعيد سالم', 'البوسعيدي', 'OF-4', 'Commander', 'Royal Navy of Oman', 'Head of maritime security centre', '3322', 'NS', 600],
    ['Hilal Nasser', 'Al-Hinai', 'هلال ناصر', 'الهنائي', 'OF-2', 'Captain', 'Royal Army of Oman', 'Training officer', '2211', 'NONE', null],
  ],
  JOR: [
    ['Omar Ibrahim', 'Al-Khasawneh', 'عمر إبراهيم', 'الخصاونة', 'OF-5', 'Colonel', 'Jordan Armed Forces', 'Director, peace operations training', '3332', 'NS', 800],
    ['Rami Khaled', 'Haddad', 'رامي خالد', 'حداد', 'OF-3', 'Major', 'Jordan Armed Forces', 'Cyber defence officer', '3222', 'NR', null],
    ['Lina Fawzi', 'Al-Masri', 'لينا فوزي', 'المصري', 'CIV', null, 'Ministry of Interior', 'Analyst, counter-terrorism', '3333', 'NC', 300],
  ],
};

/** Given names (Latin, Arabic) the generated officers of every nation draw on. */
// biome-ignore format: pairs read as a table
const GIVEN: [string, string][] = [
  ['Ahmad', 'أحمد'], ['Mohammed', 'محمد'], ['Abdulrahman', 'عبدالرحمن'], ['Saleh', 'صالح'],
  ['Fahad', 'فهد'], ['Sultan', 'سلطان'], ['Nawaf', 'نواف'], ['Majed', 'ماجد'], ['Waleed', 'وليد'],
  ['Hussain', 'حسين'], ['Ibrahim', 'إبراهيم'], ['Mansour', 'منصور'], ['Ziad', 'زياد'],
  ['Tariq', 'طارق'], ['Hani', 'هاني'], ['Adel', 'عادل'], ['Mustafa', 'مصطفى'], ['Sami', 'سامي'],
  ['Reem', 'ريم'], ['Huda', 'هدى'], ['Anas', 'أنس'], ['Bassam', 'بسام'],
];

/** Family names of each nation for the generated officers; how many each nation sends. */
// biome-ignore format: pairs read as a table
const FAMILIES: Record<string, { count: number; names: [string, string][]; services: string[] }> = {
  KWT: { count: 24, names: [['Al-Mutawa', 'المطوع'], ['Al-Otaibi', 'العتيبي'], ['Al-Dhafiri', 'الظفيري'], ['Al-Sabah', 'الصباح'], ['Al-Roumi', 'الرومي'], ['Al-Failakawi', 'الفيلكاوي']], services: ['Kuwait Army', 'Kuwait Naval Force', 'Kuwait National Guard', 'Ministry of Interior'] },
  BHR: { count: 18, names: [['Al-Hashimi', 'الهاشمي'], ['Al-Noaimi', 'النعيمي'], ['Al-Binali', 'البنعلي'], ['Al-Ansari', 'الأنصاري'], ['Al-Jowder', 'الجودر']], services: ['Royal Bahraini Army', 'Royal Bahraini Naval Force', 'Ministry of Interior'] },
  QAT: { count: 18, names: [['Al-Thani', 'آل ثاني'], ['Al-Khulaifi', 'الخليفي'], ['Al-Mohannadi', 'المهندي'], ['Al-Hajri', 'الهاجري'], ['Al-Emadi', 'العمادي']], services: ['Qatar Emiri Land Force', 'Qatar Emiri Navy', 'Internal Security Force'] },
  ARE: { count: 18, names: [['Al-Hammadi', 'الحمادي'], ['Al-Zaabi', 'الزعابي'], ['Al-Kaabi', 'الكعبي'], ['Al-Marzooqi', 'المرزوقي'], ['Al-Blooshi', 'البلوشي']], services: ['UAE Land Forces', 'UAE Navy', 'UAE Air Force and Air Defence'] },
  SAU: { count: 8, names: [['Al-Ghamdi', 'الغامدي'], ['Al-Zahrani', 'الزهراني'], ['Al-Shehri', 'الشهري']], services: ['Royal Saudi Land Forces', 'Royal Saudi Naval Forces'] },
  OMN: { count: 6, names: [['Al-Balushi', 'البلوشي'], ['Al-Rawahi', 'الرواحي']], services: ['Royal Army of Oman', 'Royal Navy of Oman'] },
  IRQ: { count: 20, names: [['Al-Jubouri', 'الجبوري'], ['Al-Obaidi', 'العبيدي'], ['Al-Tamimi', 'التميمي'], ['Al-Dulaimi', 'الدليمي'], ['Al-Saadi', 'الساعدي']], services: ['Iraqi Army', 'Iraqi Counter-Terrorism Service', 'Iraqi Navy', 'Ministry of Interior'] },
  JOR: { count: 16, names: [['Al-Majali', 'المجالي'], ['Al-Zoubi', 'الزعبي'], ['Al-Rawashdeh', 'الرواشدة'], ['Al-Qudah', 'القضاة']], services: ['Jordan Armed Forces', 'Public Security Directorate', 'Royal Jordanian Navy'] },
  MAR: { count: 4, names: [['Benali', 'بنعلي'], ['El Idrissi', 'الإدريسي']], services: ['Royal Armed Forces'] },
  TUN: { count: 4, names: [['Ben Salah', 'بن صالح'], ['Trabelsi', 'الطرابلسي']], services: ['Tunisian Army'] },
};

/** Ranks, titles and positions of the generated officers, in turn. */
// biome-ignore format: one rank per line reads as a table
const GRADES: [rank: string, title: string | null, position: string, english: string][] = [
  ['OF-2', 'Captain', 'Staff officer', '3222'],
  ['OF-3', 'Major', 'Operations officer', '3332'],
  ['OF-1', 'First Lieutenant', 'Platoon commander', '2211'],
  ['OF-4', 'Lieutenant Colonel', 'Head of branch', '3332'],
  ['OR-7', 'Master Sergeant', 'Team leader', '2221'],
  ['OF-3', 'Major', 'Planning officer', '3222'],
  ['CIV', null, 'Analyst', '3333'],
  ['OF-2', 'Captain', 'Training officer', '2222'],
  ['OF-5', 'Colonel', 'Director of plans', '3322'],
];

/**
 * The rest of each nation's people, generated the same every load: enough officers that each
 * session has a cohort of its own and nobody attends most of the courses.
 */
function generatedRows(nationCode: string, taken: Set<string>): Row[] {
  const family = FAMILIES[nationCode];
  if (!family) return [];
  const rows: Row[] = [];
  for (let k = 0; rows.length < family.count && k < GIVEN.length * family.names.length; k++) {
    const [given, givenAr] = GIVEN[(k * 5 + nationCode.charCodeAt(0)) % GIVEN.length] as [
      string,
      string,
    ];
    const [familyName, familyAr] = family.names[k % family.names.length] as [string, string];
    const email = emailOf(given, familyName, nationCode);
    if (taken.has(email)) continue;
    taken.add(email);
    const [rank, title, position, english] = GRADES[
      (k + rows.length) % GRADES.length
    ] as (typeof GRADES)[number];
    const service = family.services[k % family.services.length] as string;
    const cleared = rank.startsWith('OF-') || rank === 'CIV';
    rows.push([
      given,
      familyName,
      givenAr,
      familyAr,
      rank,
      title,
      service,
      position,
      english,
      cleared ? (k % 3 === 0 ? 'NR' : 'NS') : 'NONE',
      cleared ? 400 + ((k * 37) % 600) : null,
    ]);
  }
  return rows;
}

/** Jordanians often learn French too; the second profile shows a person with two languages. */
const FRENCH: Record<string, string> = { 'JOR-Lina': '2222', 'JOR-Omar': '1111' };

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `first.last@nation.example`, from the first given name and the family name. */
function emailOf(given: string, family: string, nationCode: string): string {
  const first = given.split(' ')[0] ?? given;
  const last = family.replace(/[^A-Za-z]/g, '');
  return `${first}.${last}@${nationCode}.example`.toLowerCase();
}

/** Born between 1970 and 1995, the same every load. */
function birthDateOf(index: number, rank: string): string {
  const seniority = rank.startsWith('OF-') ? Number(rank.slice(3)) : rank === 'CIV' ? 3 : 2;
  const year = 1996 - seniority * 4 - (index % 4);
  const month = String(((index * 5) % 12) + 1).padStart(2, '0');
  const day = String(((index * 7) % 27) + 1).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export interface DemoParticipant {
  id: string;
  nationCode: string;
  email: string;
}

/**
 * The demo nations' people: about eight per ICI nation and a few from other nations that
 * nominate, with varied ranks, English profiles (some below the usual 3222), and clearances,
 * one of which expires within weeks of `now` and two of which have expired.
 */
export async function loadDemoParticipants(db: Tx, now: Date): Promise<DemoParticipant[]> {
  const ctx = systemContext(db, 'demo');
  const today = now.toISOString().slice(0, 10);
  const created: DemoParticipant[] = [];
  let index = 0;
  const taken = new Set(
    Object.entries(PEOPLE).flatMap(([code, rows]) => rows.map((r) => emailOf(r[0], r[1], code))),
  );
  const nations = [...new Set([...Object.keys(PEOPLE), ...Object.keys(FAMILIES)])];
  for (const nationCode of nations) {
    const own = PEOPLE[nationCode] ?? [];
    for (const [k, row] of [...own, ...generatedRows(nationCode, taken)].entries()) {
      const [given, family, givenAr, familyAr, rank, title, service, position, english] = row;
      const [, , , , , , , , , clearance, expiresInDays] = row;
      const french = FRENCH[`${nationCode}-${given.split(' ')[0]}`];
      const email = emailOf(given, family, nationCode);
      const person = await createParticipant(ctx, {
        nationCode,
        familyNameLatin: family,
        givenNamesLatin: given,
        familyNameArabic: familyAr,
        givenNamesArabic: givenAr,
        service,
        rankCode: rank,
        rankTitle: title,
        position,
        email,
        phone: null,
        languageProfiles: [
          { language: 'en', profile: english },
          ...(french ? [{ language: 'fr', profile: french }] : []),
        ],
        clearanceLevel: clearance,
        clearanceExpiresOn:
          clearance !== 'NONE' && expiresInDays !== null ? addDays(today, expiresInDays) : null,
        dateOfBirth: birthDateOf(index, rank),
        // Generated people share family names with others of their nation by design.
        confirmNotDuplicate: k >= own.length,
      });
      created.push({ id: person.id, nationCode, email });
      index += 1;
    }
  }
  return created;
}
