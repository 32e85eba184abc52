import type { OutboxStatus } from '../../../contract/index.js';

export const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'yellow',
  sent: 'teal',
  failed: 'red',
};
