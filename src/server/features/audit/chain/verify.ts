import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/client.js';
import {
  CHAINED_RECORD_COLUMNS,
  type ChainedRecordText,
  GENESIS_HASH,
  recordHash,
} from './digest.js';
import {
  type AuditSigningKey,
  checkpointMessage,
  checkpointSignatureHolds,
} from './signing-key.js';

/** What broke the chain first, in the chain's order. */
export type ChainProblemKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'unchained'
  | 'reordered'
  | 'rewritten'
  | 'bad-signature'
  | 'unknown-key';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The place in the chain where it shows. */
  seq: string;
  /** The audit record it names (its id), when there is one. */
  recordId: string | null;
  message: string;
}

export interface ChainReport {
  intact: boolean;
  /** Records checked. */
  records: number;
  /** The chain's head when the check read it (the check sees one consistent snapshot). */
  headSeq: string;
  /** Signed checkpoints whose signature and hash were checked. */
  checkpoints: number;
  problem: ChainProblem | null;
}

type ChainRow = ChainedRecordText & {
  seq: string;
  prevHash: string;
  hash: string;
};

type CheckpointRow = {
  seq: string;
  hash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
};

export interface VerifyOptions {
  /** The server's key (or an auditor's copy of its public key); null skips the signatures. */
  key: AuditSigningKey | null;
  /** Check only from after this trusted place (a checkpoint already checked), not from the start. */
  from?: { seq: string; hash: string };
  batchSize?: number;
  onProgress?: (records: number) => void;
}

/**
 * Checks the whole audit chain in one snapshot (REPEATABLE READ, read only), so records written
 * during the check neither disturb it nor are missed by the next one. Names the first record
 * that was edited, deleted, inserted or reordered, and the first signed checkpoint the chain no
 * longer matches (a rewrite that recomputed every hash after an edit).
 */
export function verifyAuditChain(db: Database, options: VerifyOptions): Promise<ChainReport> {
  return db.transaction((tx) => verifyIn(tx, options), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function verifyIn(tx: Tx, options: VerifyOptions): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  const head = (
    await tx.execute<{ seq: string; hash: string }>(
      sql`select seq::text as seq, hash from audit_chain_head`,
    )
  ).rows[0] ?? { seq: '0', hash: GENESIS_HASH };
  const checkpoints = await checkpointsBySeq(tx, options.from?.seq ?? '0');

  let expected = BigInt(options.from?.seq ?? '0') + 1n;
  let prevHash = options.from?.hash ?? GENESIS_HASH;
  let hashBeforePrev: string | null = null;
  let prevRow: ChainRow | null = null;
  let records = 0;
  let checked = 0;
  const report = (problem: ChainProblem | null): ChainReport => ({
    intact: problem === null,
    records,
    headSeq: head.seq,
    checkpoints: checked,
    problem,
  });

  for (;;) {
    const rows = (
      await tx.execute<ChainRow>(
        sql`select ${sql.raw(CHAINED_RECORD_COLUMNS)} from audit_log
            where chain_seq >= ${expected.toString()}::bigint order by chain_seq limit ${batchSize}`,
      )
    ).rows;
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expected)
        return report({
          kind: 'deleted',
          seq: expected.toString(),
          recordId: row.id,
          message: `Records at places ${expected}${seq - 1n > expected ? `-${seq - 1n}` : ''} of the chain are missing (deleted); the next record is #${row.id}.`,
        });
      if (recordHash(row, row.prevHash) !== row.hash)
        return report({
          kind: 'edited',
          seq: row.seq,
          recordId: row.id,
          message: `Record #${row.id} (place ${row.seq}) was changed after it was written.`,
        });
      if (row.prevHash !== prevHash)
        return report(await brokenLink(tx, row, prevRow, hashBeforePrev));
      records += 1;
      for (const checkpoint of checkpoints.get(row.seq) ?? []) {
        const problem = checkCheckpoint(checkpoint, row, options.key);
        if (problem) return report(problem);
        checked += 1;
      }
      hashBeforePrev = prevHash;
      prevHash = row.hash;
      prevRow = row;
      expected = seq + 1n;
    }
    options.onProgress?.(records);
    if (rows.length < batchSize) break;
  }

  const lastSeq = expected - 1n;
  if (BigInt(head.seq) > lastSeq)
    return report({
      kind: 'deleted',
      seq: (lastSeq + 1n).toString(),
      recordId: null,
      message: `The chain ends at place ${lastSeq} but its head says ${head.seq}: the last records were deleted.`,
    });
  if (head.hash !== prevHash)
    return report({
      kind: 'inserted',
      seq: head.seq,
      recordId: prevRow?.id ?? null,
      message: `The chain's last record (place ${lastSeq}) is not the head the database recorded: records were added or replaced at the end.`,
    });
  // Written with the chain's trigger switched off: a record outside the chain altogether.
  const outside = (
    await tx.execute<{ id: string }>(
      sql`select id::text as id from audit_log where chain_seq is null order by id limit 1`,
    )
  ).rows[0];
  if (outside)
    return report({
      kind: 'unchained',
      seq: head.seq,
      recordId: outside.id,
      message: `Record #${outside.id} is outside the chain: it was written into the database directly, with the chain's trigger switched off.`,
    });
  const beyond = [...checkpoints.values()].flat().find((c) => BigInt(c.seq) > lastSeq);
  if (beyond)
    return report({
      kind: 'deleted',
      seq: (lastSeq + 1n).toString(),
      recordId: null,
      message: `A checkpoint signed ${beyond.signedAt.toISOString()} covers place ${beyond.seq}, but the chain ends at ${lastSeq}: records were deleted.`,
    });
  return report(null);
}

async function checkpointsBySeq(tx: Tx, afterSeq: string) {
  const rows = (
    await tx.execute<CheckpointRow>(
      sql`select seq::text as seq, hash, signed_at as "signedAt", key_id as "keyId", signature
          from audit_checkpoints where seq > ${afterSeq}::bigint order by seq, id`,
    )
  ).rows;
  const bySeq = new Map<string, CheckpointRow[]>();
  for (const row of rows) {
    const signedAt = row.signedAt instanceof Date ? row.signedAt : new Date(row.signedAt);
    bySeq.set(row.seq, [...(bySeq.get(row.seq) ?? []), { ...row, signedAt }]);
  }
  return bySeq;
}

function checkCheckpoint(
  checkpoint: CheckpointRow,
  row: ChainRow,
  key: AuditSigningKey | null,
): ChainProblem | null {
  const at = checkpoint.signedAt.toISOString();
  if (key) {
    if (checkpoint.keyId !== key.keyId)
      return {
        kind: 'unknown-key',
        seq: row.seq,
        recordId: row.id,
        message: `The checkpoint signed ${at} at place ${row.seq} names a key this server does not hold (${checkpoint.keyId.slice(0, 16)}...); check it with that key's public part.`,
      };
    const message = checkpointMessage(checkpoint.seq, checkpoint.hash, checkpoint.signedAt);
    if (!checkpointSignatureHolds(key, message, checkpoint.signature))
      return {
        kind: 'bad-signature',
        seq: row.seq,
        recordId: row.id,
        message: `The checkpoint signed ${at} at place ${row.seq} does not carry a valid signature: it was forged or altered.`,
      };
  }
  if (checkpoint.hash !== row.hash)
    return {
      kind: 'rewritten',
      seq: row.seq,
      recordId: row.id,
      message: `The chain up to record #${row.id} (place ${row.seq}) no longer matches the checkpoint signed ${at}: records at or before it were rewritten and the chain recomputed.`,
    };
  return null;
}

/** Tells why a record does not link to the one before it. */
async function brokenLink(
  tx: Tx,
  row: ChainRow,
  prevRow: ChainRow | null,
  hashBeforePrev: string | null,
): Promise<ChainProblem> {
  if (prevRow && hashBeforePrev !== null && row.prevHash === hashBeforePrev)
    return {
      kind: 'inserted',
      seq: prevRow.seq,
      recordId: prevRow.id,
      message: `Record #${prevRow.id} (place ${prevRow.seq}) was inserted into the chain: the record after it links past it.`,
    };
  const linked = (
    await tx.execute<{ id: string; seq: string }>(
      sql`select id::text as id, chain_seq::text as seq from audit_log where hash = ${row.prevHash} limit 1`,
    )
  ).rows[0];
  if (linked && BigInt(linked.seq) > BigInt(row.seq))
    return {
      kind: 'reordered',
      seq: row.seq,
      recordId: row.id,
      message: `Record #${row.id} (place ${row.seq}) is out of order: it was written after record #${linked.id}, now at place ${linked.seq}.`,
    };
  return {
    kind: 'deleted',
    seq: row.seq,
    recordId: row.id,
    message: `The record written just before #${row.id} (place ${row.seq}) is missing (deleted).`,
  };
}
