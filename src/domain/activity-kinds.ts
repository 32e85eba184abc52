import type {
  ActivityKind,
  ActivityType,
  CertificateAward,
  EventRole,
} from '../contract/catalogue.js';

/** The kind each activity type behaves as. Migration 0024 computes the same in SQL. */
export const KIND_OF_TYPE: Record<ActivityType, ActivityKind> = {
  course: 'course',
  exercise: 'exercise',
  'dialogue-event': 'event',
  conference: 'event',
  seminar: 'event',
  'expert-visit': 'visit',
  'staff-talks': 'visit',
};

/** What an activity of a kind has: results, evaluations, a certificate, roles. */
export interface KindRules {
  /** Pre/post test scores and a completion rule confirmed by the course director. */
  results: boolean;
  /** The evaluation levels an activity of the kind may use (none: no surveys at all). */
  evaluationLevels: readonly number[];
  /** The certificate issued to those who completed (course) or attended (the others). */
  certificate: CertificateAward | 'none';
  /** Whether a selected participant may carry a role (delegate, speaker, ...). */
  roles: boolean;
  /**
   * How seats are given: by the nations' nominations under quotas, or by the centre's
   * invitations by name, each answered by the nation (RSVP).
   */
  seats: 'quota' | 'invitation';
}

const RULES: Record<ActivityKind, KindRules> = {
  course: {
    results: true,
    evaluationLevels: [1, 2, 3],
    certificate: 'completion',
    roles: false,
    seats: 'quota',
  },
  event: {
    results: false,
    evaluationLevels: [1],
    certificate: 'attendance',
    roles: true,
    seats: 'invitation',
  },
  visit: {
    results: false,
    evaluationLevels: [],
    certificate: 'none',
    roles: true,
    seats: 'invitation',
  },
  exercise: {
    results: false,
    evaluationLevels: [1],
    certificate: 'attendance',
    roles: true,
    seats: 'quota',
  },
};

/** The kind an activity type behaves as. */
export function kindOf(type: ActivityType): ActivityKind {
  return KIND_OF_TYPE[type];
}

/** What applies to an activity of the kind. */
export function kindRules(kind: ActivityKind): KindRules {
  return RULES[kind];
}

/** What applies to an activity of the type. */
export function rulesOfType(type: ActivityType): KindRules {
  return RULES[kindOf(type)];
}

/** The evaluation levels of `levels` that the type does not allow, in order; none when fine. */
export function levelsNotAllowed(type: ActivityType, levels: readonly number[]): number[] {
  const allowed = rulesOfType(type).evaluationLevels;
  return [...new Set(levels)].filter((l) => !allowed.includes(l)).sort();
}

/**
 * The roles people may hold on an activity of each kind: a dialogue event has speakers and VIP
 * delegations, a visit delegations and experts, an exercise players, observers and
 * distinguished visitors; a course has participants only, so no role is recorded at all.
 */
const ROLES_OF_KIND: Record<ActivityKind, readonly EventRole[]> = {
  course: [],
  event: [
    'participant',
    'delegate',
    'head-of-delegation',
    'speaker',
    'panellist',
    'moderator',
    'observer',
    'vip',
  ],
  visit: ['participant', 'delegate', 'head-of-delegation', 'speaker', 'observer'],
  exercise: ['participant', 'observer', 'vip'],
};

/** The roles an activity of the type allows, in the order a picker lists them. */
export function rolesOfType(type: ActivityType): readonly EventRole[] {
  return ROLES_OF_KIND[kindOf(type)];
}

/** Whether a person may hold `role` on an activity of the type. */
export function roleAllowed(type: ActivityType, role: EventRole): boolean {
  return rolesOfType(type).includes(role);
}

/**
 * What is wrong with a nation's delegation on a session, given the roles of those invited at
 * once (`added`) and of those it already has (`held`): protocol needs exactly one head for a
 * group invited together, and never two heads. Null when it holds.
 */
export function delegationProblem(
  added: readonly EventRole[],
  held: readonly EventRole[] = [],
): 'two_heads' | 'no_head' | null {
  const heads = [...added, ...held].filter((r) => r === 'head-of-delegation').length;
  if (heads > 1) return 'two_heads';
  if (added.length > 1 && heads === 0) return 'no_head';
  return null;
}

export type CertificateLanguage = 'en' | 'fr' | 'ar';

/** The fixed words of a certificate: its title and what the holder did. */
export interface CertificateWording {
  title: string;
  certify: string;
  /** Printed between the name and the activity's title. */
  statement: string;
}

const COMPLETION: Record<CertificateLanguage, CertificateWording> = {
  en: {
    title: 'Certificate of Completion',
    certify: 'This is to certify that',
    statement: 'has successfully completed the course',
  },
  fr: {
    title: 'Certificat de réussite',
    certify: 'Il est certifié que',
    statement: 'a suivi avec succès le cours',
  },
  ar: { title: 'شهادة إتمام', certify: 'يشهد بأن', statement: 'قد أتم بنجاح الدورة' },
};

const ATTENDANCE_TITLE: Record<
  CertificateLanguage,
  Pick<CertificateWording, 'title' | 'certify'>
> = {
  en: { title: 'Certificate of Attendance', certify: 'This is to certify that' },
  fr: { title: 'Attestation de participation', certify: 'Il est attesté que' },
  ar: { title: 'شهادة حضور', certify: 'يشهد بأن' },
};

/** What the holder of a certificate of attendance did, per type of activity. */
const ATTENDED: Record<ActivityType, Record<CertificateLanguage, string>> = {
  course: { en: 'attended the course', fr: 'a assisté au cours', ar: 'قد حضر الدورة' },
  'dialogue-event': {
    en: 'attended the dialogue event',
    fr: 'a participé à la rencontre de dialogue',
    ar: 'قد حضر فعالية الحوار',
  },
  conference: {
    en: 'attended the conference',
    fr: 'a participé à la conférence',
    ar: 'قد حضر المؤتمر',
  },
  seminar: { en: 'attended the seminar', fr: 'a participé au séminaire', ar: 'قد حضر الندوة' },
  exercise: {
    en: 'took part in the exercise',
    fr: "a participé à l'exercice",
    ar: 'قد شارك في التمرين',
  },
  'expert-visit': {
    en: 'took part in the expert visit',
    fr: "a participé à la visite d'experts",
    ar: 'قد شارك في زيارة الخبراء',
  },
  'staff-talks': {
    en: 'took part in the staff talks',
    fr: "a participé aux entretiens d'état-major",
    ar: 'قد شارك في محادثات الأركان',
  },
};

/** A role as a certificate of attendance prints it ("as head of delegation"). */
const ROLE_PHRASE: Record<
  Exclude<EventRole, 'participant'>,
  Record<CertificateLanguage, string>
> = {
  delegate: { en: 'as a delegate', fr: 'en qualité de délégué', ar: 'بصفة مندوب' },
  'head-of-delegation': {
    en: 'as head of delegation',
    fr: 'en qualité de chef de délégation',
    ar: 'بصفة رئيس الوفد',
  },
  speaker: { en: 'as a speaker', fr: "en qualité d'intervenant", ar: 'بصفة متحدث' },
  panellist: { en: 'as a panellist', fr: 'en qualité de panéliste', ar: 'بصفة عضو في حلقة النقاش' },
  moderator: { en: 'as moderator', fr: 'en qualité de modérateur', ar: 'بصفة مدير الجلسة' },
  observer: { en: 'as an observer', fr: "en qualité d'observateur", ar: 'بصفة مراقب' },
  vip: { en: 'as a distinguished guest', fr: "en qualité d'invité d'honneur", ar: 'بصفة ضيف شرف' },
};

/**
 * The words a certificate prints in one language. A certificate without an award (issued before
 * activity kinds existed) is a certificate of completion and reads as it always did.
 */
export function certificateWording(
  language: CertificateLanguage,
  award: CertificateAward | undefined,
  type: ActivityType | undefined,
  role?: EventRole | null,
): CertificateWording {
  if (award !== 'attendance') return COMPLETION[language];
  const statement = ATTENDED[type ?? 'dialogue-event'][language];
  const phrase = role && role !== 'participant' ? ROLE_PHRASE[role][language] : null;
  return {
    ...ATTENDANCE_TITLE[language],
    statement: phrase ? `${statement} ${phrase}` : statement,
  };
}

/** A role's name as a list or an e-mail shows it. */
const ROLE_NAME: Record<EventRole, Record<CertificateLanguage, string>> = {
  participant: { en: 'participant', fr: 'participant', ar: 'مشارك' },
  delegate: { en: 'delegate', fr: 'délégué', ar: 'مندوب' },
  'head-of-delegation': { en: 'head of delegation', fr: 'chef de délégation', ar: 'رئيس الوفد' },
  speaker: { en: 'speaker', fr: 'intervenant', ar: 'متحدث' },
  panellist: { en: 'panellist', fr: 'panéliste', ar: 'عضو في حلقة النقاش' },
  moderator: { en: 'moderator', fr: 'modérateur', ar: 'مدير الجلسة' },
  observer: { en: 'observer', fr: 'observateur', ar: 'مراقب' },
  vip: { en: 'distinguished guest', fr: "invité d'honneur", ar: 'ضيف شرف' },
};

/** The name of a role in one language, for e-mails written on the server. */
export function roleName(role: EventRole, language: CertificateLanguage): string {
  return ROLE_NAME[role][language];
}
