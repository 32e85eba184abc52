import QRCode from 'qrcode';
import type { PrintedCertificate } from '../../../../contract/certificates.js';
import { type LaidLine, layoutLine, wrapText } from './bidi-text.js';
import { type EmbeddedSignature, infoEntries, verifyUrlEntry } from './embedded.js';
import { type Face, faces, type Weight } from './fonts.js';

type Language = 'en' | 'fr' | 'ar';

/** The fixed wording of a certificate in each language it can be printed in. */
const WORDING: Record<
  Language,
  { title: string; certify: string; completed: string; issued: string; verify: string }
> = {
  en: {
    title: 'Certificate of Completion',
    certify: 'This is to certify that',
    completed: 'has successfully completed the course',
    issued: 'Issued on',
    verify: 'Verify this certificate at',
  },
  fr: {
    title: 'Certificat de réussite',
    certify: 'Il est certifié que',
    completed: 'a suivi avec succès le cours',
    issued: 'Délivré le',
    verify: 'Vérifier ce certificat sur',
  },
  ar: {
    title: 'شهادة إتمام',
    certify: 'يشهد بأن',
    completed: 'قد أتم بنجاح الدورة',
    issued: 'صدرت بتاريخ',
    verify: 'للتحقق من هذه الشهادة',
  },
};

// Arabic dates in Arabic-Indic digits, as certificates in the region are usually printed.
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-arab' };

function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

function formatRange(start: string, end: string, language: Language): string {
  const format = new Intl.DateTimeFormat(DATE_LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

const PAGE = { width: 841.89, height: 595.28 };
const INK = '#1f2a44';
const ACCENT = '#2f4b9a';
const MUTED = '#5c6478';
const ARABIC_SCALE = 1.15;

interface Drawing {
  doc: PDFKit.PDFDocument;
  faces: Record<Weight, Face[]>;
}

function drawLaid(d: Drawing, line: LaidLine, x: number, y: number, size: number, color: string) {
  for (const piece of line.pieces) {
    d.doc
      .font(piece.face.name)
      .fontSize(size)
      .fillColor(color)
      .text(piece.text, x + piece.x, y, { lineBreak: false });
  }
}

/**
 * Draws a line centred on `cx`; a line too wide shrinks down to 80% of its size and then
 * wraps. Returns the y below it.
 */
function centred(
  d: Drawing,
  text: string,
  opts: {
    y: number;
    size: number;
    weight?: Weight;
    color?: string;
    language: Language;
    maxWidth?: number;
    cx?: number;
  },
): number {
  const set = d.faces[opts.weight ?? 'regular'];
  const direction = opts.language === 'ar' ? 'rtl' : 'ltr';
  const maxWidth = opts.maxWidth ?? PAGE.width - 160;
  const cx = opts.cx ?? PAGE.width / 2;
  // Amiri's letters are small beside Noto Sans at one size; Arabic goes up to match.
  const base = opts.language === 'ar' ? opts.size * ARABIC_SCALE : opts.size;
  let size = base;
  let lines = [layoutLine(text, set, size, direction)];
  while ((lines[0]?.width ?? 0) > maxWidth && size > base * 0.8) {
    size -= 1;
    lines = [layoutLine(text, set, size, direction)];
  }
  if ((lines[0]?.width ?? 0) > maxWidth) lines = wrapText(text, set, size, maxWidth, direction);
  // Arabic needs more room above and below its letters than Latin.
  const leading = size * (opts.language === 'ar' ? 1.55 : 1.3);
  let y = opts.y;
  for (const line of lines) {
    drawLaid(d, line, cx - line.width / 2, y, size, opts.color ?? INK);
    y += leading;
  }
  return y;
}

function frame(doc: PDFKit.PDFDocument) {
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(24, 24, PAGE.width - 48, PAGE.height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .rect(32, 32, PAGE.width - 64, PAGE.height - 64)
    .stroke();
}

/** Everything a certificate PDF needs: what it prints, where to verify it, and its signature. */
export interface CertificateDocument {
  printed: PrintedCertificate;
  verifyUrl: string;
  signed: EmbeddedSignature;
  issuedAt: Date;
}

/**
 * The certificate as an A4 landscape PDF, English above its Arabic (or French) counterpart,
 * with a QR code to the public verification page. Arabic is shaped by the font and put in
 * visual order by the bidi algorithm (digits included) before pdfkit draws it.
 */
export async function renderCertificatePdf(input: CertificateDocument): Promise<Buffer> {
  const { printed } = input;
  const other = printed.languages[1];
  // Loaded on the first PDF rather than at start (see fonts.ts).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${WORDING.en.title}: ${printed.participant.latin}`,
      Author: printed.issuer.en,
      Subject: `${printed.activity.code} ${printed.session.code}`,
      Keywords: printed.id,
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
  });
  Object.assign(doc.info, infoEntries(input.signed), verifyUrlEntry(input.verifyUrl));
  const all = await faces();
  for (const face of [...all.regular, ...all.bold]) {
    // pdfkit takes a parsed font as it is; the types only know files and bytes.
    doc.registerFont(face.name, face.forPdf as Buffer);
  }
  const d: Drawing = { doc, faces: all };
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  frame(doc);
  const both = (
    en: string,
    translated: string | null,
    y: number,
    o: { size: number; weight?: Weight; color?: string; gap?: number; otherSize?: number },
  ) => {
    let next = centred(d, en, { ...o, y, language: 'en' });
    if (translated) {
      next = centred(d, translated, {
        ...o,
        size: o.otherSize ?? o.size,
        y: next,
        language: other,
      });
    }
    return next + (o.gap ?? 8);
  };

  let y = 50;
  y = both(printed.issuer.en, printed.issuer.other, y, { size: 12, color: MUTED, gap: 10 });
  y = both(WORDING.en.title, WORDING[other].title, y, {
    size: 26,
    otherSize: 22,
    weight: 'bold',
    color: ACCENT,
    gap: 12,
  });
  y = both(WORDING.en.certify, WORDING[other].certify, y, { size: 12, color: MUTED });
  y = centred(d, printed.participant.latin, { y, size: 22, weight: 'bold', language: 'en' });
  if (printed.participant.arabic) {
    y = centred(d, printed.participant.arabic, { y, size: 20, weight: 'bold', language: 'ar' });
  }
  y = both(WORDING.en.completed, WORDING[other].completed, y + 4, { size: 12, color: MUTED });
  y = both(printed.activity.title.en, printed.activity.title.other, y, {
    size: 16,
    weight: 'bold',
    gap: 2,
  });
  const { session } = printed;
  y = centred(d, `${printed.activity.code}  ·  ${session.code}`, {
    y,
    size: 11,
    color: MUTED,
    language: 'en',
  });
  y = centred(
    d,
    `${formatRange(session.startDate, session.endDate, 'en')}  ·  ${session.venue.en}`,
    { y: y + 4, size: 12, language: 'en' },
  );
  centred(
    d,
    [formatRange(session.startDate, session.endDate, other), session.venue.other]
      .filter(Boolean)
      .join('  ·  '),
    { y, size: 12, language: other },
  );

  // Footer: the QR code and id on the left, the issue date on the right.
  const qrSize = 84;
  const footerY = PAGE.height - 56 - qrSize;
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 336,
  });
  doc.image(qr, 56, footerY, { width: qrSize, height: qrSize });
  const sized = (size: number, language: Language) =>
    language === 'ar' ? size * ARABIC_SCALE : size;
  const left = (text: string, yy: number, size: number, language: Language, color = MUTED) => {
    const line = layoutLine(
      text,
      all.regular,
      sized(size, language),
      language === 'ar' ? 'rtl' : 'ltr',
    );
    drawLaid(d, line, 56 + qrSize + 12, yy, sized(size, language), color);
  };
  left(`${WORDING.en.verify}`, footerY + 14, 9, 'en');
  left(WORDING[other].verify, footerY + 27, 9, other);
  left(input.verifyUrl, footerY + 44, 9, 'en', ACCENT);
  left(printed.id, footerY + 58, 9, 'en', INK);

  const right = (text: string, yy: number, size: number, language: Language, weight: Weight) => {
    const line = layoutLine(
      text,
      all[weight],
      sized(size, language),
      language === 'ar' ? 'rtl' : 'ltr',
    );
    drawLaid(d, line, PAGE.width - 56 - line.width, yy, sized(size, language), INK);
  };
  right(
    `${WORDING.en.issued} ${formatDay(printed.issuedOn, 'en')}`,
    footerY + 30,
    11,
    'en',
    'regular',
  );
  right(
    `${WORDING[other].issued} ${formatDay(printed.issuedOn, other)}`,
    footerY + 46,
    11,
    other,
    'regular',
  );
  right(printed.issuer.en, footerY + 66, 10, 'en', 'bold');

  doc.end();
  await done;
  return Buffer.concat(chunks);
}
