import type { NotificationList, NotificationListQuery } from '../../../contract/messages.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './account-queries.js';
import { presentNotification } from './presenters.js';

/** The reader's own notifications, newest first, with how many are unread. */
export async function listNotifications(
  ctx: ServiceContext,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const after = decodeCursor(query.cursor, ['integer']);
  const rows = await q.selectNotifications(ctx.tx, ctx.actor.id, {
    afterId: after ? Number(after[0]) : null,
    limit: query.limit,
    unreadOnly: query.unread === 'true',
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
    unreadCount: await q.countUnread(ctx.tx, ctx.actor.id),
  };
}

/** Someone else's notification is "not found", like one that does not exist. */
export async function markNotificationRead(ctx: ServiceContext, id: number): Promise<void> {
  const row = await q.markRead(ctx.tx, ctx.actor.id, id, new Date());
  if (!row) throw notFound('The notification');
  await recordAudit(ctx, {
    action: 'notification.read',
    entityType: 'notification',
    entityId: String(id),
  });
}

export async function markAllNotificationsRead(ctx: ServiceContext): Promise<number> {
  const count = await q.markAllRead(ctx.tx, ctx.actor.id, new Date());
  if (count > 0) {
    await recordAudit(ctx, {
      action: 'notification.read_all',
      entityType: 'user',
      entityId: ctx.actor.id,
      after: { count },
    });
  }
  return count;
}
