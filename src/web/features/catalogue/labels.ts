import type {
  ACTIVITY_TYPES,
  ActivityStatus,
  CLEARANCE_LEVELS,
  DELIVERY_METHODS,
} from '../../../contract/index.js';

export type ActivityTypeName = (typeof ACTIVITY_TYPES)[number];
export type DeliveryName = (typeof DELIVERY_METHODS)[number];
export type ClearanceName = (typeof CLEARANCE_LEVELS)[number];

/** Badge colours (outline badges: dark text on white, above 4.5:1). */
export const ACTIVITY_STATUS_COLOR: Record<ActivityStatus, string> = {
  draft: 'gray.7',
  active: 'teal.9',
  retired: 'red.8',
};

/** Languages of instruction offered in forms and filters; others can be typed as codes. */
export const INSTRUCTION_LANGUAGES = ['en', 'fr', 'ar'] as const;

/** NATO STANAG 2116 codes a rank rule may name, lowest first. */
export const RANK_CODES = [
  'OR-1',
  'OR-2',
  'OR-3',
  'OR-4',
  'OR-5',
  'OR-6',
  'OR-7',
  'OR-8',
  'OR-9',
  'OF-D',
  'OF-1',
  'OF-2',
  'OF-3',
  'OF-4',
  'OF-5',
  'OF-6',
  'OF-7',
  'OF-8',
  'OF-9',
  'OF-10',
] as const;

/** Markings an activity's content may carry; stored as the English marking, shown translated. */
export const CLASSIFICATION_MARKINGS: Record<Exclude<ClearanceName, 'NONE'>, string> = {
  NU: 'NATO UNCLASSIFIED',
  NR: 'NATO RESTRICTED',
  NC: 'NATO CONFIDENTIAL',
  NS: 'NATO SECRET',
  CTS: 'COSMIC TOP SECRET',
};

/** The clearance code of a marking, to translate it; null for a marking typed by hand. */
export function markingCode(marking: string): ClearanceName | null {
  const entry = Object.entries(CLASSIFICATION_MARKINGS).find(([, text]) => text === marking);
  return entry ? (entry[0] as ClearanceName) : null;
}

/** Languages a prerequisite may name: the alliance's and the region's working languages. */
export const PROFILE_LANGUAGES = ['en', 'fr', 'ar', 'de', 'es', 'it', 'tr', 'ru', 'fa', 'ur'];
