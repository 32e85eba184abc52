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
