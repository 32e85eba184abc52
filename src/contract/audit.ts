import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.js';
import { text } from './text.js';

export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  entityType: text().max(50).optional(),
  entityId: text().max(100).optional(),
  actorId: Uuid.optional(),
  action: text().max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditChainProblem = z.object({
  kind: z.enum([
    'edited',
    'deleted',
    'inserted',
    'unchained',
    'reordered',
    'rewritten',
    'bad-signature',
    'unknown-key',
  ]),
  seq: z.string(),
  recordId: z.string().nullable(),
  message: z.string(),
});
export type AuditChainProblem = z.infer<typeof AuditChainProblem>;

/** The audit chain's state: its head, its last signed checkpoint and the last full check. */
export const AuditChainStatus = z.object({
  headSeq: z.string(),
  lastCheckpoint: z.object({ seq: z.string(), signedAt: IsoDateTime }).nullable(),
  lastCheck: z
    .object({
      startedAt: IsoDateTime,
      finishedAt: IsoDateTime,
      intact: z.boolean(),
      records: z.number().int(),
      headSeq: z.string().nullable(),
      checkpoints: z.number().int(),
      problem: AuditChainProblem.nullable(),
      source: z.enum(['cli', 'web', 'schedule']),
    })
    .nullable(),
});
export type AuditChainStatus = z.infer<typeof AuditChainStatus>;

export const AuditCheckRequested = z.object({ requestedAt: IsoDateTime });
export type AuditCheckRequested = z.infer<typeof AuditCheckRequested>;

export const AuditCheckpointExport = z.object({
  format: z.literal('rabita-audit-checkpoints-1'),
  checkpoints: z.array(
    z.object({
      seq: z.string(),
      hash: z.string(),
      signedAt: IsoDateTime,
      keyId: z.string(),
      publicKey: z.string(),
      signature: z.string(),
    }),
  ),
});
