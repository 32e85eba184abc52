import type { Locale } from '../../../contract/common.js';
import type { ServiceContext } from '../context.js';
import { formatDays } from '../messages/dates.js';
import { publicUrl } from '../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../messages/outbox.js';
import { selectNationUsers } from '../nominations/queries.js';
import { asLocale } from '../sessions/changes/recipients.js';
import { letterFile, letterFileName } from './files.js';
import { presentLetter } from './presenters.js';
import type { LetterSubject, VisaLetterRow } from './queries.js';

const inLocale = (texts: { en: string; fr?: string; ar?: string }, locale: Locale) =>
  texts[locale]?.trim() || texts.en;

/**
 * Sends a new letter to each NPOC of the participant's nation, in their language, with the PDF
 * attached and a notice under their bell; queued in the issuing transaction, so nothing goes out
 * for an issue that rolls back.
 */
export async function announceLetter(
  ctx: ServiceContext,
  subject: LetterSubject,
  row: VisaLetterRow,
): Promise<void> {
  const npocs = await selectNationUsers(ctx.tx, subject.nationCode, 'npoc');
  if (npocs.length === 0) return;
  const pdf = (await letterFile(row)).toString('base64');
  const attachment = {
    filename: letterFileName(row),
    contentType: 'application/pdf',
    content: pdf,
    encoding: 'base64' as const,
  };
  const letter = presentLetter(row);
  const participantName = letter.printed.participant.passportName;
  const link = `${publicUrl()}/sessions/${encodeURIComponent(subject.session.code)}/visa-letters`;
  const emails: EmailRequest[] = npocs.map((npoc) => {
    const locale = asLocale(npoc.locale);
    return {
      event: 'visa-letter-issued',
      locale,
      to: npoc.email,
      userId: npoc.id,
      variables: {
        recipientName: npoc.displayName,
        participantName,
        nationName: inLocale(subject.nationName, locale),
        sessionCode: subject.session.code,
        activityTitle: inLocale(subject.activity.title, locale),
        dates: formatDays(subject.session.startDate, subject.session.endDate, locale),
        venue: inLocale(subject.venue.name, locale),
        letterUrl: letter.verifyUrl,
        link,
      },
      attachments: [attachment],
    };
  });
  await queueEmails(ctx.tx, emails);
  for (const npoc of npocs) {
    await notifyUser(ctx.tx, npoc.id, {
      kind: 'visa-letter-issued',
      params: { sessionCode: subject.session.code, participantName },
      link: `/sessions/${encodeURIComponent(subject.session.code)}/visa-letters`,
    });
  }
}
