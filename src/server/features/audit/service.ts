import type { AuditEntry, AuditQuery } from '../../../contract/audit.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import type { ServiceContext } from '../context.js';
import { selectAuditEntries } from './queries.js';

/** Browses the audit trail, newest first, with keyset pagination on the entry id. */
export async function listAuditEntries(ctx: ServiceContext, query: AuditQuery) {
  const key = decodeCursor(query.cursor, ['integer']);
  const rows = await selectAuditEntries(ctx.tx, query, key ? BigInt(key[0] as string) : null);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: AuditEntry[] = page.map(({ entry, actorName }) => ({
    id: entry.id.toString(),
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    requestId: entry.requestId,
  }));
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.entry.id.toString()]) : null,
  };
}
