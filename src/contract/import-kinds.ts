import { z } from 'zod';

// The columns of each kind of import besides people, and their headers in three languages:
// the template is written with the reader's, and a file's headers are matched against all three.

export type ImportHeaders = { en: string; fr: string; ar: string };

/** Catalogue activities; titles in three languages, one column each. */
export const ACTIVITY_COLUMNS = [
  'code',
  'type',
  'titleEn',
  'titleFr',
  'titleAr',
  'disciplineCode',
  'providerCode',
  'delivery',
  'durationDays',
  'audience',
  'language',
  'classification',
  'defaultCapacity',
  'status',
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

export const REQUIRED_ACTIVITY_COLUMNS: readonly ActivityColumn[] = [
  'code',
  'type',
  'titleEn',
  'disciplineCode',
  'providerCode',
  'delivery',
  'durationDays',
];

export const ACTIVITY_HEADERS: Record<ActivityColumn, ImportHeaders> = {
  code: { en: 'Activity code', fr: "Code de l'activité", ar: 'رمز النشاط' },
  type: { en: 'Type', fr: 'Type', ar: 'النوع' },
  titleEn: { en: 'Title (English)', fr: 'Titre (anglais)', ar: 'العنوان (بالإنجليزية)' },
  titleFr: { en: 'Title (French)', fr: 'Titre (français)', ar: 'العنوان (بالفرنسية)' },
  titleAr: { en: 'Title (Arabic)', fr: 'Titre (arabe)', ar: 'العنوان (بالعربية)' },
  disciplineCode: { en: 'Discipline code', fr: 'Code de la discipline', ar: 'رمز التخصص' },
  providerCode: { en: 'Provider code', fr: 'Code du prestataire', ar: 'رمز الجهة المنفذة' },
  delivery: { en: 'Delivery', fr: 'Mode de formation', ar: 'طريقة التنفيذ' },
  durationDays: { en: 'Duration (days)', fr: 'Durée (jours)', ar: 'المدة (أيام)' },
  audience: { en: 'Audience', fr: 'Public', ar: 'الفئة المستهدفة' },
  language: { en: 'Language', fr: 'Langue', ar: 'اللغة' },
  classification: { en: 'Classification', fr: 'Classification', ar: 'التصنيف الأمني' },
  defaultCapacity: { en: 'Default capacity', fr: 'Capacité par défaut', ar: 'السعة الافتراضية' },
  status: { en: 'Status', fr: 'Statut', ar: 'الحالة' },
};

/**
 * Sessions with their quotas. Quotas are one cell, "KWT:4; QAT:2", not a column per nation: the
 * columns stay the same for every centre, so the template and header matching need no nation list.
 */
export const SESSION_COLUMNS = [
  'code',
  'activityCode',
  'venueCode',
  'startDate',
  'endDate',
  'capacity',
  'nominationOpens',
  'nominationCloses',
  'quotaReleaseOn',
  'quotas',
  'language',
  'notes',
] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number];

export const REQUIRED_SESSION_COLUMNS: readonly SessionColumn[] = [
  'code',
  'activityCode',
  'venueCode',
  'startDate',
  'endDate',
  'capacity',
  'nominationOpens',
  'nominationCloses',
];

export const SESSION_HEADERS: Record<SessionColumn, ImportHeaders> = {
  code: { en: 'Session code', fr: 'Code de la session', ar: 'رمز الدورة' },
  activityCode: { en: 'Activity code', fr: "Code de l'activité", ar: 'رمز النشاط' },
  venueCode: { en: 'Venue code', fr: 'Code du lieu', ar: 'رمز المكان' },
  startDate: { en: 'Start date', fr: 'Date de début', ar: 'تاريخ البدء' },
  endDate: { en: 'End date', fr: 'Date de fin', ar: 'تاريخ الانتهاء' },
  capacity: { en: 'Capacity', fr: 'Capacité', ar: 'السعة' },
  nominationOpens: {
    en: 'Nominations open',
    fr: 'Ouverture des candidatures',
    ar: 'بدء الترشيحات',
  },
  nominationCloses: {
    en: 'Nominations close',
    fr: 'Clôture des candidatures',
    ar: 'انتهاء الترشيحات',
  },
  quotaReleaseOn: {
    en: 'Quota release date',
    fr: 'Libération des quotas',
    ar: 'تاريخ تحرير الحصص',
  },
  quotas: { en: 'Quotas', fr: 'Quotas', ar: 'الحصص' },
  language: { en: 'Language', fr: 'Langue', ar: 'اللغة' },
  notes: { en: 'Notes', fr: 'Remarques', ar: 'ملاحظات' },
};

/** A nation's points of contact. */
export const CONTACT_COLUMNS = [
  'nationCode',
  'name',
  'position',
  'email',
  'phone',
  'primary',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

export const REQUIRED_CONTACT_COLUMNS: readonly ContactColumn[] = ['name'];

export const CONTACT_HEADERS: Record<ContactColumn, ImportHeaders> = {
  nationCode: { en: 'Nation', fr: 'Nation', ar: 'الدولة' },
  name: { en: 'Name', fr: 'Nom', ar: 'الاسم' },
  position: { en: 'Position', fr: 'Fonction', ar: 'الوظيفة' },
  email: { en: 'E-mail', fr: 'Courriel', ar: 'البريد الإلكتروني' },
  phone: { en: 'Phone', fr: 'Téléphone', ar: 'الهاتف' },
  primary: { en: 'Primary contact', fr: 'Contact principal', ar: 'جهة الاتصال الرئيسية' },
};

/** Why a row looks like a record that exists. */
export const IMPORT_DUPLICATE_REASONS = [
  'email',
  'latin_name',
  'arabic_name',
  'passport',
  'code',
  'activity_start',
] as const;
export const ImportDuplicateReason = z.enum(IMPORT_DUPLICATE_REASONS);
export type ImportDuplicateReason = z.infer<typeof ImportDuplicateReason>;
