import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.js';

/**
 * The head of the audit chain: one row, the last record's place and hash. The trigger that
 * chains each new audit record locks it, so concurrent writers queue and cannot fork the chain;
 * the app may only read it (src/server/db/roles.ts).
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    only: boolean('only').primaryKey().default(true),
    seq: bigint('seq', { mode: 'bigint' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_chain_head_one_row', sql`${t.only}`)],
);

/**
 * A signed statement of the chain's head: "record `seq` has hash `hash`", signed with the
 * server's Ed25519 key. Rewriting any record up to `seq` and recomputing the chain after it
 * cannot reproduce the signed hash without the key, which is not in the database.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  seq: bigint('seq', { mode: 'bigint' }).notNull(),
  hash: text('hash').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  /** SHA-256 (hex) of the signing public key's DER form, to tell keys apart after a rotation. */
  keyId: text('key_id').notNull(),
  /** The public key (SPKI PEM), so an export can be checked away from the server. */
  publicKey: text('public_key').notNull(),
  /** Ed25519 signature (base64) over checkpointMessage(seq, hash, signedAt). */
  signature: text('signature').notNull(),
});

/** What a check of the whole chain found, newest last; the audit page shows the latest. */
export const auditVerifications = pgTable('audit_verifications', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  intact: boolean('intact').notNull(),
  records: bigint('records', { mode: 'number' }).notNull(),
  headSeq: bigint('head_seq', { mode: 'number' }),
  checkpoints: integer('checkpoints').notNull(),
  /** Null when intact: the first problem found (kind, record, message). */
  problem: jsonb('problem'),
  /** `cli`, `web` or `schedule`. */
  source: text('source').notNull(),
  requestedBy: uuid('requested_by').references(() => users.id),
});
