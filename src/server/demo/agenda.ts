import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { LocalizedText } from '../../contract/common.js';
import type { LecturerInput } from '../../contract/lecturers.js';
import type { Tx } from '../db/client.js';
import { activities, trainingSessions } from '../db/schema/index.js';
import { createItem, setPublication } from '../features/agenda/service.js';
import { systemContext } from '../features/context.js';
import { assignLecturer, createLecturer } from '../features/lecturers/service.js';
import { bookRoom, createRoom, setInterpretation } from '../features/rooms/service.js';

/** The dialogue whose programme the demo writes out as an agenda. */
export const DEMO_AGENDA_ACTIVITY = 'DLG-GULF';

type Speaker = 'moderator' | 'alHashemi' | 'weiss' | 'alMutairi';

/**
 * The dialogue's speakers (as its session notes name them) and its moderator, the demo
 * instructor, whose own account then lists the event under her assignments.
 */
const SPEAKERS: Record<Speaker, LecturerInput & { role: 'speaker' | 'moderator' }> = {
  moderator: {
    kind: 'internal',
    nameLatin: 'Jana Novak',
    title: 'Dr.',
    institution: 'Regional Training Centre',
    expertise: ['crisis management', 'dialogue facilitation'],
    languages: ['en', 'fr'],
    email: 'instructor@rabita.example',
    role: 'moderator',
  },
  alHashemi: {
    kind: 'external',
    nameLatin: 'Layla Al-Hashemi',
    nameArabic: 'ليلى الهاشمي',
    title: 'Amb.',
    institution: 'Kuwait Ministry of Foreign Affairs',
    expertise: ['maritime security', 'Gulf diplomacy'],
    languages: ['ar', 'en'],
    email: 'l.alhashemi@speakers.rabita.example',
    role: 'speaker',
  },
  weiss: {
    kind: 'external',
    nameLatin: 'Daniel Weiss',
    title: 'Prof.',
    institution: 'NATO Defense College',
    expertise: ['deterrence', 'partnership policy'],
    languages: ['en', 'fr'],
    email: 'd.weiss@speakers.rabita.example',
    role: 'speaker',
  },
  alMutairi: {
    kind: 'external',
    nameLatin: 'Saud Al-Mutairi',
    nameArabic: 'سعود المطيري',
    title: 'Brig. Gen.',
    institution: 'Kuwait Armed Forces',
    expertise: ['energy infrastructure protection', 'counter-terrorism'],
    languages: ['ar', 'en'],
    role: 'speaker',
  },
};

interface DemoItem {
  day: 'first' | 'last';
  from: string;
  to: string;
  title: LocalizedText;
  speakers: Speaker[];
  /** Breaks are in the foyer, outside any booked room. */
  inHall: boolean;
}

const ITEMS: DemoItem[] = [
  {
    day: 'first',
    from: '09:00',
    to: '09:30',
    title: {
      en: 'Opening address and reception of the VIP delegation',
      fr: 'Allocution d’ouverture et accueil de la délégation de haut rang',
      ar: 'كلمة الافتتاح واستقبال وفد كبار الشخصيات',
    },
    speakers: ['moderator'],
    inHall: true,
  },
  {
    day: 'first',
    from: '09:30',
    to: '10:30',
    title: {
      en: 'Gulf maritime security',
      fr: 'La sécurité maritime dans le Golfe',
      ar: 'الأمن البحري في الخليج',
    },
    speakers: ['alHashemi'],
    inHall: true,
  },
  {
    day: 'first',
    from: '10:30',
    to: '11:00',
    title: { en: 'Coffee break', fr: 'Pause café', ar: 'استراحة قهوة' },
    speakers: [],
    inHall: false,
  },
  {
    day: 'first',
    from: '11:00',
    to: '12:30',
    title: {
      en: 'Deterrence and partnership',
      fr: 'Dissuasion et partenariat',
      ar: 'الردع والشراكة',
    },
    speakers: ['weiss'],
    inHall: true,
  },
  {
    day: 'last',
    from: '09:00',
    to: '10:00',
    title: {
      en: 'Protecting energy infrastructure',
      fr: 'La protection des infrastructures énergétiques',
      ar: 'حماية البنية التحتية للطاقة',
    },
    speakers: ['alMutairi'],
    inHall: true,
  },
  {
    day: 'last',
    from: '10:00',
    to: '11:30',
    title: {
      en: 'Panel: terrorism, proliferation and cyber threats',
      fr: 'Table ronde : terrorisme, prolifération et cybermenaces',
      ar: 'حلقة نقاش: الإرهاب والانتشار والتهديدات السيبرانية',
    },
    speakers: ['moderator', 'alHashemi', 'weiss', 'alMutairi'],
    inHall: true,
  },
  {
    day: 'last',
    from: '11:30',
    to: '12:00',
    title: { en: 'Closing remarks', fr: 'Conclusions', ar: 'الكلمة الختامية' },
    speakers: ['moderator'],
    inHall: true,
  },
];

/**
 * The coming Gulf security dialogue's published agenda, built through the product's services so
 * that their rules hold: its speakers in the lecturer registry and on the session, a conference
 * hall of the centre booked for it with English–Arabic interpretation, and items on the venue's
 * clock on its first and last day. Nothing is loaded when the demo has no such session ahead.
 */
export async function loadDemoAgenda(
  tx: Tx,
  instructorId: string | null,
): Promise<{ sessionCode: string; items: number } | null> {
  const [session] = await tx
    .select({
      code: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      venueCode: trainingSessions.venueCode,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        eq(activities.code, DEMO_AGENDA_ACTIVITY),
        notInArray(trainingSessions.status, ['completed', 'cancelled']),
      ),
    )
    .orderBy(asc(trainingSessions.startDate))
    .limit(1);
  if (!session) return null;
  const ctx = systemContext(tx, 'demo');
  const hall = await createRoom(ctx, session.venueCode, {
    name: 'Al-Salam conference hall',
    capacity: 120,
    equipment: ['interpretation booths', 'projector', 'podium'],
  });
  await createRoom(ctx, session.venueCode, { name: 'Seminar room 1', capacity: 24 });
  await bookRoom(ctx, session.code, { roomId: hall.id });
  await setInterpretation(ctx, session.code, {
    pairs: [{ from: 'en', to: 'ar', interpreters: 2 }],
  });
  const ids = {} as Record<Speaker, string>;
  for (const [key, { role, ...input }] of Object.entries(SPEAKERS) as [
    Speaker,
    (typeof SPEAKERS)[Speaker],
  ][]) {
    const lecturer = await createLecturer(ctx, {
      ...input,
      userId: key === 'moderator' ? instructorId : null,
    });
    ids[key] = lecturer.id;
    await assignLecturer(ctx, session.code, { lecturerId: lecturer.id, role });
  }
  for (const item of ITEMS) {
    const day = item.day === 'first' ? session.startDate : session.endDate;
    await createItem(ctx, session.code, {
      title: item.title,
      startsAt: `${day}T${item.from}`,
      endsAt: `${day}T${item.to}`,
      speakerIds: item.speakers.map((s) => ids[s]),
      roomId: item.inHall ? hall.id : null,
    });
  }
  await setPublication(ctx, session.code, { published: true });
  return { sessionCode: session.code, items: ITEMS.length };
}
