import { type LaidLine, layoutLine, wrapText } from './bidi-text.js';
import type { Face, Weight } from './fonts.js';

export type Language = 'en' | 'fr' | 'ar';

// Amiri's letters are small beside Noto Sans at one size; Arabic goes up to match.
export const ARABIC_SCALE = 1.15;

/** One centred paragraph of the certificate's body, before it is measured. */
export interface TextSpec {
  text: string;
  size: number;
  language: Language;
  weight?: Weight;
  color: string;
  /** Space below it, in points at full scale. */
  gapAfter?: number;
  /** A person's name: it may shrink further than other text before it wraps. */
  name?: boolean;
}

/** A paragraph measured: its lines at the size chosen, and the height it takes. */
export interface Block {
  spec: TextSpec;
  lines: LaidLine[];
  size: number;
  leading: number;
  height: number;
}

/** A block with its place on the page: the top of its first line. */
export interface PlacedBlock extends Block {
  y: number;
}

/**
 * A line's height as a share of its size: from the top of the tallest face's ascent to the bottom
 * of its descent, so lines set this far apart never overlap (Amiri's reach, for the marks above
 * and below Arabic letters, is far larger than Noto Sans').
 */
export function lineHeight(lines: LaidLine[]): number {
  let height = 0;
  for (const line of lines) {
    for (const { face } of line.pieces) {
      height = Math.max(height, (face.font.ascent - face.font.descent) / face.font.unitsPerEm);
    }
  }
  return height || 1.4;
}

/**
 * Shrinks a paragraph until it fits on one line, down to `floor` times its size, then wraps it
 * at that size.
 */
export function measure(
  faces: Record<Weight, Face[]>,
  spec: TextSpec,
  opts: { scale: number; floor: number; maxWidth: number },
): Block {
  const set = faces[spec.weight ?? 'regular'];
  const direction = spec.language === 'ar' ? 'rtl' : 'ltr';
  const base = (spec.language === 'ar' ? spec.size * ARABIC_SCALE : spec.size) * opts.scale;
  const smallest = base * opts.floor;
  let size = base;
  let line = layoutLine(spec.text, set, size, direction);
  while (line.width > opts.maxWidth && size > smallest) {
    size = Math.max(smallest, size - 1);
    line = layoutLine(spec.text, set, size, direction);
  }
  const lines =
    line.width > opts.maxWidth ? wrapText(spec.text, set, size, opts.maxWidth, direction) : [line];
  const leading = size * lineHeight(lines);
  const gap = (spec.gapAfter ?? 0) * opts.scale;
  return { spec, lines, size, leading, height: lines.length * leading + gap };
}

// Tried in turn until the body fits above the footer: first the names alone shrink further
// (a long name is the usual reason), then everything shrinks a little.
const NAME_FLOORS = [0.8, 0.6, 0.5];
const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];
const TEXT_FLOOR = 0.8;

/**
 * Lays the body out from `top`, every paragraph centred, so that it ends above `bottom`: names
 * shrink down to half their size and then wrap, and if that is not enough the whole body
 * shrinks. Nothing is drawn here, so the caller can draw it knowing it fits.
 */
export function stack(
  faces: Record<Weight, Face[]>,
  specs: TextSpec[],
  area: { top: number; bottom: number; maxWidth: number },
): PlacedBlock[] {
  const attempts = [
    ...NAME_FLOORS.map((nameFloor) => ({ nameFloor, scale: 1 })),
    ...SCALES.slice(1).map((scale) => ({ nameFloor: NAME_FLOORS.at(-1) ?? 0.5, scale })),
  ];
  let blocks: Block[] = [];
  for (const { nameFloor, scale } of attempts) {
    blocks = specs.map((spec) =>
      measure(faces, spec, {
        scale,
        floor: spec.name ? nameFloor : TEXT_FLOOR,
        maxWidth: area.maxWidth,
      }),
    );
    const height = blocks.reduce((sum, block) => sum + block.height, 0);
    if (area.top + height <= area.bottom) break;
  }
  let y = area.top;
  return blocks.map((block) => {
    const placed = { ...block, y };
    y += block.height;
    return placed;
  });
}
