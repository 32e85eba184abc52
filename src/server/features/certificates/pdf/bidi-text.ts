import bidiFactory from 'bidi-js';
import type { Face } from './fonts.js';

const bidi = bidiFactory();

/** A piece of a line, drawn as one pdfkit text call at its place from the left. */
export interface Piece {
  /** What to hand pdfkit so that the glyphs it draws come out in visual order. */
  text: string;
  face: Face;
  x: number;
  width: number;
}

export interface LaidLine {
  pieces: Piece[];
  width: number;
}

interface Run {
  start: number;
  text: string;
  level: number;
  face: Face;
}

const isSpace = (ch: string) => /\s/u.test(ch);

function faceFor(ch: string, faces: Face[]): Face {
  const code = ch.codePointAt(0) ?? 0;
  // biome-ignore lint/style/noNonNullAssertion: callers always pass at least one face.
  return faces.find((f) => f.font.hasGlyphForCodePoint(code)) ?? faces[0]!;
}

/** Splits a line into runs of one embedding level and one face, each space a run of its own. */
function logicalRuns(text: string, levels: Uint8Array, faces: Face[]): Run[] {
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = mirrored.get(i) ?? String.fromCodePoint(cp);
    const level = levels[i] ?? 0;
    const face = faceFor(ch, faces);
    const space = isSpace(ch);
    if (
      current &&
      !space &&
      !isSpace(current.text) &&
      current.level === level &&
      current.face === face
    ) {
      current.text += ch;
    } else {
      current = { start: i, text: ch, level, face };
      runs.push(current);
    }
    i += width;
  }
  return runs;
}

const reversed = (text: string) => Array.from(text).reverse().join('');

/**
 * What to pass for a run: fontkit shapes in logical order and then reverses the glyphs of any
 * run whose script it deems right-to-left (Arabic letters, but also Arabic-Indic digits, which
 * must stay left-to-right). Where its direction differs from the run's resolved bidi level,
 * the characters go in reversed, so the glyphs come out in visual order either way. Only
 * non-joining characters (digits, neutrals) can end up there, so no shaping is lost.
 */
function textForPdf(run: Run): string {
  const fontkitRtl = run.face.shape(run.text).direction === 'rtl';
  const runRtl = run.level % 2 === 1;
  return fontkitRtl === runRtl ? run.text : reversed(run.text);
}

/**
 * Lays out one line in visual order: the Unicode bidi algorithm (paragraph direction given or
 * found from the first strong character) orders the runs, mirrored characters are swapped in
 * right-to-left runs, and each run is shaped by its face.
 */
export function layoutLine(
  text: string,
  faces: Face[],
  size: number,
  direction: 'ltr' | 'rtl' | 'auto' = 'auto',
): LaidLine {
  if (text.length === 0) return { pieces: [], width: 0 };
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const runs = logicalRuns(text, embedding.levels, faces);
  const visualPosition = new Map<number, number>();
  bidi.getReorderedIndices(text, embedding).forEach((index, position) => {
    visualPosition.set(index, position);
  });
  runs.sort((a, b) => (visualPosition.get(a.start) ?? 0) - (visualPosition.get(b.start) ?? 0));
  const pieces: Piece[] = [];
  let x = 0;
  for (const run of runs) {
    const shaped = run.face.shape(run.text);
    const width = (shaped.advanceWidth * size) / run.face.font.unitsPerEm;
    pieces.push({ text: textForPdf(run), face: run.face, x, width });
    x += width;
  }
  return { pieces, width: x };
}

/**
 * Breaks a word too wide for any line at the last character that still fits, so even a name
 * without spaces stays inside the page (an Arabic word broken this way loses its joining at the
 * break, which beats running off the paper).
 */
function breakWord(
  word: string,
  faces: Face[],
  size: number,
  maxWidth: number,
  direction: 'ltr' | 'rtl' | 'auto',
): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of Array.from(word)) {
    const candidate = current + ch;
    if (current && layoutLine(candidate, faces, size, direction).width > maxWidth) {
      pieces.push(current);
      current = ch;
    } else {
      current = candidate;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Breaks text at spaces into lines no wider than `maxWidth`; a longer word is broken too. */
export function wrapText(
  text: string,
  faces: Face[],
  size: number,
  maxWidth: number,
  direction: 'ltr' | 'rtl' | 'auto' = 'auto',
): LaidLine[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      layoutLine(word, faces, size, direction).width > maxWidth
        ? breakWord(word, faces, size, maxWidth, direction)
        : [word],
    );
  const lines: LaidLine[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && layoutLine(candidate, faces, size, direction).width > maxWidth) {
      lines.push(layoutLine(current, faces, size, direction));
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(layoutLine(current, faces, size, direction));
  return lines;
}
