import type { SessionStatus } from '../../../contract/index.js';

/** Outline badges: the colour helps, the word says it. */
export const SESSION_STATUS_COLOR: Record<SessionStatus, string> = {
  draft: 'gray.7',
  announced: 'teal.9',
  'nominations-closed': 'indigo.8',
  confirmed: 'blue.9',
  'in-progress': 'grape.9',
  completed: 'dark.6',
  cancelled: 'red.8',
};

/**
 * The button that moves a session from `from` to `to`, named for what it does:
 * announced means "Announce" from a draft but "Reopen nominations" after they closed.
 */
export function transitionKey(from: SessionStatus, to: SessionStatus): string {
  if (to === 'announced') return from === 'draft' ? 'announce' : 'reopen';
  if (to === 'draft') return 'backToDraft';
  if (to === 'nominations-closed') return 'closeNominations';
  if (to === 'confirmed') return 'confirm';
  if (to === 'in-progress') return 'start';
  if (to === 'completed') return 'complete';
  return 'cancel';
}
