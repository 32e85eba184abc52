import { createHash } from 'node:crypto';

/** The previous hash of the chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A record's fields as the database writes them into its hash: text, or null. The query that
 * reads them (CHAINED_RECORD_COLUMNS) formats the time and JSON exactly as the trigger does.
 */
export type ChainedRecordText = {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
};

/** The SELECT list that reads a record's hashed fields as text, beside its chain columns. */
export const CHAINED_RECORD_COLUMNS = `id::text as id,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  actor_id::text as "actorId", action, entity_type as "entityType", entity_id as "entityId",
  before::text as before, after::text as after, request_id as "requestId",
  chain_seq::text as seq, prev_hash as "prevHash", hash`;

function field(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/**
 * The record's SHA-256 (hex) over its content and the previous record's hash: the same text the
 * migration's `audit_record_hash` builds, computed here independently to check it.
 */
export function recordHash(record: ChainedRecordText, prevHash: string): string {
  const text =
    'rabita-audit-1' +
    field(record.id) +
    field(record.at) +
    field(record.actorId) +
    field(record.action) +
    field(record.entityType) +
    field(record.entityId) +
    field(record.before) +
    field(record.after) +
    field(record.requestId) +
    field(prevHash);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
