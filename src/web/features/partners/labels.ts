import type { NationStatus } from '../../../contract/index.js';

/** Badge colours by status: members stand out, observers recede. */
export const STATUS_COLOR: Record<NationStatus, string> = {
  member: 'indigo.8',
  partner: 'teal.9',
  'selected-activities': '#a33a07',
  observer: 'gray.7',
};
