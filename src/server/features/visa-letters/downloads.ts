import { conflict, notFound } from '../../http/errors.js';
import { recordExport } from '../audit/record.js';
import type { Download } from '../certificates/downloads.js';
import type { ServiceContext } from '../context.js';
import { letterFile, letterFileName } from './files.js';
import * as q from './queries.js';

/**
 * One letter as a PDF, for centre staff and the NPOC of the participant's nation: another
 * nation's letter is not found, a replaced or revoked one is no longer handed out. Each
 * download is recorded in the audit trail.
 */
export async function downloadLetterPdf(ctx: ServiceContext, id: string): Promise<Download> {
  const row = await q.selectLetter(ctx.tx, id, ctx.actor.scope);
  if (!row) throw notFound('The visa letter');
  if (row.revokedAt) {
    throw conflict('letter_revoked', 'This visa letter was replaced or revoked.');
  }
  const body = await letterFile(row);
  await recordExport(ctx, {
    export: 'visa-letter-pdf',
    format: 'pdf',
    entityType: 'visa-letter',
    entityId: row.id,
  });
  return { filename: letterFileName(row), contentType: 'application/pdf', body };
}
