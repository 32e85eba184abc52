import QRCode from 'qrcode';
import type { PrintedCertificate } from '../../../../contract/certificates.js';
import { printableName } from '../../../../contract/person-names.js';
import { certificateWording } from '../../../../domain/activity-kinds.js';
import { type LaidLine, layoutLine } from './bidi-text.js';
import { type EmbeddedSignature, infoEntries, verifyUrlEntry } from './embedded.js';
import { type Face, faces, type Weight } from './fonts.js';
import { ARABIC_SCALE, type Language, type PlacedBlock, stack, type TextSpec } from './layout.js';

/** The footer's fixed words in each language a certificate can be printed in. */
const FOOTER: Record<Language, { issued: string; verify: string }> = {
  en: { issued: 'Issued on', verify: 'Verify this certificate at' },
  fr: { issued: 'Délivré le', verify: 'Vérifier ce certificat sur' },
  ar: { issued: 'صدرت بتاريخ', verify: 'للتحقق من هذه الشهادة' },
};

/** The title and statement the certificate's award, activity type and role call for. */
function wordingOf(printed: PrintedCertificate, language: Language) {
  return {
    ...certificateWording(language, printed.award, printed.activity.type, printed.role),
    ...FOOTER[language],
  };
}

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

/** Draws a measured block's lines centred on the page. */
function drawBlock(d: Drawing, block: PlacedBlock) {
  let y = block.y;
  for (const line of block.lines) {
    drawLaid(d, line, PAGE.width / 2 - line.width / 2, y, block.size, block.spec.color);
    y += block.leading;
  }
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
  const words = { en: wordingOf(printed, 'en'), [other]: wordingOf(printed, other) } as Record<
    Language,
    ReturnType<typeof wordingOf>
  >;
  // Loaded on the first PDF rather than at start (see fonts.ts).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${words.en.title}: ${printableName(printed.participant.latin)}`,
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
    o: Omit<TextSpec, 'text' | 'language'> & { otherSize?: number },
  ): TextSpec[] => {
    const { otherSize, gapAfter, ...rest } = o;
    const specs: TextSpec[] = [{ ...rest, text: en, language: 'en' }];
    if (translated) {
      specs.push({ ...rest, text: translated, language: other, size: otherSize ?? o.size });
    }
    (specs.at(-1) as TextSpec).gapAfter = gapAfter ?? 8;
    return specs;
  };
  const { session } = printed;
  const latinName = printableName(printed.participant.latin);
  const arabicName = printed.participant.arabic ? printableName(printed.participant.arabic) : '';
  const names: TextSpec[] = [
    { text: latinName, size: 22, weight: 'bold', color: INK, language: 'en', name: true },
  ];
  if (arabicName) {
    names.push({
      text: arabicName,
      size: 20,
      weight: 'bold',
      color: INK,
      language: 'ar',
      name: true,
    });
  }
  (names.at(-1) as TextSpec).gapAfter = 4;
  const body: TextSpec[] = [
    ...both(printed.issuer.en, printed.issuer.other, { size: 12, color: MUTED, gapAfter: 6 }),
    ...both(words.en.title, words[other].title, {
      size: 26,
      otherSize: 22,
      weight: 'bold',
      color: ACCENT,
      gapAfter: 8,
    }),
    ...both(words.en.certify, words[other].certify, { size: 12, color: MUTED }),
    ...names,
    ...both(words.en.statement, words[other].statement, { size: 12, color: MUTED }),
    ...both(printed.activity.title.en, printed.activity.title.other, {
      size: 16,
      weight: 'bold',
      color: INK,
      gapAfter: 2,
    }),
    {
      text: `${printed.activity.code}  ·  ${session.code}`,
      size: 11,
      color: MUTED,
      language: 'en',
      gapAfter: 4,
    },
    {
      text: `${formatRange(session.startDate, session.endDate, 'en')}  ·  ${session.venue.en}`,
      size: 12,
      color: INK,
      language: 'en',
    },
    {
      text: [formatRange(session.startDate, session.endDate, other), session.venue.other]
        .filter(Boolean)
        .join('  ·  '),
      size: 12,
      color: INK,
      language: other,
    },
  ];

  // Footer: the QR code and id on the left, the issue date on the right; the body ends above.
  const qrSize = 76;
  const footerY = PAGE.height - 48 - qrSize;
  for (const block of stack(all, body, {
    top: 50,
    bottom: footerY - 6,
    maxWidth: PAGE.width - 160,
  })) {
    drawBlock(d, block);
  }

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
  // Each line starts below the reach of the one above (see lineHeight in layout.ts).
  left(`${words.en.verify}`, footerY + 6, 9, 'en');
  left(words[other].verify, footerY + 19, 9, other);
  left(input.verifyUrl, footerY + 38, 9, 'en', ACCENT);
  left(printed.id, footerY + 52, 9, 'en', INK);

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
    `${words.en.issued} ${formatDay(printed.issuedOn, 'en')}`,
    footerY + 24,
    11,
    'en',
    'regular',
  );
  right(
    `${words[other].issued} ${formatDay(printed.issuedOn, other)}`,
    footerY + 40,
    11,
    other,
    'regular',
  );
  right(printed.issuer.en, footerY + 64, 10, 'en', 'bold');

  doc.end();
  await done;
  return Buffer.concat(chunks);
}
