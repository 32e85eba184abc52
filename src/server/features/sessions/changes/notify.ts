import type { DbOrTx, Tx } from '../../../db/client.js';
import type { MessageAttachment } from '../../../db/schema/index.js';
import {
  calendarAttachment,
  nominationEventUid,
  sessionEvent,
  staffEventUid,
} from '../../calendar/invitation.js';
import { publicUrl } from '../../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../../messages/outbox.js';
import { announceToNations } from './announcements.js';
import * as q from './queries.js';
import { type Recipient, recipientsOf } from './recipients.js';
import { changeLines, formatDays, inLocale, peopleList, wordsFor } from './wording.js';

/**
 * The job of a session change: tells everyone it concerns, in their own language, by e-mail
 * (through the outbox) and under the bell, with their calendar invitations updated in place or
 * cancelled. One transaction that locks the change and ends by marking it told: run twice, or
 * again after a crash, it does its work once.
 */
export async function notifySessionChange(
  db: DbOrTx,
  changeId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const change = await q.lockChange(tx, changeId);
    if (!change || change.notifiedAt) return;
    const session = await q.selectSessionForNotice(tx, change.sessionId);
    if (change.kind === 'announced') {
      await announceToNations(tx, change, session);
    } else if (change.kind === 'cancelled' || session.status !== 'cancelled') {
      // An edit overtaken by the cancellation is old news: the cancellation tells everyone.
      await tellConcerned(tx, change, session);
    }
    await q.markNotified(tx, change.id, now);
  });
}

async function tellConcerned(tx: Tx, change: q.SessionChangeRow, session: q.SessionForNotice) {
  const cancelled = change.kind === 'cancelled';
  const recipients = await recipientsOf(tx, change, session.language);
  const nationNames = await q.selectNationNames(
    tx,
    recipients.flatMap((r) => (r.nation ? [r.nation.code] : [])),
  );
  // Invitations carry the sequence of this change, even if a later one has raised it since.
  const facts = { ...session, calendarSequence: change.calendarSequence };
  const emails: EmailRequest[] = [];
  for (const recipient of recipients) {
    const { locale } = recipient;
    const w = wordsFor(locale);
    const attachments = invitationsOf(recipient, facts, cancelled);
    const parts: string[] = [];
    if (recipient.ownSeat) {
      parts.push(cancelled ? w.cancelled.participant : w.concerns.participant);
    }
    if (recipient.nation && recipient.nation.nominations.length > 0) {
      const nation = inLocale(nationNames.get(recipient.nation.code) ?? null, locale);
      const people = peopleList(
        recipient.nation.nominations.map((n) => ({ name: n.person.name, status: n.status })),
        locale,
      );
      const text = cancelled ? w.cancelled.nation : w.concerns.nation;
      parts.push(text(nation || recipient.nation.code, people));
    }
    if (recipient.staff) {
      const role = w.role[recipient.staff.role];
      if (cancelled) parts.push(w.cancelled.staff(role));
      else parts.push(recipient.staff.staysOn ? w.concerns.staff(role) : w.concerns.leftStaff);
    }
    if (attachments.length > 0) {
      const own = recipient.ownSeat !== null || recipient.staff !== null;
      const many = attachments.length > 1 || !own;
      if (cancelled) parts.push(many ? w.cancelled.calendarsRemoved : w.cancelled.calendarRemoved);
      else parts.push(many ? w.concerns.calendarsUpdated : w.concerns.calendarUpdated);
    }
    const path =
      recipient.ownSeat && !recipient.nation && !recipient.staff
        ? '/'
        : `/sessions/${session.code}`;
    const common = {
      sessionCode: session.code,
      activityTitle: inLocale(session.activityTitle, locale),
      dates: formatDays(session.startDate, session.endDate, locale),
      venue: inLocale(session.venueName, locale),
      concerning: parts.join(' '),
      link: `${publicUrl()}${path}`,
      ...(recipient.name ? { recipientName: recipient.name } : {}),
    };
    if (recipient.email) {
      const base = { locale, to: recipient.email, userId: recipient.userId, attachments };
      emails.push(
        cancelled
          ? {
              ...base,
              event: 'session-cancelled',
              variables: { ...common, reason: change.reason ?? '' },
            }
          : {
              ...base,
              event: 'session-changed',
              variables: { ...common, changes: changeLines(change.changes, locale) },
            },
      );
    }
    if (recipient.userId) {
      await notifyUser(tx, recipient.userId, {
        kind: cancelled ? 'session-cancelled' : 'session-changed',
        params: cancelled
          ? { sessionCode: session.code, reason: change.reason ?? '' }
          : {
              sessionCode: session.code,
              changed: change.changes.map((c) => c.field).join(','),
              startDate: session.startDate,
              endDate: session.endDate,
            },
        link: path,
      });
    }
  }
  await queueEmails(tx, emails);
}

/**
 * The calendar messages a recipient gets: their own invitation, those of their nation's
 * selected participants (whose joining instructions they received too), the staff's. Each with
 * its UID of old, the change's sequence, and CANCEL when the session no longer concerns them.
 */
function invitationsOf(
  recipient: Recipient,
  session: q.SessionForNotice,
  cancelled: boolean,
): MessageAttachment[] {
  const attachments: MessageAttachment[] = [];
  const seats = [
    ...(recipient.ownSeat ? [recipient.ownSeat] : []),
    ...(recipient.nation?.nominations ?? []),
  ].filter((n) => n.status === 'selected');
  const uids = new Set<string>();
  for (const [index, seat] of seats.entries()) {
    const uid = nominationEventUid(seat.id);
    if (uids.has(uid)) continue;
    uids.add(uid);
    const event = sessionEvent(session, recipient.locale, { uid, cancelled });
    attachments.push(
      calendarAttachment({
        ...event,
        filename: seats.length > 1 ? `${session.code}-${index + 1}.ics` : event.filename,
      }),
    );
  }
  if (recipient.staff) {
    attachments.push(
      calendarAttachment(
        sessionEvent(session, recipient.locale, {
          uid: staffEventUid(session.id),
          cancelled: cancelled || !recipient.staff.staysOn,
        }),
      ),
    );
  }
  return attachments;
}
