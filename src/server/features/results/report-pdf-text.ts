import type { Locale } from '../../../contract/common.js';
import type { ResultStatus } from '../../../contract/delivery.js';

/** The report PDF's wording, made on the server, in the reader's language. */
export interface ReportWords {
  title: string;
  session: string;
  dates: string;
  venue: string;
  director: string;
  instructors: string;
  generated: string;
  rule: (percent: number) => string;
  closed: string;
  open: string;
  scoped: (nation: string) => string;
  byNation: string;
  nation: string;
  participants: string;
  total: string;
  unconfirmed: string;
  participantList: string;
  name: string;
  rank: string;
  attendance: string;
  result: string;
  proposed: string;
  scores: string;
  attendanceByDay: string;
  day: string;
  present: string;
  absent: string;
  excused: string;
  unmarked: string;
  rate: string;
  overallRate: (rate: string) => string;
  sessionWide: string;
  sessionWideFigures: (
    participants: number,
    nations: number,
    completed: number,
    completionRate: string,
    attendanceRate: string,
  ) => string;
  /** The same for an event, exercise or visit: attended, never completed. */
  sessionWideAttendance: (participants: number, nations: number, attendanceRate: string) => string;
  evaluation: string;
  level1: string;
  responses: (responses: number, invited: number, rate: string) => string;
  question: string;
  mean: string;
  answers: string;
  level2: string;
  level2Means: (scored: number, pre: string, post: string) => string;
  noEvaluation: string;
  comments: string;
  noComments: string;
  none: string;
  status: Record<ResultStatus, string>;
}

export const REPORT_WORDS: Record<Locale, ReportWords> = {
  en: {
    title: 'Post-course report',
    session: 'Session',
    dates: 'Dates',
    venue: 'Venue',
    director: 'Course director',
    instructors: 'Instructors',
    generated: 'Generated',
    rule: (p) => `Completion rule: present on at least ${p}% of the days`,
    closed: 'Results closed',
    open: 'Results not yet closed',
    scoped: (n) => `Participants of ${n} only`,
    byNation: 'Participants by nation',
    nation: 'Nation',
    participants: 'Participants',
    total: 'Total',
    unconfirmed: 'Not confirmed',
    participantList: 'Results',
    name: 'Name',
    rank: 'Rank',
    attendance: 'Attendance',
    result: 'Result',
    proposed: 'proposed',
    scores: 'Pre / post',
    attendanceByDay: 'Attendance per day',
    day: 'Day',
    present: 'Present',
    absent: 'Absent',
    excused: 'Excused',
    unmarked: 'Not marked',
    rate: 'Rate',
    overallRate: (r) => `Overall attendance: ${r}`,
    sessionWide: 'The whole session',
    sessionWideFigures: (p, n, c, cr, ar) =>
      `${p} participants from ${n} nations; ${c} completed (${cr}); attendance ${ar}.`,
    sessionWideAttendance: (p, n, ar) => `${p} participants from ${n} nations; attendance ${ar}.`,
    evaluation: 'Evaluation',
    level1: 'Level 1 (reaction)',
    responses: (n, i, r) => `${n} answers from ${i} invited (${r})`,
    question: 'Question',
    mean: 'Mean (1-5)',
    answers: 'Answers',
    level2: 'Level 2 (learning)',
    level2Means: (n, pre, post) => `${n} scored; mean pre-test ${pre}, mean post-test ${post}`,
    noEvaluation: 'No evaluation data yet.',
    comments: "Course director's comments",
    noComments: 'No comments.',
    none: '—',
    status: {
      completed: 'Completed',
      'partially-attended': 'Partially attended',
      failed: 'Failed',
      'no-show': 'No-show',
      withdrawn: 'Withdrawn',
    },
  },
  fr: {
    title: 'Rapport de fin de stage',
    session: 'Session',
    dates: 'Dates',
    venue: 'Lieu',
    director: 'Directeur du stage',
    instructors: 'Instructeurs',
    generated: 'Établi le',
    rule: (p) => `Règle de réussite : présent au moins ${p} % des jours`,
    closed: 'Résultats clôturés',
    open: 'Résultats pas encore clôturés',
    scoped: (n) => `Participants de ${n} uniquement`,
    byNation: 'Participants par nation',
    nation: 'Nation',
    participants: 'Participants',
    total: 'Total',
    unconfirmed: 'Non confirmés',
    participantList: 'Résultats',
    name: 'Nom',
    rank: 'Grade',
    attendance: 'Présence',
    result: 'Résultat',
    proposed: 'proposé',
    scores: 'Avant / après',
    attendanceByDay: 'Présence par jour',
    day: 'Jour',
    present: 'Présents',
    absent: 'Absents',
    excused: 'Excusés',
    unmarked: 'Non saisis',
    rate: 'Taux',
    overallRate: (r) => `Présence globale : ${r}`,
    sessionWide: 'Ensemble de la session',
    sessionWideFigures: (p, n, c, cr, ar) =>
      `${p} participants de ${n} pays ; ${c} ont terminé (${cr}) ; présence ${ar}.`,
    sessionWideAttendance: (p, n, ar) => `${p} participants de ${n} pays ; présence ${ar}.`,
    evaluation: 'Évaluation',
    level1: 'Niveau 1 (réaction)',
    responses: (n, i, r) => `${n} réponses sur ${i} invités (${r})`,
    question: 'Question',
    mean: 'Moyenne (1-5)',
    answers: 'Réponses',
    level2: 'Niveau 2 (apprentissage)',
    level2Means: (n, pre, post) => `${n} notés ; moyenne avant ${pre}, moyenne après ${post}`,
    noEvaluation: "Pas encore de données d'évaluation.",
    comments: 'Commentaires du directeur du stage',
    noComments: 'Aucun commentaire.',
    none: '—',
    status: {
      completed: 'Terminé',
      'partially-attended': 'Présence partielle',
      failed: 'Échec',
      'no-show': 'Absent',
      withdrawn: 'Retiré',
    },
  },
  ar: {
    title: 'تقرير ما بعد الدورة',
    session: 'الدورة',
    dates: 'التواريخ',
    venue: 'المكان',
    director: 'مدير الدورة',
    instructors: 'المدربون',
    generated: 'تاريخ الإعداد',
    rule: (p) => `قاعدة الإتمام: الحضور في ${p}% من الأيام على الأقل`,
    closed: 'النتائج مغلقة',
    open: 'النتائج لم تُغلق بعد',
    scoped: (n) => `المشاركون من ${n} فقط`,
    byNation: 'المشاركون حسب الدولة',
    nation: 'الدولة',
    participants: 'المشاركون',
    total: 'المجموع',
    unconfirmed: 'غير مؤكد',
    participantList: 'النتائج',
    name: 'الاسم',
    rank: 'الرتبة',
    attendance: 'الحضور',
    result: 'النتيجة',
    proposed: 'مقترح',
    scores: 'قبلي / بعدي',
    attendanceByDay: 'الحضور حسب اليوم',
    day: 'اليوم',
    present: 'حاضر',
    absent: 'غائب',
    excused: 'معذور',
    unmarked: 'غير مسجل',
    rate: 'النسبة',
    overallRate: (r) => `نسبة الحضور الإجمالية: ${r}`,
    sessionWide: 'الدورة بأكملها',
    sessionWideFigures: (p, n, c, cr, ar) =>
      `${p} مشاركًا من ${n} دول؛ أتم الدورة ${c} (${cr})؛ نسبة الحضور ${ar}.`,
    sessionWideAttendance: (p, n, ar) => `${p} مشاركًا من ${n} دول؛ نسبة الحضور ${ar}.`,
    evaluation: 'التقييم',
    level1: 'المستوى 1 (الانطباع)',
    responses: (n, i, r) => `${n} إجابة من ${i} مدعو (${r})`,
    question: 'السؤال',
    mean: 'المتوسط (1-5)',
    answers: 'الإجابات',
    level2: 'المستوى 2 (التعلم)',
    level2Means: (n, pre, post) =>
      `${n} بدرجات؛ متوسط الاختبار القبلي ${pre}، متوسط الاختبار البعدي ${post}`,
    noEvaluation: 'لا توجد بيانات تقييم بعد.',
    comments: 'ملاحظات مدير الدورة',
    noComments: 'لا توجد ملاحظات.',
    none: '—',
    status: {
      completed: 'أتم الدورة',
      'partially-attended': 'حضور جزئي',
      failed: 'لم ينجح',
      'no-show': 'لم يحضر',
      withdrawn: 'منسحب',
    },
  },
};
