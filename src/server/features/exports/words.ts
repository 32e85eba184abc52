import type { Locale } from '../../../contract/common.js';

/** Every header a list export may carry. */
export type Header =
  | 'familyNameLatin'
  | 'givenNamesLatin'
  | 'familyNameArabic'
  | 'givenNamesArabic'
  | 'nameLatin'
  | 'nameArabic'
  | 'nation'
  | 'service'
  | 'rankCode'
  | 'rankTitle'
  | 'position'
  | 'email'
  | 'phone'
  | 'languages'
  | 'clearance'
  | 'clearanceExpires'
  | 'dateOfBirth'
  | 'hasAccount'
  | 'created'
  | 'updated'
  | 'session'
  | 'code'
  | 'activityCode'
  | 'activity'
  | 'title'
  | 'type'
  | 'discipline'
  | 'provider'
  | 'delivery'
  | 'durationDays'
  | 'language'
  | 'openSessions'
  | 'startDate'
  | 'endDate'
  | 'venue'
  | 'timeZone'
  | 'status'
  | 'nominationOpens'
  | 'nominationCloses'
  | 'capacity'
  | 'seatsTaken'
  | 'seatsLeft'
  | 'myQuota'
  | 'priority'
  | 'seatSource'
  | 'eligible'
  | 'overridden'
  | 'submitted'
  | 'decisionReason'
  | 'waitlistPosition'
  | 'displayName'
  | 'roles'
  | 'locale'
  | 'active'
  | 'ssoOnly'
  | 'lastSignIn'
  | 'id'
  | 'at'
  | 'actor'
  | 'action'
  | 'entityType'
  | 'entityId'
  | 'before'
  | 'after'
  | 'requestId'
  | 'event'
  | 'to'
  | 'subject'
  | 'attempts'
  | 'nextAttempt'
  | 'lastError'
  | 'sent'
  | 'startYear'
  | 'endYear'
  | 'version'
  | 'agreed'
  | 'nominationStatus'
  | 'days'
  | 'present'
  | 'absent'
  | 'excused'
  | 'unmarked'
  | 'proposed'
  | 'confirmedBy'
  | 'confirmed'
  | 'preTest'
  | 'postTest'
  | 'question'
  | 'kind'
  | 'answered'
  | 'mean'
  | 'answer'
  | 'count';

export interface ExportWords {
  headers: Record<Header, string>;
  yes: string;
  no: string;
  /** Instants are written in UTC; the header says so. */
  utc: string;
  sheets: Record<ExportList, string>;
}

/** The lists that export, named as files and sheets. */
export type ExportList =
  | 'participants'
  | 'nominations'
  | 'sessions'
  | 'activities'
  | 'users'
  | 'audit'
  | 'outbox'
  | 'programmes'
  | 'attendance'
  | 'results'
  | 'surveyAnswers';

// The files are made on the server, so their words live here rather than in the web app.
export const EXPORT_WORDS: Record<Locale, ExportWords> = {
  en: {
    headers: {
      familyNameLatin: 'Family name',
      givenNamesLatin: 'Given names',
      familyNameArabic: 'Family name (Arabic)',
      givenNamesArabic: 'Given names (Arabic)',
      nameLatin: 'Name',
      nameArabic: 'Name (Arabic)',
      nation: 'Nation',
      service: 'Service',
      rankCode: 'Rank code',
      rankTitle: 'Rank',
      position: 'Position',
      email: 'E-mail',
      phone: 'Phone',
      languages: 'Languages',
      clearance: 'Clearance',
      clearanceExpires: 'Clearance expires',
      dateOfBirth: 'Date of birth',
      hasAccount: 'Has an account',
      created: 'Created',
      updated: 'Updated',
      session: 'Session',
      code: 'Code',
      activityCode: 'Activity code',
      activity: 'Activity',
      title: 'Title',
      type: 'Type',
      discipline: 'Discipline',
      provider: 'Provider',
      delivery: 'Delivery',
      durationDays: 'Duration (days)',
      language: 'Language',
      openSessions: 'Sessions open for nominations',
      startDate: 'Start',
      endDate: 'End',
      venue: 'Venue',
      timeZone: 'Time zone',
      status: 'Status',
      nominationOpens: 'Nominations open',
      nominationCloses: 'Nominations close',
      capacity: 'Seats',
      seatsTaken: 'Seats taken',
      seatsLeft: 'Seats left',
      myQuota: 'Your quota',
      priority: 'Priority',
      seatSource: 'Seat from',
      eligible: 'Eligible',
      overridden: 'Eligibility overridden',
      submitted: 'Submitted',
      decisionReason: 'Reason',
      waitlistPosition: 'Waitlist position',
      displayName: 'Name',
      roles: 'Roles',
      locale: 'Language',
      active: 'Active',
      ssoOnly: 'Single sign-on only',
      lastSignIn: 'Last sign-in',
      id: 'Id',
      at: 'When',
      actor: 'Who',
      action: 'Action',
      entityType: 'Record type',
      entityId: 'Record',
      before: 'Before',
      after: 'After',
      requestId: 'Request',
      event: 'Event',
      to: 'To',
      subject: 'Subject',
      attempts: 'Attempts',
      nextAttempt: 'Next attempt',
      lastError: 'Last error',
      sent: 'Sent',
      startYear: 'From year',
      endYear: 'To year',
      version: 'Version',
      agreed: 'Agreed',
      nominationStatus: 'Nomination',
      days: 'Days held',
      present: 'Present',
      absent: 'Absent',
      excused: 'Excused',
      unmarked: 'Not marked',
      proposed: 'Proposed result',
      confirmedBy: 'Confirmed by',
      confirmed: 'Confirmed',
      preTest: 'Pre-test score',
      postTest: 'Post-test score',
      question: 'Question',
      kind: 'Kind',
      answered: 'Answered',
      mean: 'Mean (1-5)',
      answer: 'Answer',
      count: 'Count',
    },
    yes: 'Yes',
    no: 'No',
    utc: 'UTC',
    sheets: {
      participants: 'People',
      nominations: 'Nominations',
      sessions: 'Sessions',
      activities: 'Catalogue',
      users: 'Users',
      audit: 'Audit trail',
      outbox: 'Outbox',
      programmes: 'Programmes',
      attendance: 'Attendance',
      results: 'Results',
      surveyAnswers: 'Survey answers',
    },
  },
  fr: {
    headers: {
      familyNameLatin: 'Nom',
      givenNamesLatin: 'Prénoms',
      familyNameArabic: 'Nom (arabe)',
      givenNamesArabic: 'Prénoms (arabe)',
      nameLatin: 'Nom',
      nameArabic: 'Nom (arabe)',
      nation: 'Nation',
      service: 'Armée',
      rankCode: 'Code du grade',
      rankTitle: 'Grade',
      position: 'Fonction',
      email: 'Courriel',
      phone: 'Téléphone',
      languages: 'Langues',
      clearance: 'Habilitation',
      clearanceExpires: "Fin de l'habilitation",
      dateOfBirth: 'Date de naissance',
      hasAccount: 'A un compte',
      created: 'Créé le',
      updated: 'Modifié le',
      session: 'Session',
      code: 'Code',
      activityCode: "Code de l'activité",
      activity: 'Activité',
      title: 'Titre',
      type: 'Type',
      discipline: 'Discipline',
      provider: 'Prestataire',
      delivery: 'Modalité',
      durationDays: 'Durée (jours)',
      language: 'Langue',
      openSessions: 'Sessions ouvertes aux candidatures',
      startDate: 'Début',
      endDate: 'Fin',
      venue: 'Lieu',
      timeZone: 'Fuseau horaire',
      status: 'État',
      nominationOpens: 'Ouverture des candidatures',
      nominationCloses: 'Clôture des candidatures',
      capacity: 'Places',
      seatsTaken: 'Places prises',
      seatsLeft: 'Places restantes',
      myQuota: 'Votre quota',
      priority: 'Priorité',
      seatSource: 'Place prise sur',
      eligible: 'Éligible',
      overridden: 'Éligibilité forcée',
      submitted: 'Soumise le',
      decisionReason: 'Motif',
      waitlistPosition: "Rang en liste d'attente",
      displayName: 'Nom',
      roles: 'Rôles',
      locale: 'Langue',
      active: 'Actif',
      ssoOnly: 'Authentification unique seulement',
      lastSignIn: 'Dernière connexion',
      id: 'Identifiant',
      at: 'Quand',
      actor: 'Qui',
      action: 'Action',
      entityType: "Type d'enregistrement",
      entityId: 'Enregistrement',
      before: 'Avant',
      after: 'Après',
      requestId: 'Requête',
      event: 'Événement',
      to: 'Destinataire',
      subject: 'Objet',
      attempts: 'Tentatives',
      nextAttempt: 'Prochaine tentative',
      lastError: 'Dernière erreur',
      sent: 'Envoyé le',
      startYear: 'De',
      endYear: 'À',
      version: 'Version',
      agreed: 'Approuvé le',
      nominationStatus: 'Candidature',
      days: 'Jours tenus',
      present: 'Présent',
      absent: 'Absent',
      excused: 'Excusé',
      unmarked: 'Non pointé',
      proposed: 'Résultat proposé',
      confirmedBy: 'Confirmé par',
      confirmed: 'Confirmé le',
      preTest: 'Note au pré-test',
      postTest: 'Note au post-test',
      question: 'Question',
      kind: 'Genre',
      answered: 'Réponses',
      mean: 'Moyenne (1-5)',
      answer: 'Réponse',
      count: 'Nombre',
    },
    yes: 'Oui',
    no: 'Non',
    utc: 'UTC',
    sheets: {
      participants: 'Personnes',
      nominations: 'Candidatures',
      sessions: 'Sessions',
      activities: 'Catalogue',
      users: 'Utilisateurs',
      audit: "Journal d'audit",
      outbox: "File d'envoi",
      programmes: 'Programmes',
      attendance: 'Présences',
      results: 'Résultats',
      surveyAnswers: 'Réponses aux enquêtes',
    },
  },
  ar: {
    headers: {
      familyNameLatin: 'اسم العائلة',
      givenNamesLatin: 'الاسم الأول',
      familyNameArabic: 'اسم العائلة (بالعربية)',
      givenNamesArabic: 'الاسم الأول (بالعربية)',
      nameLatin: 'الاسم',
      nameArabic: 'الاسم (بالعربية)',
      nation: 'الدولة',
      service: 'الجهة',
      rankCode: 'رمز الرتبة',
      rankTitle: 'الرتبة',
      position: 'المنصب',
      email: 'البريد الإلكتروني',
      phone: 'الهاتف',
      languages: 'اللغات',
      clearance: 'التصريح الأمني',
      clearanceExpires: 'انتهاء التصريح',
      dateOfBirth: 'تاريخ الميلاد',
      hasAccount: 'لديه حساب',
      created: 'تاريخ الإنشاء',
      updated: 'تاريخ التعديل',
      session: 'الدورة',
      code: 'الرمز',
      activityCode: 'رمز النشاط',
      activity: 'النشاط',
      title: 'العنوان',
      type: 'النوع',
      discipline: 'المجال',
      provider: 'الجهة المنفذة',
      delivery: 'طريقة التنفيذ',
      durationDays: 'المدة (أيام)',
      language: 'اللغة',
      openSessions: 'دورات مفتوحة للترشيح',
      startDate: 'البداية',
      endDate: 'النهاية',
      venue: 'المكان',
      timeZone: 'المنطقة الزمنية',
      status: 'الحالة',
      nominationOpens: 'فتح الترشيح',
      nominationCloses: 'إغلاق الترشيح',
      capacity: 'المقاعد',
      seatsTaken: 'المقاعد المشغولة',
      seatsLeft: 'المقاعد المتبقية',
      myQuota: 'حصتكم',
      priority: 'الأولوية',
      seatSource: 'مصدر المقعد',
      eligible: 'مؤهل',
      overridden: 'تجاوز الأهلية',
      submitted: 'تاريخ التقديم',
      decisionReason: 'السبب',
      waitlistPosition: 'الترتيب في قائمة الانتظار',
      displayName: 'الاسم',
      roles: 'الأدوار',
      locale: 'اللغة',
      active: 'نشط',
      ssoOnly: 'الدخول الموحد فقط',
      lastSignIn: 'آخر دخول',
      id: 'المعرف',
      at: 'الوقت',
      actor: 'المستخدم',
      action: 'الإجراء',
      entityType: 'نوع السجل',
      entityId: 'السجل',
      before: 'قبل',
      after: 'بعد',
      requestId: 'الطلب',
      event: 'الحدث',
      to: 'إلى',
      subject: 'الموضوع',
      attempts: 'المحاولات',
      nextAttempt: 'المحاولة التالية',
      lastError: 'آخر خطأ',
      sent: 'تاريخ الإرسال',
      startYear: 'من سنة',
      endYear: 'إلى سنة',
      version: 'الإصدار',
      agreed: 'تاريخ الاعتماد',
      nominationStatus: 'الترشيح',
      days: 'الأيام المنعقدة',
      present: 'حاضر',
      absent: 'غائب',
      excused: 'معذور',
      unmarked: 'غير مسجل',
      proposed: 'النتيجة المقترحة',
      confirmedBy: 'اعتمدها',
      confirmed: 'تاريخ الاعتماد',
      preTest: 'درجة الاختبار القبلي',
      postTest: 'درجة الاختبار البعدي',
      question: 'السؤال',
      kind: 'النوع',
      answered: 'عدد الإجابات',
      mean: 'المتوسط (1-5)',
      answer: 'الإجابة',
      count: 'العدد',
    },
    yes: 'نعم',
    no: 'لا',
    utc: 'التوقيت العالمي',
    sheets: {
      participants: 'الأشخاص',
      nominations: 'الترشيحات',
      sessions: 'الدورات',
      activities: 'الدليل',
      users: 'المستخدمون',
      audit: 'سجل التدقيق',
      outbox: 'صندوق الصادر',
      programmes: 'البرامج',
      attendance: 'الحضور',
      results: 'النتائج',
      surveyAnswers: 'إجابات الاستبيانات',
    },
  },
};
