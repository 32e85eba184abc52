import type { Verification } from '../../../contract/certificates.js';

/**
 * A verification as lines of plain text, first the verdict (VALID, REVOKED or INVALID), then
 * what the certificate prints; and whether it passed, for the exit status.
 */
export function verificationReport(result: Verification): { ok: boolean; lines: string[] } {
  if (result.status === 'invalid' || result.status === 'not-found') {
    return {
      ok: false,
      lines: [
        result.status === 'invalid'
          ? 'INVALID: the file carries no certificate signed by this centre, or it was altered.'
          : 'INVALID: the signature holds, but no such certificate is on record here.',
      ],
    };
  }
  const lines: string[] = [];
  const printed = result.certificate;
  if (result.status === 'revoked') {
    lines.push(`REVOKED on ${result.revokedOn ?? '?'}${result.reason ? `: ${result.reason}` : ''}`);
  } else {
    lines.push('VALID');
  }
  if (printed) {
    const { participant, activity, session } = printed;
    lines.push(
      `  certificate ${printed.id}`,
      `  ${participant.latin}${participant.arabic ? ` / ${participant.arabic}` : ''}`,
      `  ${activity.code} ${activity.title.en}${activity.title.other ? ` / ${activity.title.other}` : ''}`,
      `  session ${session.code}, ${session.startDate} to ${session.endDate}, ${session.venue.en}`,
      `  issued on ${printed.issuedOn} by ${printed.issuer.en}`,
    );
  }
  return { ok: result.status === 'valid', lines };
}
