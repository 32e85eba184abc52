import type { Locale } from '../../../contract/common.js';
import type { MessageAttachment } from '../../db/schema/index.js';
import { calendarAttachment, nominationEventUid, sessionEvent } from '../calendar/invitation.js';
import type { SessionFacts } from './eligibility.js';

export function inLocale(text: { en: string; fr?: string; ar?: string } | null, locale: Locale) {
  if (!text) return '';
  return text[locale] || text.en;
}

/**
 * The calendar invitation sent with joining instructions: one all-day event over the session's
 * dates at its venue, with the session's calendar sequence, so that a later change to the
 * session updates it in place (see `calendar/invitation.ts`).
 */
export function joiningInvitation(
  session: SessionFacts,
  nominationId: string,
  locale: Locale,
): MessageAttachment {
  return calendarAttachment(
    sessionEvent(session, locale, { uid: nominationEventUid(nominationId) }),
  );
}
