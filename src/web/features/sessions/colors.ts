/**
 * Discipline colours for the calendar: pale backgrounds with a strong edge, text always dark.
 * Known disciplines keep their colour across centres; others get one from the same palette by
 * a stable hash of the code, so a discipline never changes colour between visits.
 */
export interface DisciplineColor {
  background: string;
  edge: string;
  text: string;
}

const TEXT = '#1a1b1e';

export const PALETTE: readonly DisciplineColor[] = [
  { background: '#dbe4ff', edge: '#364fc7', text: TEXT }, // indigo
  { background: '#d3f9d8', edge: '#2b8a3e', text: TEXT }, // green
  { background: '#ffe8cc', edge: '#d9480f', text: TEXT }, // orange
  { background: '#f3d9fa', edge: '#862e9c', text: TEXT }, // grape
  { background: '#c5f6fa', edge: '#0b7285', text: TEXT }, // cyan
  { background: '#fff3bf', edge: '#e67700', text: TEXT }, // yellow
  { background: '#ffdeeb', edge: '#a61e4d', text: TEXT }, // pink
  { background: '#e9ecef', edge: '#495057', text: TEXT }, // grey
  { background: '#d0ebff', edge: '#1864ab', text: TEXT }, // blue
  { background: '#e5dbff', edge: '#5f3dc4', text: TEXT }, // violet
];

const KNOWN: Record<string, number> = {
  CYBER: 0,
  COOP: 1,
  ENERGY: 2,
  CBRN: 3,
  MARSEC: 4,
  CEP: 5,
  CT: 6,
  PROTOCOL: 7,
  LL: 8,
  ARMS: 9,
};

export function disciplineColor(code: string): DisciplineColor {
  const known = KNOWN[code];
  if (known !== undefined) return PALETTE[known] as DisciplineColor;
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] as DisciplineColor;
}

function channel(hex: string, at: number): number {
  const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
