import type { CalendarFeed } from '../../../contract/sessions.js';
import { addDays } from '../../../domain/venue-calendar.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { actorFromUser } from '../auth/presenters.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { selectFeedSessions } from '../sessions/queries.js';
import { presentCalendar, presentFeed } from './presenters.js';
import * as q from './queries.js';

/** How far back a feed reaches: a year of past sessions, every future one. */
const HISTORY_DAYS = 365;

const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/api/v1/calendar/${token}.ics`;

/**
 * The caller's feed, issued on first request. Only the token's hash is kept, so the address
 * is in the answer only when it is issued; to see it again, rotate.
 */
export async function getCalendarFeed(ctx: ServiceContext, baseUrl: string): Promise<CalendarFeed> {
  const existing = await q.selectFeed(ctx.tx, ctx.actor.id);
  if (existing) return presentFeed(existing, null);
  const token = newSecret();
  const row = await q.insertFeed(ctx.tx, ctx.actor.id, hashToken(token));
  if (!row) {
    // A concurrent first request won: its answer carries the address.
    const winner = await q.selectFeed(ctx.tx, ctx.actor.id);
    if (!winner) throw new Error('calendar feed vanished after a conflicting insert');
    return presentFeed(winner, null);
  }
  await recordAudit(ctx, {
    action: 'calendar_feed.created',
    entityType: 'user',
    entityId: ctx.actor.id,
  });
  return presentFeed(row, feedUrl(baseUrl, token));
}

/** A new secret address; the old one stops working at once. */
export async function rotateCalendarFeed(
  ctx: ServiceContext,
  baseUrl: string,
): Promise<CalendarFeed> {
  const token = newSecret();
  const row = await q.replaceFeed(ctx.tx, ctx.actor.id, hashToken(token));
  await recordAudit(ctx, {
    action: 'calendar_feed.rotated',
    entityType: 'user',
    entityId: ctx.actor.id,
  });
  return presentFeed(row, feedUrl(baseUrl, token));
}

/**
 * The iCalendar text behind a feed address (`<token>.ics`). The token is the credential: it
 * stands for its user, who sees in the feed exactly the sessions they may see in the list.
 */
export async function renderCalendarFeed(db: DbOrTx, file: string, now: Date): Promise<string> {
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : null;
  const user = token ? await q.selectFeedUser(db, hashToken(token)) : undefined;
  if (!user) throw notFound('The calendar feed');
  const actor = actorFromUser(user, { kind: 'token', tokenId: `calendar-feed:${user.id}` });
  const since = addDays(now.toISOString().slice(0, 10), -HISTORY_DAYS);
  const rows = await selectFeedSessions(db, actor.scope, since);
  return presentCalendar(rows, actor.locale, now);
}
