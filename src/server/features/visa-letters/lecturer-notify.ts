import { LOCALES, type Locale } from '../../../contract/common.js';
import type { ServiceContext } from '../context.js';
import { formatDays } from '../messages/dates.js';
import { queueEmail } from '../messages/outbox.js';
import { letterFile, letterFileName } from './files.js';
import type { LecturerSubject } from './lecturer-queries.js';
import { markLetterEmailed } from './lecturer-queries.js';
import { presentLetter } from './presenters.js';
import type { VisaLetterRow } from './queries.js';
import { INVITED_AS } from './wording.js';

const inLocale = (texts: { en: string; fr?: string; ar?: string }, locale: Locale) =>
  texts[locale]?.trim() || texts.en;

/**
 * The language a lecturer reads their e-mail in: their own account's, when they sign in;
 * otherwise the first language of the registry's list that Rabita writes; else English.
 */
export function lecturerLocale(subject: Pick<LecturerSubject, 'accountLocale' | 'lecturer'>) {
  const writes = (code: string | null | undefined): code is Locale =>
    !!code && (LOCALES as readonly string[]).includes(code);
  if (subject.lecturer.userId && writes(subject.accountLocale)) return subject.accountLocale;
  return subject.lecturer.languages.find(writes) ?? 'en';
}

/**
 * E-mails a lecturer their invitation letter, PDF attached, in their language, and notes the
 * address on the letter. Queued in the issuing transaction, so nothing goes out for an issue
 * that rolls back. Without an e-mail in the registry nothing is sent: null, and the page says so.
 */
export async function sendLecturerLetter(
  ctx: ServiceContext,
  subject: LecturerSubject,
  row: VisaLetterRow,
): Promise<string | null> {
  const to = subject.lecturer.email?.trim();
  if (!to) return null;
  const locale = lecturerLocale(subject);
  const letter = presentLetter(row);
  await queueEmail(ctx.tx, {
    event: 'lecturer-letter-issued',
    locale,
    to,
    userId: subject.lecturer.userId,
    variables: {
      recipientName: subject.lecturer.title
        ? `${subject.lecturer.title} ${subject.lecturer.nameLatin}`
        : subject.lecturer.nameLatin,
      sessionCode: subject.session.code,
      activityTitle: inLocale(subject.activity.title, locale),
      dates: formatDays(subject.session.startDate, subject.session.endDate, locale),
      venue: inLocale(subject.venue.name, locale),
      role: INVITED_AS[subject.role][locale],
      letterUrl: letter.verifyUrl,
    },
    attachments: [
      {
        filename: letterFileName(row),
        contentType: 'application/pdf',
        content: (await letterFile(row)).toString('base64'),
        encoding: 'base64',
      },
    ],
  });
  await markLetterEmailed(ctx.tx, row.id, to);
  return to;
}
