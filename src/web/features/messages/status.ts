import type { OutboxStatus } from '../../../contract/index.js';
import { DARK_ORANGE } from '../nominations/labels.js';

// Outline badges in dark shades: the lighter ones fall below 4.5:1 on white.
export const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: DARK_ORANGE,
  sent: 'teal.9',
  failed: 'red.9',
};
