import { auditLog } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

/** Acts for loaders and scheduled jobs; its audit records have no actor. */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit record of a mutation inside the mutation's own transaction. */
export async function recordAudit(
  ctx: Pick<ServiceContext, 'tx' | 'requestId'> & { actor: { id: string } | null },
  change: AuditChange,
): Promise<void> {
  await ctx.tx.insert(auditLog).values({
    actorId: ctx.actor && ctx.actor.id !== SYSTEM_ACTOR_ID ? ctx.actor.id : null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: redact(change.before) ?? null,
    after: redact(change.after) ?? null,
    requestId: ctx.requestId,
  });
}

const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'tokenHash',
]);

/** Secrets never reach the audit trail, even when a caller passes a whole row. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEYS.has(key))
      .map(([key, v]) => [key, v instanceof Date ? v.toISOString() : redact(v)]),
  );
}
