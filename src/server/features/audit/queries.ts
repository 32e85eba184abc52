import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AuditQuery } from '../../../contract/audit.js';
import type { DbOrTx } from '../../db/client.js';
import { auditLog, users } from '../../db/schema/index.js';

/** Newest first; `beforeId` is the last id of the previous page. */
export async function selectAuditEntries(db: DbOrTx, query: AuditQuery, beforeId: bigint | null) {
  return db
    .select({ entry: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
        query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.from ? gte(auditLog.at, sql`${query.from}::date`) : undefined,
        query.to ? lt(auditLog.at, sql`${query.to}::date + 1`) : undefined,
        beforeId !== null ? lt(auditLog.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
}
