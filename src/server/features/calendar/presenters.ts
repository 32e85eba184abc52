import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale, LocalizedText } from '../../../contract/common.js';
import type { CalendarFeed } from '../../../contract/sessions.js';
import { seatsOf } from '../../../domain/seats.js';
import { addDays } from '../../../domain/venue-calendar.js';
import type { JoinedSession } from '../sessions/queries.js';
import type { FeedRow } from './queries.js';

export function presentFeed(row: FeedRow, url: string | null): CalendarFeed {
  return { url, createdAt: row.createdAt.toISOString() };
}

function inLocale(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.en;
}

/** A calendar date as the UTC midnight that ical-generator writes as a DATE value. */
function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The iCalendar text of a feed: each session as an all-day event (DTEND is the day after the
 * last, as RFC 5545 wants), and each session still taking nominations its closing day too.
 * Events carry the session's calendar sequence, so a subscribed calendar takes a change as an
 * update of the same event; a cancelled session stays, marked STATUS:CANCELLED.
 */
export function presentCalendar(rows: readonly JoinedSession[], locale: Locale, now: Date) {
  const calendar = ical({ name: 'Rabita', prodId: { company: 'Rabita', product: 'Rabita' } });
  for (const { session, activity, venue } of rows) {
    const title = inLocale(activity.title, locale);
    const left = seatsOf(session.capacity, [], session.seatsTaken).left;
    const deadline = `${session.nominationCloses}, end of day (${venue.timeZone})`;
    const cancelled = session.status === 'cancelled';
    calendar.createEvent({
      id: `${session.id}@rabita`,
      sequence: session.calendarSequence,
      allDay: true,
      start: day(session.startDate),
      end: day(addDays(session.endDate, 1)),
      summary: `${session.code} · ${title}`,
      location: inLocale(venue.name, locale),
      description: cancelled
        ? `${title}\nCancelled: ${session.cancelReason ?? ''}`
        : `${title}\nNominations close: ${deadline}\nSeats left: ${left}`,
      lastModified: session.updatedAt,
      stamp: now,
      ...(cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
    if (session.status === 'announced' && session.nominationDeadline >= now) {
      calendar.createEvent({
        id: `${session.id}-nominations@rabita`,
        sequence: session.calendarSequence,
        allDay: true,
        start: day(session.nominationCloses),
        end: day(addDays(session.nominationCloses, 1)),
        summary: `Nominations close: ${session.code}`,
        description: `${session.code} · ${title}\nDeadline: ${deadline}\nSeats left: ${left}`,
        lastModified: session.updatedAt,
        stamp: now,
      });
    }
  }
  return calendar.toString();
}
