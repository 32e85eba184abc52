import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';

/** The result of shaping one run: glyphs in drawing order, their advances, the direction. */
export interface Shaped {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
  direction: string;
  advanceWidth: number;
}

/** A font loaded once per process, with a cache of its shaped runs. */
export interface Face {
  /** The name it is registered under in each document. */
  name: string;
  font: fontkit.Font;
  /** Shapes a run (cached: Arabic shaping with a large Naskh font is slow). */
  shape(text: string): Shaped;
  /** The font as pdfkit should receive it: drawing reuses the cached shaping too. */
  forPdf: unknown;
}

export type Weight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

// Noto Sans for Latin script; Amiri for Arabic script, a Naskh with one glyph per letter
// form, so text extracted from the PDF maps back to the right letters (fonts that build
// letters from a shared skeleton plus dots cannot say which letter a glyph was). The packages
// ship them split by Unicode range, so a line is drawn from whichever face has each character.
const FILES: Record<Weight, string[]> = {
  regular: [
    '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
    '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff',
    '@fontsource/amiri/files/amiri-arabic-400-normal.woff',
  ],
  bold: [
    '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
    '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff',
    '@fontsource/amiri/files/amiri-arabic-700-normal.woff',
  ],
};

const CACHE_LIMIT = 5000;

function makeFace(name: string, font: fontkit.Font): Face {
  const cache = new Map<string, Shaped>();
  const shape = (text: string): Shaped => {
    let hit = cache.get(text);
    if (!hit) {
      const run = font.layout(text);
      hit = {
        glyphs: run.glyphs,
        positions: run.positions,
        direction: run.direction,
        advanceWidth: run.advanceWidth,
      };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, hit);
    }
    return hit;
  };
  // pdfkit scales the positions of a run in place, so each call gets its own copies.
  const layout = (text: string, features?: unknown) => {
    if (features !== undefined) return font.layout(text, features as string[]);
    const shaped = shape(text);
    const positions = shaped.positions.map((p) => ({ ...p }));
    return {
      glyphs: shaped.glyphs,
      positions,
      direction: shaped.direction,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  const forPdf = new Proxy(font, {
    get: (target, property) =>
      property === 'layout' ? layout : Reflect.get(target, property, target),
  });
  return { name, font, shape, forPdf };
}

/**
 * A WOFF 1.0 file unwrapped into the plain TrueType it compresses. fontkit can read WOFF, but
 * inflates a table again on every read, which makes subsetting a large font for each PDF slow.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff; // not 'wOFF': already plain
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function load(create: typeof fontkit.create, weight: Weight): Face[] {
  return FILES[weight].map((file, index) => {
    const font = create(woffToSfnt(readFileSync(require.resolve(file))));
    if (!('layout' in font)) throw new Error(`${file} is a font collection`);
    return makeFace(`${weight}-${index}`, font);
  });
}

let loaded: Promise<Record<Weight, Face[]>> | null = null;

/**
 * The faces of each weight, in the order a character is looked up in them. fontkit is loaded on
 * the first PDF, not at start: it is a quarter of a second and tens of megabytes a server that
 * prints nothing never needs.
 */
export function faces(): Promise<Record<Weight, Face[]>> {
  loaded ??= import('fontkit').then(({ create }) => ({
    regular: load(create, 'regular'),
    bold: load(create, 'bold'),
  }));
  return loaded;
}
