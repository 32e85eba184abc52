import type { NominationAction, NominationStatus } from '../../../contract/index.js';

/** Mantine's darkest orange is 4.3:1 on white; this one keeps outline text above 4.5:1. */
export const DARK_ORANGE = '#a63c06';

/** The colour helps, the word says it (the badge always carries the status name). */
export const NOMINATION_STATUS_COLOR: Record<NominationStatus, string> = {
  draft: 'gray.7',
  proposed: 'cyan.9',
  invited: 'indigo.9',
  submitted: 'blue.8',
  waitlisted: DARK_ORANGE,
  selected: 'teal.9',
  rejected: 'red.9',
  withdrawn: 'dark.5',
  declined: 'red.9',
  substituted: 'grape.8',
  'session-cancelled': 'dark.5',
};

/** Moves that say no or pull out are drawn as such, so they are not pressed by habit. */
export function actionVariant(action: NominationAction): { variant: string; color?: string } {
  if (action === 'reject' || action === 'decline') return { variant: 'outline', color: 'red.9' };
  if (action === 'withdraw') return { variant: 'default' };
  if (action === 'waitlist') return { variant: 'light' };
  return { variant: 'filled' };
}

/** The states an NPOC counts on "My nation", in the order a nomination moves through them. */
export const PORTAL_STATUSES: readonly NominationStatus[] = [
  'draft',
  'proposed',
  'invited',
  'submitted',
  'selected',
  'waitlisted',
  'rejected',
  'declined',
  'withdrawn',
  'substituted',
  'session-cancelled',
];
