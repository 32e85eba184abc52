import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { auditCheckpoints, auditVerifications } from '../../../db/schema/index.js';
import { type AuditSigningKey, checkpointMessage, signCheckpoint } from './signing-key.js';
import { type ChainReport, verifyAuditChain } from './verify.js';

export type CheckSource = 'cli' | 'web' | 'schedule';

/** Keeps what a check found, for the audit page and the next check. */
export async function recordVerification(
  db: Database,
  report: ChainReport,
  details: { source: CheckSource; startedAt: Date; requestedBy?: string | null },
): Promise<void> {
  await db.insert(auditVerifications).values({
    startedAt: details.startedAt,
    intact: report.intact,
    records: report.records,
    headSeq: Number(report.headSeq),
    checkpoints: report.checkpoints,
    problem: report.problem,
    source: details.source,
    requestedBy: details.requestedBy ?? null,
  });
}

export interface CheckpointOutcome {
  /** The place signed, or null when nothing new was written since the last checkpoint. */
  signedSeq: string | null;
  /** The check of the records since the last checkpoint this key signed. */
  report: ChainReport;
}

/**
 * Signs the chain's head, after checking the records written since the last checkpoint of this
 * key: a checkpoint vouches only for a chain that holds. A broken chain is recorded as a failed
 * check and nothing is signed.
 */
export async function signAuditCheckpoint(
  db: Database,
  key: AuditSigningKey,
  now: () => Date = () => new Date(),
): Promise<CheckpointOutcome> {
  const startedAt = now();
  const [last] = await db
    .select({ seq: auditCheckpoints.seq, hash: auditCheckpoints.hash })
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.keyId, key.keyId))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  const from = last ? { seq: last.seq.toString(), hash: last.hash } : undefined;
  const report = await verifyAuditChain(db, { key, from });
  if (!report.intact) {
    await recordVerification(db, report, { source: 'schedule', startedAt });
    return { signedSeq: null, report };
  }
  // The head the check saw: later records wait for the next checkpoint.
  const headSeq = report.headSeq;
  if (from && from.seq === headSeq) return { signedSeq: null, report };
  const headHash = (
    await db.execute<{ hash: string }>(
      sql`select hash from audit_log where chain_seq = ${headSeq}::bigint`,
    )
  ).rows[0]?.hash;
  if (!headHash) return { signedSeq: null, report };
  const signedAt = now();
  await db.insert(auditCheckpoints).values({
    seq: BigInt(headSeq),
    hash: headHash,
    signedAt,
    keyId: key.keyId,
    publicKey: key.publicPem,
    signature: signCheckpoint(key, checkpointMessage(headSeq, headHash, signedAt)),
  });
  return { signedSeq: headSeq, report };
}

/** Every signed checkpoint, oldest first, with its public key: what an auditor takes away. */
export async function exportCheckpoints(db: Database) {
  const rows = await db.select().from(auditCheckpoints).orderBy(auditCheckpoints.seq);
  return rows.map((row) => ({
    seq: row.seq.toString(),
    hash: row.hash,
    signedAt: row.signedAt.toISOString(),
    keyId: row.keyId,
    publicKey: row.publicKey,
    signature: row.signature,
  }));
}

/** The chain's state for the audit page: its head, the last checkpoint and the last check. */
export async function auditChainStatus(db: Database) {
  const head = (
    await db.execute<{ seq: string }>(sql`select seq::text as seq from audit_chain_head`)
  ).rows[0];
  const [checkpoint] = await db
    .select({ seq: auditCheckpoints.seq, signedAt: auditCheckpoints.signedAt })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  const [check] = await db
    .select()
    .from(auditVerifications)
    .orderBy(desc(auditVerifications.id))
    .limit(1);
  return {
    headSeq: head?.seq ?? '0',
    lastCheckpoint: checkpoint
      ? { seq: checkpoint.seq.toString(), signedAt: checkpoint.signedAt.toISOString() }
      : null,
    lastCheck: check
      ? {
          startedAt: check.startedAt.toISOString(),
          finishedAt: check.finishedAt.toISOString(),
          intact: check.intact,
          records: check.records,
          headSeq: check.headSeq === null ? null : String(check.headSeq),
          checkpoints: check.checkpoints,
          problem: check.problem as ChainReport['problem'],
          source: check.source as CheckSource,
        }
      : null,
  };
}
