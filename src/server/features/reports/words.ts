import type { Locale } from '../../../contract/common.js';
import type { ReportGrouping } from '../../../contract/reports.js';

export interface ReportWords {
  groups: Record<ReportGrouping, string>;
  code: string;
  trained: string;
  selected: string;
  nominated: string;
  capacity: string;
  completed: string;
  noShow: string;
  /** Submitted nominations ended by a cancelled session. */
  sessionCancelled: string;
  fillRate: string;
  noShowRate: string;
  completionRate: string;
  activityCode: string;
  activity: string;
  discipline: string;
  year: string;
  responses: string;
  meanScore: string;
  nationCode: string;
  nation: string;
  planned: string;
  deliveryRate: string;
  sheets: { trained: string; rates: string; evaluations: string; delivery: string };
  annualTitle: (nation: string, year: number) => string;
  trainedByDiscipline: string;
  ratesByDiscipline: string;
  programmeDelivery: string;
  nothing: string;
  generated: string;
}

// The downloads and the PDF are made on the server, so their words live here.
export const REPORT_WORDS: Record<Locale, ReportWords> = {
  en: {
    groups: { nation: 'Nation', discipline: 'Discipline', provider: 'Provider', year: 'Year' },
    code: 'Code',
    trained: 'Trained',
    selected: 'Selected',
    nominated: 'Nominated',
    capacity: 'Seats',
    completed: 'Completed',
    noShow: 'No-shows',
    sessionCancelled: 'Session cancelled',
    fillRate: 'Fill rate (%)',
    noShowRate: 'No-show rate (%)',
    completionRate: 'Completion rate (%)',
    activityCode: 'Activity code',
    activity: 'Activity',
    discipline: 'Discipline',
    year: 'Year',
    responses: 'Responses',
    meanScore: 'Mean score (1-5)',
    nationCode: 'Nation code',
    nation: 'Nation',
    planned: 'Seats planned',
    deliveryRate: 'Delivered (%)',
    sheets: {
      trained: 'Trained people',
      rates: 'Rates',
      evaluations: 'Evaluations',
      delivery: 'Programme delivery',
    },
    annualTitle: (nation, year) => `Annual training report ${year}: ${nation}`,
    trainedByDiscipline: 'People trained by discipline',
    ratesByDiscipline: 'Fill, no-show and completion rates by discipline',
    programmeDelivery: 'Programme delivery',
    nothing: 'Nothing to report.',
    generated: 'Generated',
  },
  fr: {
    groups: {
      nation: 'Nation',
      discipline: 'Discipline',
      provider: 'Prestataire',
      year: 'Année',
    },
    code: 'Code',
    trained: 'Formés',
    selected: 'Sélectionnés',
    nominated: 'Proposés',
    capacity: 'Places',
    completed: 'Terminé',
    noShow: 'Absents',
    sessionCancelled: 'Session annulée',
    fillRate: 'Taux de remplissage (%)',
    noShowRate: "Taux d'absence (%)",
    completionRate: 'Taux de réussite (%)',
    activityCode: "Code de l'activité",
    activity: 'Activité',
    discipline: 'Discipline',
    year: 'Année',
    responses: 'Réponses',
    meanScore: 'Note moyenne (1-5)',
    nationCode: 'Code de la nation',
    nation: 'Nation',
    planned: 'Places prévues',
    deliveryRate: 'Réalisé (%)',
    sheets: {
      trained: 'Personnes formées',
      rates: 'Taux',
      evaluations: 'Évaluations',
      delivery: 'Réalisation du programme',
    },
    annualTitle: (nation, year) => `Rapport annuel de formation ${year} : ${nation}`,
    trainedByDiscipline: 'Personnes formées par discipline',
    ratesByDiscipline: "Taux de remplissage, d'absence et de réussite par discipline",
    programmeDelivery: 'Réalisation du programme',
    nothing: 'Rien à signaler.',
    generated: 'Produit le',
  },
  ar: {
    groups: { nation: 'الدولة', discipline: 'المجال', provider: 'الجهة المقدمة', year: 'السنة' },
    code: 'الرمز',
    trained: 'المتدربون',
    selected: 'المختارون',
    nominated: 'المرشحون',
    capacity: 'المقاعد',
    completed: 'أتموا',
    noShow: 'المتغيبون',
    sessionCancelled: 'أُلغيت الدورة',
    fillRate: 'نسبة الإشغال (%)',
    noShowRate: 'نسبة الغياب (%)',
    completionRate: 'نسبة الإتمام (%)',
    activityCode: 'رمز النشاط',
    activity: 'النشاط',
    discipline: 'المجال',
    year: 'السنة',
    responses: 'الردود',
    meanScore: 'متوسط التقييم (1-5)',
    nationCode: 'رمز الدولة',
    nation: 'الدولة',
    planned: 'المقاعد المخططة',
    deliveryRate: 'المنجز (%)',
    sheets: {
      trained: 'المتدربون',
      rates: 'النسب',
      evaluations: 'التقييمات',
      delivery: 'تنفيذ البرنامج',
    },
    annualTitle: (nation, year) => `التقرير السنوي للتدريب ${year}: ${nation}`,
    trainedByDiscipline: 'المتدربون حسب المجال',
    ratesByDiscipline: 'نسب الإشغال والغياب والإتمام حسب المجال',
    programmeDelivery: 'تنفيذ البرنامج',
    nothing: 'لا يوجد ما يُبلغ عنه.',
    generated: 'أُعدّ في',
  },
};
