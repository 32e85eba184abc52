import type { Locale } from '../../../contract/common.js';
import { type LaidLine, layoutLine, wrapText } from '../certificates/pdf/bidi-text.js';
import { type Face, faces, type Weight } from '../certificates/pdf/fonts.js';

const MARGIN = 48;
const INK = '#1f2937';
const MUTED = '#6b7280';
const RULE = '#d1d5db';

export interface TextStyle {
  size?: number;
  weight?: Weight;
  color?: string;
  /** Free text typed by people may be in either direction whatever the document's. */
  auto?: boolean;
  /**
   * A paragraph in a language of the other direction than the document's (a bilingual letter):
   * laid out and aligned as that language reads.
   */
  direction?: 'ltr' | 'rtl';
}

/** A table cell: text, or a bar of `value` percent beside its label. */
export type Cell = string | { bar: number | null; label: string };

export interface Column {
  label: string;
  /** Share of the text width. */
  width: number;
}

/**
 * A top-to-bottom writer over an A4 pdfkit document that lays out each line with the shared
 * bidi step (mixed Arabic and Latin, digits included), mirrors the page for a right-to-left
 * language and starts a new page when the next block would not fit.
 */
export async function createCanvas(
  locale: Locale,
  title: string,
  options: { info?: Record<string, string>; creationDate?: Date } = {},
) {
  const rtl = locale === 'ar';
  // Loaded on the first PDF rather than at start (see certificates/pdf/fonts.ts).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: locale,
    info: {
      Title: title,
      ...(options.creationDate
        ? { CreationDate: options.creationDate, ModDate: options.creationDate }
        : {}),
    },
  });
  if (options.info) Object.assign(doc.info, options.info);
  const allFaces = await faces();
  for (const face of [...allFaces.regular, ...allFaces.bold]) {
    // The shared faces hand pdfkit a parsed font that reuses their cached shaping.
    doc.registerFont(face.name, face.forPdf as Buffer);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  let y = MARGIN;

  const facesOf = (weight: Weight = 'regular'): Face[] => allFaces[weight];
  const direction = rtl ? 'rtl' : 'ltr';

  /** Draws a laid-out line with its baseline at `baseline`, starting at the cell's start edge. */
  function draw(
    line: LaidLine,
    x: number,
    cellWidth: number,
    baseline: number,
    style: TextStyle,
    centred = false,
  ) {
    const alignRight = style.direction ? style.direction === 'rtl' : rtl;
    const start = centred
      ? x + (cellWidth - line.width) / 2
      : alignRight
        ? x + cellWidth - line.width
        : x;
    doc.fillColor(style.color ?? INK);
    for (const piece of line.pieces) {
      doc
        .font(piece.face.name)
        .fontSize(style.size ?? 10)
        .text(piece.text, start + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** Starts a new page when `height` more points would not fit. */
  function ensure(height: number, onNewPage?: () => void) {
    if (y + height <= bottom) return;
    doc.addPage();
    y = MARGIN;
    onNewPage?.();
  }

  /** A paragraph, wrapped to the text width. */
  function paragraph(text: string, style: TextStyle = {}) {
    const size = style.size ?? 10;
    const lines = wrapText(
      text,
      facesOf(style.weight),
      size,
      width,
      style.direction ?? (style.auto ? 'auto' : direction),
    );
    for (const line of lines) {
      ensure(size * 1.5);
      draw(line, left, width, y + size, style);
      y += size * 1.5;
    }
  }

  function heading(text: string, size = 13) {
    ensure(size * 2 + 30);
    y += size * 0.6;
    paragraph(text, { size, weight: 'bold' });
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    y += 6;
  }

  function gap(points: number) {
    y += points;
  }

  /** A thin rule across the text width. */
  function rule() {
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    y += 6;
  }

  /**
   * A square image (a QR code) at the start edge with short lines of text beside it, each in
   * its own direction; kept on one page.
   */
  function imageBeside(
    png: Buffer,
    size: number,
    lines: readonly { text: string; style?: TextStyle }[],
  ) {
    ensure(size + 4);
    doc.image(png, rtl ? left + width - size : left, y, { width: size, height: size });
    const textX = rtl ? left : left + size + 12;
    const textWidth = width - size - 12;
    let baseline = y + 12;
    for (const { text, style = {} } of lines) {
      const fontSize = style.size ?? 9;
      const line = layoutLine(text, facesOf(style.weight), fontSize, style.direction ?? direction);
      draw(line, textX, textWidth, baseline, { ...style, size: fontSize });
      baseline += fontSize * 1.6;
    }
    y += size + 4;
  }

  /** Columns in reading order; in a right-to-left document the first one is on the right. */
  function table(columns: readonly Column[], rows: readonly Cell[][], size = 8.5) {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * width);
    const xs: number[] = [];
    let cursor = 0;
    for (const w of widths) {
      xs.push(rtl ? left + width - cursor - w : left + cursor);
      cursor += w;
    }
    const pad = 3;
    const lineHeight = size * 1.45;
    const drawRow = (cells: readonly Cell[], style: TextStyle) => {
      // A line break in a cell's text starts a line of its own (a name in each script).
      const laid = cells.map((cell, i) =>
        (typeof cell === 'string' ? cell : cell.label)
          .split('\n')
          .flatMap((text) =>
            wrapText(
              text,
              facesOf(style.weight),
              size,
              (widths[i] ?? 0) - 2 * pad - (typeof cell === 'string' ? 0 : 40),
              direction,
            ),
          ),
      );
      const height = Math.max(1, ...laid.map((l) => l.length)) * lineHeight + 2 * pad;
      ensure(height, () =>
        drawRow(
          columns.map((c) => c.label),
          { weight: 'bold', color: MUTED },
        ),
      );
      cells.forEach((cell, i) => {
        const x = xs[i] ?? left;
        const w = widths[i] ?? 0;
        let textX = x + pad;
        let textWidth = w - 2 * pad;
        if (typeof cell !== 'string') {
          const barWidth = 36;
          const barX = rtl ? x + pad : x + w - pad - barWidth;
          doc
            .rect(barX, y + pad + 1, barWidth, size)
            .fillColor('#e5e7eb')
            .fill();
          if (cell.bar !== null) {
            const filled = (barWidth * Math.max(0, Math.min(cell.bar, 100))) / 100;
            doc
              .rect(rtl ? barX + barWidth - filled : barX, y + pad + 1, filled, size)
              .fillColor('#2f9e44')
              .fill();
          }
          textWidth -= barWidth + 4;
          if (rtl) textX += barWidth + 4;
        }
        (laid[i] ?? []).forEach((line, n) => {
          draw(line, textX, textWidth, y + pad + size + n * lineHeight, {
            size,
            ...style,
          });
        });
      });
      y += height;
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
    };
    ensure(lineHeight * 3);
    drawRow(
      columns.map((c) => c.label),
      { weight: 'bold', color: MUTED },
    );
    for (const row of rows) drawRow(row, {});
    y += 8;
  }

  /** Page numbers in the footer, then the document's bytes. */
  function finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      // Writing inside the bottom margin must not start a page of its own.
      doc.page.margins.bottom = 0;
      const line = layoutLine(footer(i + 1, range.count), facesOf(), 8, direction);
      draw(line, left, width, bottom + 24, { size: 8, color: MUTED }, true);
    }
    doc.end();
    return done;
  }

  return { heading, paragraph, table, gap, rule, imageBeside, finish, rtl };
}

export type Canvas = Awaited<ReturnType<typeof createCanvas>>;
