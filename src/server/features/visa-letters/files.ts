import { letterVerificationUrl } from '../../../domain/visa-letter-payload.js';
import { safeFilePart } from '../certificates/downloads.js';
import { signedBytes } from '../certificates/signing.js';
import { publicUrl } from '../messages/links.js';
import { printedOf } from './presenters.js';
import type { VisaLetterRow } from './queries.js';
import { renderVisaLetterPdf } from './render.js';

/** The PDF of a stored letter: what it signed, printed, with the signature inside. */
export function letterFile(row: VisaLetterRow): Promise<Buffer> {
  return renderVisaLetterPdf({
    printed: printedOf(row),
    verifyUrl: letterVerificationUrl(publicUrl(), row.id),
    signed: { payload: signedBytes(row.payload), signature: row.signature, keyId: row.keyId },
    issuedAt: row.issuedAt,
  });
}

/** A file name of plain letters: the session, the passport name's last word and the id. */
export function letterFileName(row: VisaLetterRow): string {
  const printed = printedOf(row);
  const safe = safeFilePart;
  const family = printed.participant.passportName.split(' ').at(-1) ?? 'participant';
  return `visa-letter-${safe(printed.session.code)}-${safe(family)}-${row.id}.pdf`;
}
