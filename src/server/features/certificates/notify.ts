import { LOCALES, type Locale } from '../../../contract/common.js';
import { verificationUrl } from '../../../domain/certificate-payload.js';
import type { ServiceContext } from '../context.js';
import { publicUrl } from '../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../messages/outbox.js';
import type { Candidate, CertificateRow } from './queries.js';

export interface IssuedCertificate {
  candidate: Candidate;
  certificate: CertificateRow;
}

// As the other participant e-mails choose it: the account's language, else the session's.
function localeOf(candidate: Candidate): Locale {
  const wanted = candidate.account?.locale ?? candidate.session.language;
  return (LOCALES as readonly string[]).includes(wanted) ? (wanted as Locale) : 'en';
}

function titleIn(title: Candidate['activity']['title'], locale: Locale): string {
  return title[locale] || title.en;
}

/**
 * Tells each holder of a newly issued certificate, in the caller's transaction so nothing is
 * sent for an issue that rolls back: an e-mail to their account's address, else to the one on
 * their record (none: no e-mail), and a notification under the bell when they have an account.
 */
export async function announceCertificates(
  ctx: ServiceContext,
  issued: readonly IssuedCertificate[],
): Promise<void> {
  const base = publicUrl();
  const emails: EmailRequest[] = [];
  for (const { candidate, certificate } of issued) {
    const { account, participant, session } = candidate;
    const to = account?.email ?? participant.email;
    if (to) {
      const locale = localeOf(candidate);
      const variables = {
        participantName: `${participant.givenNamesLatin} ${participant.familyNameLatin}`,
        activityTitle: titleIn(candidate.activity.title, locale),
        sessionCode: session.code,
        certificateUrl: verificationUrl(base, certificate.id),
        // The participant's home page is their training, with the certificate to download.
        myTrainingUrl: `${base}/`,
      };
      emails.push({
        event: 'certificate-issued',
        locale,
        to,
        userId: account?.id ?? null,
        // A known account's name spares queueEmails looking it up again.
        variables: account ? { ...variables, recipientName: account.displayName } : variables,
      });
    }
    if (account) {
      await notifyUser(ctx.tx, account.id, {
        kind: 'certificate-issued',
        params: { sessionCode: session.code },
        link: '/',
      });
    }
  }
  await queueEmails(ctx.tx, emails);
}
