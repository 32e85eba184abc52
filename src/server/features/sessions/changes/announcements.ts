import { addDays } from '../../../../domain/venue-calendar.js';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { publicUrl } from '../../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../../messages/outbox.js';
import { scheduleAnnouncementDigest } from './dispatch.js';
import * as q from './queries.js';
import { asLocale } from './recipients.js';
import { formatDay, formatDays, inLocale, wordsFor } from './wording.js';

/** The UTC calendar day of an instant: announcements are gathered per such day. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * An announced session, heard of at once under the bell by the NPOC of every nation it is
 * released to, with that nation's quota and the closing day; the e-mail waits for the day's
 * digest, so a nation that sees five sessions announced in a day gets one e-mail.
 */
export async function announceToNations(
  tx: Tx,
  change: q.SessionChangeRow,
  session: q.SessionForNotice,
): Promise<void> {
  // Taken back to draft (or further along) by the time the job runs: that news is out of date.
  if (session.status === 'announced' && session.activityStatus === 'active') {
    const nations = await q.selectReleasedNations(tx, session.activityId);
    const quotas = await q.selectQuotaSeats(tx, session.id);
    for (const npoc of await q.selectNpocs(tx, nations)) {
      await notifyUser(tx, npoc.id, {
        kind: 'session-announced',
        params: {
          sessionCode: session.code,
          quota: String(quotas.get(npoc.nationCode ?? '') ?? 0),
          closesDate: session.nominationCloses,
        },
        link: `/sessions/${session.code}`,
      });
    }
  }
  await scheduleAnnouncementDigest(tx, utcDay(change.createdAt));
}

/**
 * The day's digest: one e-mail per NPOC listing every session announced to their nation up to
 * the end of `day` (UTC) and not yet in a digest, each with the nation's quota and deadline.
 * A session taken back to draft or cancelled since is left out. The announcements are marked
 * in the same transaction, so a second run (or a retry) sends nothing twice. Returns how many
 * e-mails were queued.
 */
export async function sendAnnouncementDigest(
  db: DbOrTx,
  day: string,
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const before = new Date(`${addDays(day, 1)}T00:00:00Z`);
    const changes = await q.lockUndigestedAnnouncements(tx, before);
    if (changes.length === 0) return 0;
    const byNation = new Map<string, { session: q.SessionForNotice; seats: number }[]>();
    for (const sessionId of new Set(changes.map((c) => c.sessionId))) {
      const session = await q.selectSessionForNotice(tx, sessionId);
      if (session.status !== 'announced' || session.activityStatus !== 'active') continue;
      const quotas = await q.selectQuotaSeats(tx, session.id);
      for (const nation of await q.selectReleasedNations(tx, session.activityId)) {
        const list = byNation.get(nation) ?? [];
        list.push({ session, seats: quotas.get(nation) ?? 0 });
        byNation.set(nation, list);
      }
    }
    const names = await q.selectNationNames(tx, [...byNation.keys()]);
    const emails: EmailRequest[] = [];
    for (const npoc of await q.selectNpocs(tx, [...byNation.keys()])) {
      const offered = byNation.get(npoc.nationCode ?? '') ?? [];
      if (offered.length === 0) continue;
      const locale = asLocale(npoc.locale);
      const w = wordsFor(locale);
      const sessions = offered
        .sort((a, b) => a.session.startDate.localeCompare(b.session.startDate))
        .map(({ session, seats }) => {
          const pool = session.capacity - session.quotaTotal;
          return [
            `• ${session.code}, ${inLocale(session.activityTitle, locale)}: ${formatDays(session.startDate, session.endDate, locale)} ${w.digest.venue(inLocale(session.venueName, locale))}.`,
            seats > 0 ? w.digest.quota(seats) : w.digest.noQuota(pool),
            w.digest.closes(formatDay(session.nominationCloses, locale), session.timeZone),
          ].join(' ');
        })
        .join('\n\n');
      emails.push({
        event: 'sessions-announced',
        locale,
        to: npoc.email,
        userId: npoc.id,
        variables: {
          recipientName: npoc.displayName,
          nationName: inLocale(names.get(npoc.nationCode ?? '') ?? null, locale),
          sessions,
          link: `${publicUrl()}/`,
        },
      });
    }
    await queueEmails(tx, emails);
    await q.markDigested(
      tx,
      changes.map((c) => c.id),
      now,
    );
    return emails.length;
  });
}
