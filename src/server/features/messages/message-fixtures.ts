import type { Locale } from '../../../contract/common.js';
import type { MessageEvent, TemplateVariables } from '../../../contract/messages.js';

/**
 * Realistic values for every e-mail, as the code that sends it fills them: names as the records
 * hold them (accents, apostrophes, a name typed in Arabic script), nation, course and venue
 * names in the reader's language, real session codes, dates and whole links. Typed per event,
 * so an event added to the contract without a fixture does not compile.
 */
export interface MessageFixture<E extends MessageEvent> {
  /**
   * The nation's NPOCs get a copy about one of their participants: with several participants
   * on a session, the copies must be told apart by the name in their subject.
   */
  nationCopyOfParticipant: boolean;
  variables(locale: Locale): Required<TemplateVariables<E>>;
}

type Localized = Record<Locale, string>;

const KUWAIT: Localized = { en: 'Kuwait', fr: 'Koweït', ar: 'الكويت' };
const UAE: Localized = {
  en: 'United Arab Emirates',
  fr: 'Émirats arabes unis',
  ar: 'الإمارات العربية المتحدة',
};
const MOROCCO: Localized = { en: 'Morocco', fr: 'Maroc', ar: 'المغرب' };

const CT_COURSE: Localized = {
  en: 'Counter-Terrorism Awareness Course',
  fr: 'Cours de sensibilisation à la lutte contre le terrorisme',
  ar: 'دورة التوعية بمكافحة الإرهاب',
};
const CBRN_COURSE: Localized = {
  en: 'CBRN Defence Basic Course',
  fr: 'Cours élémentaire de défense NRBC',
  ar: 'الدورة الأساسية للدفاع الكيميائي والبيولوجي والإشعاعي والنووي',
};
const MARITIME_COURSE: Localized = {
  en: 'Maritime Interdiction Operations Course',
  fr: "Cours sur les opérations d'interdiction maritime",
  ar: 'دورة عمليات الاعتراض البحري',
};

const CENTRE: Localized = {
  en: 'Regional Training Centre, Kuwait City',
  fr: 'Centre régional de formation, Koweït',
  ar: 'مركز التدريب الإقليمي، مدينة الكويت',
};
const SOUDA: Localized = {
  en: 'Maritime Interdiction Training Centre, Souda Bay',
  fr: "Centre d'entraînement à l'interdiction maritime, baie de Souda",
  ar: 'مركز التدريب على الاعتراض البحري، خليج سودا',
};

const INSTRUCTIONS: Localized = {
  en: 'Report to the centre reception at 07:30 on the first day, in service dress.\nBring your passport, your nomination letter and a laptop.',
  fr: 'Présentez-vous à l’accueil du centre à 7 h 30 le premier jour, en tenue de service.\nMunissez-vous de votre passeport, de votre lettre de désignation et d’un ordinateur portable.',
  ar: 'يُرجى الحضور إلى استقبال المركز الساعة 07:30 في اليوم الأول بالزي الرسمي.\nيُرجى إحضار جواز السفر وخطاب الترشيح وحاسوب محمول.',
};
const END_OF_COURSE: Localized = {
  en: 'End-of-course evaluation',
  fr: 'Évaluation de fin de cours',
  ar: 'تقييم نهاية الدورة',
};
const FOLLOW_UP: Localized = {
  en: 'Six-month follow-up on the job',
  fr: 'Suivi à six mois dans le poste',
  ar: 'المتابعة في مكان العمل بعد ستة أشهر',
};

const SITE = 'https://rabita.centre.example';
const NOMINATION = `${SITE}/nominations/3f9c2a4e-7b1d-4c6e-9a8f-2d5e6b7c8a90`;

/** A proposal waits for Kuwait's NPOC; the later decisions are about the same participant. */
function nominationOf(locale: Locale) {
  return {
    recipientName: 'عبد الله الصباح',
    participantName: 'Maj. Khalid Al-Mutairi',
    nationName: KUWAIT[locale],
    sessionCode: 'M5-66-A-26',
    activityTitle: CT_COURSE[locale],
    startDate: '2026-03-08',
    endDate: '2026-03-12',
    venue: CENTRE[locale],
    link: NOMINATION,
  };
}

/** A Moroccan officer on a maritime course abroad, told by a French-speaking NPOC. */
function francophoneNominationOf(locale: Locale) {
  return {
    recipientName: 'Col. Hélène Lefèvre-Bénard',
    participantName: 'Lt. Chaïma Benaïssa',
    nationName: MOROCCO[locale],
    sessionCode: 'MIO-2026-02',
    activityTitle: MARITIME_COURSE[locale],
    startDate: '2026-05-17',
    endDate: '2026-05-28',
    venue: SOUDA[locale],
    link: `${SITE}/nominations/8b2e61d0-45c3-4f7a-b1e9-0c7d3a5f9e12`,
  };
}

function surveyOf(locale: Locale) {
  return {
    recipientName: 'Capt. Noura Al-Thani',
    participantName: 'Capt. Noura Al-Thani',
    sessionCode: 'CBRN-B-2026-01',
    activityTitle: CBRN_COURSE[locale],
    startDate: '2026-02-01',
    endDate: '2026-02-05',
    surveyTitle: END_OF_COURSE[locale],
    closesOn: '2026-02-19',
    link: `${SITE}/surveys/answer/c41d7e2a-9f08-4b35-8e6a-71b2d0c9f4a3`,
  };
}

const SESSION_LINK = `${SITE}/sessions/M5-66-A-26`;

/** A session moved by a week and to another venue, as the change's job words it. */
const CHANGES: Localized = {
  en: 'Dates: 8–12 March 2026 → 15–19 March 2026\nVenue: Regional Training Centre, Kuwait City → Maritime Interdiction Training Centre, Souda Bay',
  fr: 'Dates : 8–12 mars 2026 → 15–19 mars 2026\nLieu : Centre régional de formation, Koweït → Centre d’entraînement à l’interdiction maritime, baie de Souda',
  ar: 'التواريخ: 8–12 مارس 2026 (19–23 رمضان 1447 هـ) ← 15–19 مارس 2026 (26 رمضان – 1 شوال 1447 هـ)\nالمكان: مركز التدريب الإقليمي، مدينة الكويت ← مركز التدريب على الاعتراض البحري، خليج سودا',
};
const CONCERNING: Localized = {
  en: "This concerns your nation's nominations (Kuwait): Khalid Al-Mutairi (selected), Salem Al-Ali (waitlisted). The calendar invitations attached replace those sent before for the participants selected.",
  fr: 'Cela concerne les candidatures de votre nation (Koweït) : Khalid Al-Mutairi (retenue), Salem Al-Ali (en liste d’attente). Les invitations de calendrier jointes remplacent celles envoyées pour les participants retenus.',
  ar: 'يخص هذا ترشيحات دولتكم (الكويت): خالد المطيري (مختار)، سالم العلي (في قائمة الانتظار). دعوات التقويم المرفقة تحل محل الدعوات السابقة للمشاركين المختارين.',
};
const ENDED: Localized = {
  en: "Your nation's nominations (Kuwait) for this session have ended: Khalid Al-Mutairi (selected). Their seats are released; none counts as a withdrawal. The calendar messages attached remove the session from the calendars of the participants selected.",
  fr: 'Les candidatures de votre nation (Koweït) pour cette session prennent fin : Khalid Al-Mutairi (retenue). Leurs places sont libérées ; aucune ne compte comme un retrait. Les messages de calendrier joints retirent la session des agendas des participants retenus.',
  ar: 'انتهت ترشيحات دولتكم (الكويت) لهذه الدورة: خالد المطيري (مختار). أُفرجت مقاعدها، ولا يُحتسب أي منها انسحابًا. رسائل التقويم المرفقة تحذف الدورة من تقاويم المشاركين المختارين.',
};
const DAYS: Localized = {
  en: '15–19 March 2026',
  fr: '15–19 mars 2026',
  ar: '15–19 مارس 2026 (26 رمضان – 1 شوال 1447 هـ)',
};
const ANNOUNCED: Localized = {
  en: '• M5-66-A-26, Counter-Terrorism Awareness Course: 8–12 March 2026 (venue: Regional Training Centre, Kuwait City). Your quota: 4 seats. Nominations close on 1 February 2026 (end of day, Asia/Kuwait).\n\n• CBRN-B-2026-01, CBRN Defence Basic Course: 1–5 February 2026 (venue: Regional Training Centre, Kuwait City). No quota for your nation; 6 seats are open to all. Nominations close on 11 January 2026 (end of day, Asia/Kuwait).',
  fr: '• M5-66-A-26, Cours de sensibilisation à la lutte contre le terrorisme : 8–12 mars 2026 (lieu : Centre régional de formation, Koweït). Votre quota : 4 places. Candidatures jusqu’au 1 février 2026 (fin de journée, Asia/Kuwait).',
  ar: '• M5-66-A-26، دورة التوعية بمكافحة الإرهاب: 8–12 مارس 2026 (المكان: مركز التدريب الإقليمي، مدينة الكويت). حصتكم: 4 مقاعد. آخر موعد للترشيح: 1 فبراير 2026 (نهاية اليوم، Asia/Kuwait).',
};

export const MESSAGE_FIXTURES: { [E in MessageEvent]: MessageFixture<E> } = {
  'nomination-proposed': { nationCopyOfParticipant: true, variables: nominationOf },
  'nomination-submitted': { nationCopyOfParticipant: true, variables: francophoneNominationOf },
  'nomination-selected': { nationCopyOfParticipant: true, variables: nominationOf },
  'nomination-waitlisted': { nationCopyOfParticipant: true, variables: francophoneNominationOf },
  'nomination-rejected': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...nominationOf(locale),
      // Typed by the registrar in one language, whatever the reader's.
      reason: "The nation's quota is used and no seat is left in the open pool.",
    }),
  },
  'nomination-promoted': { nationCopyOfParticipant: true, variables: francophoneNominationOf },
  'nomination-withdrawn': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...francophoneNominationOf(locale),
      reason: 'Mutation imprévue : l’officière rejoint son unité à Agadir.',
    }),
  },
  'invitation-received': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...nominationOf(locale),
      role: { en: 'head of delegation', fr: 'chef de délégation', ar: 'رئيس الوفد' }[locale],
    }),
  },
  'invitation-withdrawn': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...nominationOf(locale),
      role: { en: 'speaker', fr: 'intervenant', ar: 'متحدث' }[locale],
      // Typed by the registrar in one language, whatever the reader's.
      reason: 'The panel on maritime security was dropped from the agenda.',
    }),
  },
  'nomination-overridden': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...nominationOf(locale),
      // Typed by the registrar in one language, whatever the reader's.
      reason: 'Acting colonel in the ministry; the rank rule is met in substance.',
    }),
  },
  'joining-instructions': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      ...nominationOf(locale),
      nationName: UAE[locale],
      instructions: INSTRUCTIONS[locale],
    }),
  },
  'session-changed': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'عبد الله الصباح',
      sessionCode: 'M5-66-A-26',
      activityTitle: CT_COURSE[locale],
      changes: CHANGES[locale],
      concerning: CONCERNING[locale],
      dates: DAYS[locale],
      venue: SOUDA[locale],
      link: SESSION_LINK,
    }),
  },
  'session-cancelled': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'Col. Hélène Lefèvre-Bénard',
      sessionCode: 'M5-66-A-26',
      activityTitle: CT_COURSE[locale],
      dates: DAYS[locale],
      venue: CENTRE[locale],
      // Typed by the registrar in one language, whatever the reader's.
      reason: 'Too few nominations reached the centre before the deadline.',
      concerning: ENDED[locale],
      link: SESSION_LINK,
    }),
  },
  'sessions-announced': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'عبد الله الصباح',
      nationName: KUWAIT[locale],
      sessions: ANNOUNCED[locale],
      link: `${SITE}/`,
    }),
  },
  'account-invitation': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'Salem Al-Ali',
      participantName: 'Salem Al-Ali',
      nationName: UAE[locale],
      link: `${SITE}/password/Xk3p9QwZr7LmN2vB8sT4yH6jD1fG5cA0eU-oI_qWzRk`,
    }),
  },
  'password-reset': {
    nationCopyOfParticipant: false,
    variables: () => ({
      recipientName: 'Zoé Ferhat-Ménard',
      link: `${SITE}/password/Qm9vay1vZi1leGFtcGxlcy1yZXNldC10b2tlbi0wMDE`,
    }),
  },
  'survey-invitation': { nationCopyOfParticipant: false, variables: surveyOf },
  'survey-reminder': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      ...surveyOf(locale),
      // A supervisor asked about a participant, by the address their name is not known by.
      recipientName: 'j.dupont@defense.gouv.example',
      surveyTitle: FOLLOW_UP[locale],
      closesOn: '2026-09-14',
      link: `${SITE}/survey/T2ZmaWNlci1zdXBlcnZpc29yLWxpbmstMDA3`,
    }),
  },
  'certificate-issued': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'عبد الله الصباح',
      participantName: 'Abdullah Al-Sabah',
      activityTitle: CBRN_COURSE[locale],
      sessionCode: 'CBRN-B-2026-01',
      certificateUrl: `${SITE}/verify/5d0c8f3e-2a17-4b9c-a6e4-93f1b7d2c805`,
      myTrainingUrl: `${SITE}/`,
    }),
  },
  'second-factor-added': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'Zoé L’Hermitte',
      factor: {
        en: 'A passkey named “Work laptop”',
        fr: 'Une clé d’accès nommée « Portable »',
        ar: 'مفتاح مرور باسم «الحاسوب»',
      }[locale],
      link: `${SITE}/account`,
    }),
  },
  'second-factor-removed': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'عبد الله الصباح',
      factor: {
        en: 'An authenticator app',
        fr: 'Une application d’authentification',
        ar: 'تطبيق مصادقة',
      }[locale],
      link: `${SITE}/account`,
    }),
  },
  'second-factors-reset': {
    nationCopyOfParticipant: false,
    variables: () => ({ recipientName: 'Maj. Ahmed Al-Mutairi', link: `${SITE}/account` }),
  },
  'visa-letter-issued': {
    nationCopyOfParticipant: true,
    variables: (locale) => ({
      recipientName: 'Fatima Al-Sabah',
      participantName: 'Maj. Ahmed Al-Mutairi',
      nationName: KUWAIT[locale],
      sessionCode: 'CBRN-B-2026-01',
      activityTitle: CBRN_COURSE[locale],
      dates: { en: '8–12 March 2026', fr: '8–12 mars 2026', ar: '8–12 مارس 2026' }[locale],
      venue: { en: 'Kuwait City', fr: 'Koweït', ar: 'مدينة الكويت' }[locale],
      letterUrl: `${SITE}/verify/letter/Qm9vay1vZi1leGFtcGxlcw`,
      link: `${SITE}/sessions/CBRN-B-2026-01/visa-letters`,
    }),
  },
  'lecturer-letter-issued': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'Amira Haddad',
      sessionCode: 'DLG-GULF-2027',
      activityTitle: CT_COURSE[locale],
      dates: { en: '7–8 March 2027', fr: '7–8 mars 2027', ar: '7–8 مارس 2027' }[locale],
      venue: { en: 'Kuwait City', fr: 'Koweït', ar: 'مدينة الكويت' }[locale],
      role: { en: 'a speaker', fr: 'intervenante', ar: 'متحدثة' }[locale],
      letterUrl: `${SITE}/verify/letter/Qm9vay1vZi1leGFtcGxlcw`,
    }),
  },
  'nation-report': {
    nationCopyOfParticipant: false,
    variables: (locale) => ({
      recipientName: 'Fatima Al-Sabah',
      nationName: KUWAIT[locale],
      sessionCode: 'CBRN-B-2026-01',
      activityTitle: CBRN_COURSE[locale],
      dates: { en: '8–12 March 2026', fr: '8–12 mars 2026', ar: '8–12 مارس 2026' }[locale],
      summary: {
        en: 'Of your 2 officers, 2 completed; attendance 100%. Across the session: 12 participants from 5 nations, 11 completed (91.7%), attendance 96.4%.',
        fr: 'Sur vos 2 officiers, 2 ont terminé ; présence 100 %. Sur l’ensemble de la session : 12 participants de 5 pays, 11 ont terminé (91,7 %), présence 96,4 %.',
        ar: 'من أصل 2 من ضباطكم، أتم الدورة 2؛ نسبة الحضور 100%. على مستوى الدورة: 12 مشاركًا من 5 دول، أتم الدورة 11 (91.7%)، نسبة الحضور 96.4%.',
      }[locale],
      link: `${SITE}/sessions/CBRN-B-2026-01/nation-report`,
    }),
  },
};
