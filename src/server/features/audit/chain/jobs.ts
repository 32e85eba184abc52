import type { Database } from '../../../db/client.js';
import type { JobLogger } from '../../../jobs/tasks.js';
import { recordVerification, signAuditCheckpoint } from './checkpoints.js';
import type { AuditSigningKey } from './signing-key.js';
import { verifyAuditChain } from './verify.js';

/** The recurring checkpoint: checks what was written since the last one, then signs the head. */
export async function runAuditCheckpoint(
  db: Database,
  key: AuditSigningKey | null,
  logger: JobLogger,
): Promise<void> {
  if (!key?.privateKey) {
    logger.warn({}, 'no audit signing key in this process: the audit chain is not signed');
    return;
  }
  const { signedSeq, report } = await signAuditCheckpoint(db, key);
  if (report.problem)
    logger.error({ problem: report.problem }, 'the audit chain is broken; nothing was signed');
  else if (signedSeq) logger.info({ seq: signedSeq }, 'audit chain checkpoint signed');
}

/** A check of the whole chain, kept for the audit page; a broken chain is logged as an error. */
export async function runAuditVerification(
  db: Database,
  key: AuditSigningKey | null,
  logger: JobLogger,
  requestedBy: string | null,
): Promise<void> {
  const startedAt = new Date();
  const report = await verifyAuditChain(db, { key });
  await recordVerification(db, report, {
    source: requestedBy ? 'web' : 'schedule',
    startedAt,
    requestedBy,
  });
  if (report.problem)
    logger.error({ problem: report.problem }, 'the audit chain check found a problem');
  else logger.info({ records: report.records }, 'audit chain checked: intact');
}
