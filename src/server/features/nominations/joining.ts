import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Locale, LocalizedText } from '../../../contract/common.js';
import { addDays } from '../../../domain/venue-calendar.js';
import type { MessageAttachment } from '../../db/schema/index.js';
import type { SessionFacts } from './eligibility.js';

export function inLocale(text: { en: string; fr?: string; ar?: string } | null, locale: Locale) {
  if (!text) return '';
  return text[locale] || text.en;
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The calendar invitation sent with joining instructions: one all-day event over the session's
 * dates at its venue. METHOD:PUBLISH, because the centre has no mailbox that could receive the
 * replies METHOD:REQUEST would invite; every calendar client adds a published event.
 */
export function joiningInvitation(
  session: SessionFacts,
  nominationId: string,
  locale: Locale,
  instructions: LocalizedText | null,
): MessageAttachment {
  const calendar = ical({
    name: 'Rabita',
    prodId: { company: 'Rabita', product: 'Rabita' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `${nominationId}@rabita`,
    allDay: true,
    start: day(session.startDate),
    end: day(addDays(session.endDate, 1)),
    summary: `${session.code} · ${inLocale(session.activityTitle, locale)}`,
    location: inLocale(session.venueName, locale),
    description: inLocale(instructions, locale),
  });
  return {
    filename: `${session.code}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: calendar.toString(),
  };
}
