import type { DELIVERY_METHODS, Prerequisites } from '../../../contract/catalogue.js';

type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export type CatalogueLanguage = 'en' | 'fr' | 'ar';

/** The catalogue's fixed wording in each of its three languages. */
export const WORDING = {
  en: {
    title: (year: number) => `Training catalogue ${year}`,
    intro:
      'The courses the centre offers this year that are open to the public, with their sessions.',
    howToApplyTitle: 'How to apply',
    howToApply:
      "Candidates are nominated by their nation: ask your nation's point of contact (NPOC) to nominate you for a session before its nomination deadline. The centre confirms places by the nation's quota.",
    duration: (days: number) => `${days} working day${days === 1 ? '' : 's'}`,
    sessions: 'Sessions',
    prerequisites: 'Prerequisites',
    none: 'None',
    language: 'Language',
    delivery: {
      residential: 'Residential, at the centre',
      'mobile-training-team': 'Mobile training team, in the host nation',
      online: 'Online',
      blended: 'Blended',
    } satisfies Record<DeliveryMethod, string>,
    civilians: 'Military only',
    ranks: (min: string | null, max: string | null) =>
      `Ranks ${min ?? '…'} to ${max ?? '…'} (NATO codes)`,
    clearance: (level: string) => `Security clearance ${level} or higher`,
    languages: (list: string) => `Language profile (STANAG 6001): ${list}`,
    courses: (list: string) => `Completed first: ${list}`,
  },
  fr: {
    title: (year: number) => `Catalogue des formations ${year}`,
    intro: 'Les formations que le centre propose cette année au public, avec leurs sessions.',
    howToApplyTitle: 'Comment postuler',
    howToApply:
      'Les candidats sont désignés par leur nation : demandez au point de contact national (NPOC) de vous désigner pour une session avant la date limite. Le centre confirme les places selon le quota de la nation.',
    duration: (days: number) =>
      `${days} jour${days === 1 ? '' : 's'} ouvré${days === 1 ? '' : 's'}`,
    sessions: 'Sessions',
    prerequisites: 'Prérequis',
    none: 'Aucun',
    language: 'Langue',
    delivery: {
      residential: 'En résidence, au centre',
      'mobile-training-team': 'Équipe mobile, dans la nation hôte',
      online: 'En ligne',
      blended: 'Mixte',
    } satisfies Record<DeliveryMethod, string>,
    civilians: 'Militaires uniquement',
    ranks: (min: string | null, max: string | null) =>
      `Grades ${min ?? '…'} à ${max ?? '…'} (codes OTAN)`,
    clearance: (level: string) => `Habilitation ${level} ou supérieure`,
    languages: (list: string) => `Profil linguistique (STANAG 6001) : ${list}`,
    courses: (list: string) => `Suivi au préalable : ${list}`,
  },
  ar: {
    title: (year: number) => `دليل الدورات التدريبية ${year}`,
    intro: 'الدورات التي يقدمها المركز هذا العام والمتاحة للعموم، مع مواعيد انعقادها.',
    howToApplyTitle: 'طريقة التقديم',
    howToApply:
      'ترشح كل دولة مرشحيها: اطلب من نقطة الاتصال الوطنية ترشيحك لإحدى الدورات قبل الموعد النهائي للترشيح. ويؤكد المركز المقاعد وفق حصة الدولة.',
    duration: (days: number) => `${days} يوم عمل`,
    sessions: 'مواعيد الانعقاد',
    prerequisites: 'المتطلبات المسبقة',
    none: 'لا يوجد',
    language: 'اللغة',
    delivery: {
      residential: 'حضوري في المركز',
      'mobile-training-team': 'فريق تدريب متنقل في الدولة المضيفة',
      online: 'عن بعد',
      blended: 'مدمج',
    } satisfies Record<DeliveryMethod, string>,
    civilians: 'للعسكريين فقط',
    ranks: (min: string | null, max: string | null) =>
      `الرتب من ${min ?? '…'} إلى ${max ?? '…'} (رموز الناتو)`,
    clearance: (level: string) => `تصريح أمني ${level} أو أعلى`,
    languages: (list: string) => `المستوى اللغوي (STANAG 6001): ${list}`,
    courses: (list: string) => `اجتياز مسبق لـ: ${list}`,
  },
} as const;

/** An activity's prerequisites as sentences in one language; none is one word. */
export function prerequisiteLines(p: Prerequisites, language: CatalogueLanguage): string[] {
  const w = WORDING[language];
  const lines: string[] = [];
  if (p.rankMin || p.rankMax) lines.push(w.ranks(p.rankMin, p.rankMax));
  if (!p.civiliansAllowed) lines.push(w.civilians);
  if (p.clearance !== 'NONE') lines.push(w.clearance(p.clearance));
  if (p.languages.length > 0) {
    lines.push(w.languages(p.languages.map((l) => `${l.language} ${l.minimum}`).join(', ')));
  }
  if (p.courses.length > 0) lines.push(w.courses(p.courses.join(', ')));
  if (p.extra) lines.push(p.extra);
  return lines.length > 0 ? lines : [w.none];
}
