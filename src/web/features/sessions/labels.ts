import type { TFunction } from 'i18next';
import type { ActivityType, SessionStatus } from '../../../contract/index.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';

/** True when the activity's seats are given by the centre's invitations, not nominations. */
const byInvitation = (activityType: ActivityType) =>
  rulesOfType(activityType).seats === 'invitation';

/**
 * A session's state in words. An event whose seats are by invitation opens to the nations'
 * answers, not to nominations: its two nomination states read as the invitations'.
 */
export function sessionStatusLabel(
  t: TFunction,
  status: SessionStatus,
  activityType: ActivityType,
): string {
  if (byInvitation(activityType) && (status === 'announced' || status === 'nominations-closed')) {
    return t(`sessionStatusByInvitation.${status}`);
  }
  return t(`sessionStatus.${status}`);
}

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
export function transitionKey(
  from: SessionStatus,
  to: SessionStatus,
  activityType?: ActivityType,
): string {
  const invited = activityType !== undefined && byInvitation(activityType);
  if (to === 'announced') {
    if (from === 'draft') return 'announce';
    return invited ? 'reopenInvitations' : 'reopen';
  }
  if (to === 'draft') return 'backToDraft';
  if (to === 'nominations-closed') return invited ? 'closeInvitations' : 'closeNominations';
  if (to === 'confirmed') return 'confirm';
  if (to === 'in-progress') return 'start';
  if (to === 'completed') return 'complete';
  return 'cancel';
}
