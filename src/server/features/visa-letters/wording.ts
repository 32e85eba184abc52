import type { PrintedVisaLetter } from '../../../contract/visa-letters.js';

export type LetterLanguage = 'en' | 'ar' | 'fr';

// Western digits in Arabic too: a passport number and its dates are read against the passport.
const DATE_LOCALES: Record<LetterLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-u-nu-latn',
};

/** Intl puts direction marks between Arabic date parts; the bidi step orders them already. */
const plain = (formatted: string) => formatted.replace(/[\u200e\u200f\u061c]/g, '');

export function letterDate(date: string, language: LetterLanguage): string {
  return plain(
    new Intl.DateTimeFormat(DATE_LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`)),
  );
}

/** The fixed wording of a letter in each of its languages, filled from what it prints. */
export interface LetterWording {
  title: string;
  heading: string;
  reference: string;
  addressee: string;
  body: string;
  request: string;
  details: [string, string][];
  verify: string;
  signature: string;
}

/** The part a lecturer is invited to play, as the letter's sentence (and its e-mail) needs it. */
export const INVITED_AS: Record<
  NonNullable<PrintedVisaLetter['invitedAs']>,
  Record<LetterLanguage, string>
> = {
  lecturer: { en: 'a lecturer', fr: 'conférencier', ar: 'محاضر' },
  speaker: { en: 'a speaker', fr: 'intervenant', ar: 'متحدث' },
  panellist: { en: 'a panellist', fr: 'panéliste', ar: 'عضو في حلقة النقاش' },
  moderator: { en: 'the moderator', fr: 'modérateur', ar: 'مدير الجلسة' },
  interpreter: { en: 'an interpreter', fr: 'interprète', ar: 'مترجم فوري' },
};

export function letterWording(p: PrintedVisaLetter, language: LetterLanguage): LetterWording {
  const as = p.invitedAs ? INVITED_AS[p.invitedAs][language] : null;
  const t = (texts: { en: string; ar: string; fr?: string }) => texts[language] ?? texts.en;
  const { participant: who, session } = p;
  const name = who.rank ? `${who.rank} ${who.passportName}` : who.passportName;
  const from = letterDate(session.startDate, language);
  const to = letterDate(session.endDate, language);
  const born = who.dateOfBirth ? letterDate(who.dateOfBirth, language) : null;
  if (language === 'ar') {
    return {
      title: 'رسالة دعوة لغرض الحصول على تأشيرة',
      heading: 'النص العربي',
      reference: `المرجع: ${p.id} · التاريخ: ${letterDate(p.issuedOn, 'ar')}`,
      addressee: 'إلى القسم القنصلي المعني،',
      body: `يتشرف ${t(p.issuer.name)} بدعوة ${name}${who.arabicName ? ` (${who.arabicName})` : ''}، من الجنسية ${t(who.nationality)}، حامل جواز السفر رقم ${who.passportNumber}${born ? `، المولود في ${born}` : ''}، ${as ? `للمشاركة بصفة ${as} في` : 'للمشاركة في'} ${t(session.activityTitle)} (${session.code}) المنعقدة في ${t(session.venue)} من ${from} إلى ${to}.`,
      request: as
        ? 'الغرض من الزيارة مهمة رسمية بدعوة من المركز الذي يتحمل نفقات السفر والإقامة. نرجو التكرم بمنحه تأشيرة دخول تغطي هذه الفترة.'
        : 'الغرض من الزيارة هو التدريب الرسمي بدعوة من المركز. نرجو التكرم بمنحه تأشيرة دخول تغطي هذه الفترة.',
      details: [
        ['الاسم كما في جواز السفر', who.passportName],
        ['رقم جواز السفر', who.passportNumber],
        ['الجنسية', t(who.nationality)],
        ...(born ? ([['تاريخ الميلاد', born]] as [string, string][]) : []),
        ['الفترة', `${from} – ${to}`],
        ['المكان', t(session.venue)],
      ],
      verify: 'للتحقق من صحة هذه الرسالة',
      signature: `عن ${t(p.issuer.name)}`,
    };
  }
  if (language === 'fr') {
    return {
      title: "Lettre d'invitation pour visa",
      heading: 'Texte français',
      reference: `Référence : ${p.id} · Date : ${letterDate(p.issuedOn, 'fr')}`,
      addressee: 'À la section consulaire concernée,',
      body: `Le ${t(p.issuer.name)} invite ${name}, de nationalité ${t(who.nationality)}, titulaire du passeport n° ${who.passportNumber}${born ? `, né(e) le ${born}` : ''}, ${as ? `à intervenir en qualité de ${as} à` : 'à participer à'} « ${t(session.activityTitle)} » (${session.code}) à ${t(session.venue)}, du ${from} au ${to}.`,
      request: as
        ? "Le but de la visite est une mission officielle à l'invitation du centre, qui prend en charge le voyage et l'hébergement. Nous vous prions de bien vouloir lui délivrer un visa couvrant cette période."
        : "Le but de la visite est une formation officielle à l'invitation du centre. Nous vous prions de bien vouloir lui délivrer un visa couvrant cette période.",
      details: [
        ['Nom (passeport)', who.passportName],
        ['N° de passeport', who.passportNumber],
        ['Nationalité', t(who.nationality)],
        ...(born ? ([['Date de naissance', born]] as [string, string][]) : []),
        ['Période', `${from} – ${to}`],
        ['Lieu', t(session.venue)],
      ],
      verify: 'Vérifier cette lettre sur',
      signature: `Pour le ${t(p.issuer.name)}`,
    };
  }
  return {
    title: 'Visa Invitation Letter',
    heading: 'English text',
    reference: `Reference: ${p.id} · Date: ${letterDate(p.issuedOn, 'en')}`,
    addressee: 'To the consular section concerned,',
    body: `The ${t(p.issuer.name)} invites ${name}, a national of ${t(who.nationality)}, holder of passport number ${who.passportNumber}${born ? `, born on ${born}` : ''}, ${as ? `to take part as ${as} in` : 'to attend'} “${t(session.activityTitle)}” (${session.code}) at ${t(session.venue)} from ${from} to ${to}.`,
    request: as
      ? 'The purpose of the visit is official duty at the invitation of the centre, which covers the travel and lodging. We kindly ask that a visa be granted for this period.'
      : 'The purpose of the visit is official training at the invitation of the centre. We kindly ask that a visa be granted for this period.',
    details: [
      ['Name (passport)', who.passportName],
      ['Passport number', who.passportNumber],
      ['Nationality', t(who.nationality)],
      ...(born ? ([['Date of birth', born]] as [string, string][]) : []),
      ['Period', `${from} – ${to}`],
      ['Venue', t(session.venue)],
    ],
    verify: 'Verify this letter at',
    signature: `For the ${t(p.issuer.name)}`,
  };
}
