import type { Locale } from '../../../../contract/common.js';
import type { NominationStatus } from '../../../../contract/nominations.js';
import type { SessionFieldChange } from '../../../../domain/session-changes.js';
import { formatDay, formatDays } from '../../messages/dates.js';

/** The words a change notice is made of, per language; the templates hold the rest. */
interface ChangeWords {
  /** Reading order: in Arabic the text runs right to left, so "before ← after". */
  arrow: string;
  /** What ends a label: French sets a space before the colon. */
  colon: string;
  field: Record<Exclude<SessionFieldChange['field'], 'status'>, string>;
  none: string;
  instructionsNow: string;
  instructionsWithdrawn: string;
  status: Partial<Record<NominationStatus, string>>;
  role: { director: string; instructor: string };
  listJoin: string;
  concerns: {
    participant: string;
    nation: (nation: string, people: string) => string;
    staff: (role: string) => string;
    leftStaff: string;
    calendarUpdated: string;
    calendarsUpdated: string;
  };
  cancelled: {
    participant: string;
    nation: (nation: string, people: string) => string;
    staff: (role: string) => string;
    calendarRemoved: string;
    calendarsRemoved: string;
  };
  digest: {
    quota: (seats: number) => string;
    noQuota: (pool: number) => string;
    closes: (day: string, zone: string) => string;
    /** The venue, in brackets: "(venue: …)". */
    venue: (name: string) => string;
  };
}

const WORDS: Record<Locale, ChangeWords> = {
  en: {
    arrow: '→',
    colon: ':',
    field: {
      dates: 'Dates',
      venue: 'Venue',
      joiningInstructions: 'Joining instructions',
      director: 'Course director',
    },
    none: 'none',
    instructionsNow: 'updated; they now read:',
    instructionsWithdrawn: 'withdrawn; new ones will follow.',
    status: {
      draft: 'draft',
      proposed: 'proposed',
      submitted: 'submitted',
      waitlisted: 'waitlisted',
      selected: 'selected',
    },
    role: { director: 'course director', instructor: 'an instructor' },
    listJoin: ', ',
    concerns: {
      participant: 'You hold a seat on this session.',
      nation: (nation, people) => `This concerns your nation's nominations (${nation}): ${people}.`,
      staff: (role) => `You are ${role} of this session.`,
      leftStaff: 'You are no longer on the staff of this session.',
      calendarUpdated:
        'The calendar invitation attached replaces the one sent before; your calendar updates it in place.',
      calendarsUpdated:
        'The calendar invitations attached replace those sent before for the participants selected.',
    },
    cancelled: {
      participant: 'Your seat on this session is released.',
      nation: (nation, people) =>
        `Your nation's nominations (${nation}) for this session have ended: ${people}. Their seats are released; none counts as a withdrawal.`,
      staff: (role) => `You were ${role} of this session.`,
      calendarRemoved: 'The calendar message attached removes the session from your calendar.',
      calendarsRemoved:
        'The calendar messages attached remove the session from the calendars of the participants selected.',
    },
    digest: {
      quota: (seats) => `Your quota: ${seats} ${seats === 1 ? 'seat' : 'seats'}.`,
      noQuota: (pool) => `No quota for your nation; ${pool} seats are open to all.`,
      closes: (day, zone) => `Nominations close on ${day} (end of day, ${zone}).`,
      venue: (name) => `(venue: ${name})`,
    },
  },
  fr: {
    arrow: '→',
    colon: ' :',
    field: {
      dates: 'Dates',
      venue: 'Lieu',
      joiningInstructions: 'Instructions de ralliement',
      director: 'Directeur du cours',
    },
    none: 'aucun',
    instructionsNow: 'mises à jour ; elles sont désormais :',
    instructionsWithdrawn: 'retirées ; de nouvelles suivront.',
    status: {
      draft: 'brouillon',
      proposed: 'proposée',
      submitted: 'soumise',
      waitlisted: "en liste d'attente",
      selected: 'retenue',
    },
    role: { director: 'directeur du cours', instructor: 'instructeur' },
    listJoin: ', ',
    concerns: {
      participant: 'Vous avez une place sur cette session.',
      nation: (nation, people) =>
        `Cela concerne les candidatures de votre nation (${nation}) : ${people}.`,
      staff: (role) => `Vous êtes ${role} de cette session.`,
      leftStaff: "Vous ne faites plus partie de l'équipe de cette session.",
      calendarUpdated:
        "L'invitation de calendrier jointe remplace celle envoyée auparavant ; votre agenda la met à jour.",
      calendarsUpdated:
        'Les invitations de calendrier jointes remplacent celles envoyées pour les participants retenus.',
    },
    cancelled: {
      participant: 'Votre place sur cette session est libérée.',
      nation: (nation, people) =>
        `Les candidatures de votre nation (${nation}) pour cette session prennent fin : ${people}. Leurs places sont libérées ; aucune ne compte comme un retrait.`,
      staff: (role) => `Vous étiez ${role} de cette session.`,
      calendarRemoved: 'Le message de calendrier joint retire la session de votre agenda.',
      calendarsRemoved:
        'Les messages de calendrier joints retirent la session des agendas des participants retenus.',
    },
    digest: {
      quota: (seats) => `Votre quota : ${seats} ${seats > 1 ? 'places' : 'place'}.`,
      noQuota: (pool) => `Pas de quota pour votre nation ; ${pool} places sont ouvertes à tous.`,
      closes: (day, zone) => `Candidatures jusqu'au ${day} (fin de journée, ${zone}).`,
      venue: (name) => `(lieu : ${name})`,
    },
  },
  ar: {
    arrow: '←',
    colon: ':',
    field: {
      dates: 'التواريخ',
      venue: 'المكان',
      joiningInstructions: 'تعليمات الالتحاق',
      director: 'مدير الدورة',
    },
    none: 'لا أحد',
    instructionsNow: 'حُدّثت، ونصها الآن:',
    instructionsWithdrawn: 'سُحبت، وسترسل تعليمات جديدة لاحقًا.',
    status: {
      draft: 'مسودة',
      proposed: 'مقترح',
      submitted: 'مقدَّم',
      waitlisted: 'في قائمة الانتظار',
      selected: 'مختار',
    },
    role: { director: 'مدير', instructor: 'أحد مدربي' },
    listJoin: '، ',
    concerns: {
      participant: 'لكم مقعد في هذه الدورة.',
      nation: (nation, people) => `يخص هذا ترشيحات دولتكم (${nation}): ${people}.`,
      staff: (role) => `أنتم ${role} هذه الدورة.`,
      leftStaff: 'لم تعودوا ضمن فريق هذه الدورة.',
      calendarUpdated: 'دعوة التقويم المرفقة تحل محل الدعوة السابقة، ويحدّثها تقويمكم في مكانها.',
      calendarsUpdated: 'دعوات التقويم المرفقة تحل محل الدعوات السابقة للمشاركين المختارين.',
    },
    cancelled: {
      participant: 'أُلغي مقعدكم في هذه الدورة.',
      nation: (nation, people) =>
        `انتهت ترشيحات دولتكم (${nation}) لهذه الدورة: ${people}. أُفرجت مقاعدها، ولا يُحتسب أي منها انسحابًا.`,
      staff: (role) => `كنتم ${role} هذه الدورة.`,
      calendarRemoved: 'رسالة التقويم المرفقة تحذف الدورة من تقويمكم.',
      calendarsRemoved: 'رسائل التقويم المرفقة تحذف الدورة من تقاويم المشاركين المختارين.',
    },
    digest: {
      quota: (seats) => `حصتكم: ${seats} مقاعد.`,
      noQuota: (pool) => `لا حصة لدولتكم، و${pool} مقاعد مفتوحة للجميع.`,
      closes: (day, zone) => `آخر موعد للترشيح: ${day} (نهاية اليوم، ${zone}).`,
      venue: (name) => `(المكان: ${name})`,
    },
  },
};

export const wordsFor = (locale: Locale): ChangeWords => WORDS[locale];

type Localized = { en: string; fr?: string; ar?: string };
export const inLocale = (text: Localized | null, locale: Locale) =>
  text ? text[locale] || text.en : '';

/** One line per change, "Dates: 7–11 March 2027 → 14–18 March 2027", in the reader's language. */
export function changeLines(changes: readonly SessionFieldChange[], locale: Locale): string {
  const w = WORDS[locale];
  const line = (label: string, before: string, after: string) =>
    `${label}${w.colon} ${before} ${w.arrow} ${after}`;
  return changes
    .flatMap((change) => {
      switch (change.field) {
        case 'dates':
          return [
            line(
              w.field.dates,
              formatDays(change.before.startDate, change.before.endDate, locale),
              formatDays(change.after.startDate, change.after.endDate, locale),
            ),
          ];
        case 'venue':
          return [
            line(
              w.field.venue,
              inLocale(change.before.name, locale),
              inLocale(change.after.name, locale),
            ),
          ];
        case 'director':
          return [
            line(w.field.director, change.before?.name ?? w.none, change.after?.name ?? w.none),
          ];
        case 'joiningInstructions': {
          const now = inLocale(change.after, locale).trim();
          return [
            now
              ? `${w.field.joiningInstructions}${w.colon} ${w.instructionsNow}\n${now}`
              : `${w.field.joiningInstructions}${w.colon} ${w.instructionsWithdrawn}`,
          ];
        }
        case 'status':
          return [];
      }
      return [];
    })
    .join('\n');
}

/** A person's name as a reader of `locale` reads it best: Arabic script for Arabic readers. */
export function personName(name: { latin: string; arabic: string | null }, locale: Locale) {
  return locale === 'ar' && name.arabic ? name.arabic : name.latin;
}

/** "Salem Al-Ali (selected), Fahad Al-Sabah (waitlisted)". */
export function peopleList(
  people: readonly { name: { latin: string; arabic: string | null }; status: NominationStatus }[],
  locale: Locale,
): string {
  const w = WORDS[locale];
  return people
    .map((p) => `${personName(p.name, locale)} (${w.status[p.status] ?? p.status})`)
    .join(w.listJoin);
}

export { formatDay, formatDays };
