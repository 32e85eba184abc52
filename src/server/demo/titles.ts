import type { LocalizedText } from '../../contract/common.js';

/** French and Arabic titles for the demo courses (the source lists English only). */
export const DEMO_TITLES: Record<string, Omit<LocalizedText, 'en'>> = {
  NRCC: { fr: 'Cours de coopération régionale de l’OTAN', ar: 'دورة التعاون الإقليمي لحلف الناتو' },
  'CTM-CT-2839': {
    fr: 'Cours OTAN de défense contre le terrorisme',
    ar: 'دورة الناتو للدفاع ضد الإرهاب',
  },
  'ETE-SP-31399': { fr: 'Cours OTAN sur le protocole', ar: 'دورة الناتو في المراسم' },
  'WMD-AC-3864': {
    fr: 'Cours sur l’échange d’informations relatives à la maîtrise des armements conventionnels',
    ar: 'دورة تبادل المعلومات في مجال الحد من الأسلحة التقليدية',
  },
  'M5-32': { fr: 'Cours OTAN d’officier d’état-major', ar: 'دورة ضباط الأركان في الناتو' },
  ESSAC: {
    fr: 'Cours de sensibilisation stratégique à la sécurité énergétique',
    ar: 'دورة التوعية الاستراتيجية بأمن الطاقة',
  },
  CEIP: {
    fr: 'Cours sur la protection et la résilience des infrastructures énergétiques critiques',
    ar: 'دورة حماية البنية التحتية الحيوية للطاقة وتعزيز قدرتها على الصمود',
  },
  'CBRN-ICC': {
    fr: 'Cours complet pour commandants d’intervention NRBC',
    ar: 'الدورة الشاملة لقادة الحوادث الكيميائية والبيولوجية والإشعاعية والنووية',
  },
  'LL-SO': {
    fr: 'Cours OTAN pour officiers d’état-major en retour d’expérience',
    ar: 'دورة ضباط الأركان في الدروس المستفادة',
  },
  'MARSEC-MTT': { fr: 'Cours de sûreté maritime', ar: 'دورة الأمن البحري' },
  MIO: { fr: 'Cours d’opérations d’interdiction maritime', ar: 'دورة عمليات الاعتراض البحري' },
  MSA: { fr: 'Cours de connaissance de la situation maritime', ar: 'دورة الوعي بالوضع البحري' },
  'CBRN-FR-TTT': {
    fr: 'Cours NRBCe/HAZMAT pour primo-intervenants (formation de formateurs)',
    ar: 'دورة المستجيبين الأوائل للمواد الخطرة (تدريب المدربين)',
  },
  'CBRN-AFR': {
    fr: 'Sensibilisation NRBC pour primo-intervenants',
    ar: 'التوعية بالمخاطر الكيميائية والبيولوجية للمستجيبين الأوائل',
  },
  'WMD-MD-21243': {
    fr: 'Introduction au programme international de formation NRBC',
    ar: 'مقدمة في المنهج الدولي للتدريب الكيميائي والبيولوجي والإشعاعي والنووي',
  },
  'WMD-CD-31766': { fr: 'Cours avancé I-RAPTER', ar: 'دورة I-RAPTER المتقدمة' },
  'CIRT-ADV': {
    fr: 'Formation avancée en cyberdéfense pour les équipes de réponse aux incidents',
    ar: 'تدريب متقدم في الدفاع السيبراني لفرق الاستجابة للحوادث',
  },
  'CEI-TTX': {
    fr: 'Exercice sur table OTAN-ICI sur les infrastructures énergétiques critiques',
    ar: 'تمرين الطاولة للناتو ومبادرة إسطنبول حول البنية التحتية الحيوية للطاقة',
  },
  'CYB-AWR': {
    fr: 'Cours de sensibilisation à la cyberdéfense',
    ar: 'دورة التوعية بالدفاع السيبراني',
  },
  'DLG-GULF': {
    fr: 'Dialogue sur la sécurité du Golfe : terrorisme, prolifération et cybermenaces',
    ar: 'حوار أمن الخليج: الإرهاب والانتشار والتهديدات السيبرانية',
  },
};
