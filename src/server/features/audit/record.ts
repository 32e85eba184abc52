import { sql } from 'drizzle-orm';
import { preparedStatement } from '../../db/prepared.js';
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

/** The INSERT of `count` records at once, built and prepared once per count. */
const auditInserts = new Map<number, ReturnType<typeof auditInsertOf>>();

function auditInsertOf(count: number) {
  const name = `rabita_audit_insert_${count}`;
  // before and after are sent as JSON text, or null for SQL NULL (not the JSON null a jsonb
  // placeholder would make of it).
  return preparedStatement((db) =>
    db
      .insert(auditLog)
      .values(
        Array.from({ length: count }, (_, i) => ({
          actorId: sql.placeholder(`actorId${i}`),
          action: sql.placeholder(`action${i}`),
          entityType: sql.placeholder(`entityType${i}`),
          entityId: sql.placeholder(`entityId${i}`),
          before: sql`${sql.placeholder(`before${i}`)}::jsonb`,
          after: sql`${sql.placeholder(`after${i}`)}::jsonb`,
          requestId: sql.placeholder(`requestId${i}`),
        })),
      )
      .prepare(name),
  );
}

function asJson(value: unknown): string | null {
  const redacted = redact(value);
  return redacted === undefined || redacted === null ? null : JSON.stringify(redacted);
}

/** What an audit record needs: the transaction, the request, who acts (null: nobody signed in). */
export type AuditContext = Pick<ServiceContext, 'tx' | 'requestId'> & {
  actor: { id: string } | null;
};

/** Writes the audit record of a mutation inside the mutation's own transaction. */
export async function recordAudit(ctx: AuditContext, change: AuditChange): Promise<void> {
  await recordAudits(ctx, [change]);
}

/** Several audit records of one mutation, in one statement, in the order given. */
export async function recordAudits(ctx: AuditContext, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  let insert = auditInserts.get(changes.length);
  if (!insert) {
    insert = auditInsertOf(changes.length);
    auditInserts.set(changes.length, insert);
  }
  const actorId = ctx.actor && ctx.actor.id !== SYSTEM_ACTOR_ID ? ctx.actor.id : null;
  const values: Record<string, unknown> = {};
  changes.forEach((change, i) => {
    values[`actorId${i}`] = actorId;
    values[`action${i}`] = change.action;
    values[`entityType${i}`] = change.entityType;
    values[`entityId${i}`] = change.entityId;
    values[`before${i}`] = asJson(change.before);
    values[`after${i}`] = asJson(change.after);
    values[`requestId${i}`] = ctx.requestId;
  });
  await insert(ctx.tx, values);
}

/** The action of every download of personal data, so one filter lists them all. */
export const EXPORT_ACTION = 'data.exported';

/** A download of personal data: which export, of what, in which format, and how much. */
export interface ExportRecord {
  /** e.g. `logistics-sheet`, `report`, `certificate-pdf`. */
  export: string;
  format: 'csv' | 'xlsx' | 'pdf' | 'zip' | 'json';
  entityType: string;
  entityId: string;
  /** Rows or files handed out, when counting them costs nothing. */
  rows?: number;
  /** The filters or options that chose what the file holds. */
  filters?: Record<string, unknown>;
}

/**
 * Records who downloaded which personal data. Downloads are reads without a transaction of
 * their own, so this is one INSERT, committed by itself, once the file is made: a refused or
 * failed download records nothing, and no file leaves without its record.
 */
export async function recordExport(ctx: AuditContext, record: ExportRecord): Promise<void> {
  const { entityType, entityId, ...details } = record;
  await recordAudit(ctx, { action: EXPORT_ACTION, entityType, entityId, after: details });
}

const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'tokenHash',
  // Single sign-on: an identity provider's client secret, and what a sign-in carries.
  'clientSecret',
  'idToken',
  'codeVerifier',
  'nonce',
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
