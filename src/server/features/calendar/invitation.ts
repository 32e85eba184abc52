import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../../contract/common.js';
import { addDays } from '../../../domain/venue-calendar.js';
import type { MessageAttachment } from '../../db/schema/index.js';

/** One session as a calendar event in someone's own calendar. */
export interface InvitationEvent {
  /**
   * Stable for as long as the invitation lives: a later message with the same UID and a higher
   * SEQUENCE updates the event in place, or removes it when it cancels.
   */
  uid: string;
  /** The session's calendar sequence: raised by every change that matters to attendees. */
  sequence: number;
  startDate: string;
  endDate: string;
  summary: string;
  location: string;
  description: string;
  /** A CANCEL message for an event that no longer takes place (or no longer concerns them). */
  cancelled?: boolean;
  filename: string;
}

/** A calendar date as the UTC midnight that ical-generator writes as a DATE value. */
function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The iCalendar attachment of an e-mail: an all-day event over the session's dates (DTEND the
 * day after the last, as RFC 5545 wants). METHOD:PUBLISH adds or updates it, because the centre
 * has no mailbox for the replies METHOD:REQUEST would invite; METHOD:CANCEL with
 * STATUS:CANCELLED removes it. Calendars match on the UID and keep the highest SEQUENCE.
 */
export function calendarAttachment(event: InvitationEvent, now = new Date()): MessageAttachment {
  const method = event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const calendar = ical({
    name: 'Rabita',
    prodId: { company: 'Rabita', product: 'Rabita' },
    method,
  });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    allDay: true,
    start: day(event.startDate),
    end: day(addDays(event.endDate, 1)),
    summary: event.summary,
    location: event.location,
    description: event.description,
    stamp: now,
    ...(event.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  return {
    filename: event.filename,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendar.toString(),
  };
}

/** The UID of a selected participant's invitation: one per nomination, kept for its life. */
export const nominationEventUid = (nominationId: string) => `${nominationId}@rabita`;

/** The UID of the invitation the session's staff hold, apart from the feed's event. */
export const staffEventUid = (sessionId: string) => `staff-${sessionId}@rabita`;

type Localized = { en: string; fr?: string; ar?: string };
const inLocale = (text: Localized | null, locale: Locale) => (text ? text[locale] || text.en : '');

/** What a session's invitation shows, as it stands now. */
export interface SessionForInvitation {
  code: string;
  startDate: string;
  endDate: string;
  activityTitle: Localized;
  venueName: Localized;
  joiningInstructions: Localized | null;
  calendarSequence: number;
}

/**
 * A session as an event in the reader's language: its code and title, its venue, its joining
 * instructions as the description. The same words in every message that carries the UID, so
 * an update changes what changed and nothing else.
 */
export function sessionEvent(
  session: SessionForInvitation,
  locale: Locale,
  target: { uid: string; cancelled?: boolean },
): InvitationEvent {
  return {
    uid: target.uid,
    sequence: session.calendarSequence,
    startDate: session.startDate,
    endDate: session.endDate,
    summary: `${session.code} · ${inLocale(session.activityTitle, locale)}`,
    location: inLocale(session.venueName, locale),
    description: inLocale(session.joiningInstructions, locale),
    cancelled: target.cancelled ?? false,
    filename: `${session.code}.ics`,
  };
}
