import type { Locale } from '../../../contract/common.js';
import type { MessageAttachment } from '../../db/schema/index.js';
import { calendarAttachment, nominationEventUid, sessionEvent } from '../calendar/invitation.js';
import type { SessionFacts } from './eligibility.js';

export function inLocale(text: { en: string; fr?: string; ar?: string } | null, locale: Locale) {
  if (!text) return '';
  return text[locale] || text.en;
}

/** The line added to the joining instructions when the session's agenda is published. */
export const AGENDA_ATTACHED: Record<Locale, string> = {
  en: 'The agenda is attached, and kept up to date at',
  fr: 'Le programme est joint ; sa version à jour est à',
  ar: 'جدول الأعمال مرفق، وأحدث نسخة منه على',
};

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
