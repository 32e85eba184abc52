import QRCode from 'qrcode';
import type { PrintedVisaLetter } from '../../../contract/visa-letters.js';
import {
  type EmbeddedSignature,
  infoEntries,
  verifyUrlEntry,
} from '../certificates/pdf/embedded.js';
import { ARABIC_SCALE } from '../certificates/pdf/layout.js';
import { createCanvas } from '../results/pdf-canvas.js';
import { type LetterLanguage, letterWording } from './wording.js';

const ACCENT = '#2f4b9a';
const MUTED = '#5c6478';

/** Everything a letter's PDF needs: what it prints, where to verify it, and its signature. */
export interface LetterDocument {
  printed: PrintedVisaLetter;
  verifyUrl: string;
  signed: EmbeddedSignature;
  issuedAt: Date;
}

/**
 * The visa invitation letter as an A4 PDF on the centre's letterhead: the letter in English,
 * then in Arabic (right to left) and, for a session given in French, in French; a QR code to
 * the public page that shows what it prints. Lines go through the certificates' shaping and
 * bidi step; the signed payload travels in the file as a certificate's does.
 */
export async function renderVisaLetterPdf(input: LetterDocument): Promise<Buffer> {
  const { printed } = input;
  const en = letterWording(printed, 'en');
  const canvas = await createCanvas('en', `${en.title}: ${printed.participant.passportName}`, {
    info: { ...infoEntries(input.signed), ...verifyUrlEntry(input.verifyUrl) },
    creationDate: input.issuedAt,
  });
  const rtl = { direction: 'rtl' as const };
  // Letterhead: the centre's name and address in English on the left, Arabic on the right.
  canvas.paragraph(printed.issuer.name.en, { size: 15, weight: 'bold', color: ACCENT });
  canvas.paragraph(printed.issuer.name.ar, { size: 15, weight: 'bold', color: ACCENT, ...rtl });
  canvas.paragraph(printed.issuer.address.en, { size: 9, color: MUTED });
  canvas.paragraph(printed.issuer.address.ar, { size: 9, color: MUTED, ...rtl });
  canvas.gap(2);
  canvas.rule();
  canvas.paragraph(en.reference, { size: 9, color: MUTED });
  canvas.gap(4);

  // Three languages share the page at a smaller size, so the letter stays on one sheet; Amiri's
  // letters are small beside Noto Sans', so Arabic goes up as on certificates.
  const base = printed.languages.length === 3 ? 0.82 : 1;
  for (const language of printed.languages as readonly LetterLanguage[]) {
    const w = letterWording(printed, language);
    const dir = { direction: language === 'ar' ? ('rtl' as const) : ('ltr' as const) };
    const size = (points: number) => points * base * (language === 'ar' ? ARABIC_SCALE : 1);
    canvas.paragraph(w.title, { size: size(13), weight: 'bold', ...dir });
    canvas.gap(2);
    canvas.paragraph(w.addressee, { size: size(10), ...dir });
    canvas.paragraph(w.body, { size: size(10), ...dir });
    canvas.paragraph(w.request, { size: size(10), ...dir });
    canvas.gap(2);
    for (const [label, value] of w.details) {
      canvas.paragraph(`${label}: ${value}`, { size: size(9), color: MUTED, ...dir });
    }
    canvas.paragraph(w.signature, { size: size(10), weight: 'bold', ...dir });
    canvas.gap(8 * base);
    canvas.rule();
  }

  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 300,
  });
  const ar = letterWording(printed, 'ar');
  canvas.imageBeside(qr, 72, [
    { text: en.verify, style: { size: 9, color: MUTED } },
    { text: ar.verify, style: { size: 9 * ARABIC_SCALE, color: MUTED, direction: 'ltr' } },
    { text: input.verifyUrl, style: { size: 8.5, color: ACCENT } },
    { text: printed.id, style: { size: 9 } },
  ]);
  return canvas.finish(
    (page, pages) => `${printed.session.code} · ${printed.id} · ${page}/${pages}`,
  );
}
