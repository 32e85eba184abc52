import { zipSync } from 'fflate';
import { verificationUrl } from '../../../domain/certificate-payload.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordExport } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { publicUrl } from '../messages/links.js';
import { selectSession } from '../sessions/queries.js';
import { assertMayDownload, assertMayIssue } from './access.js';
import { buildBadge } from './badge.js';
import { renderCertificatePdf } from './pdf/render.js';
import { printedOf } from './presenters.js';
import * as q from './queries.js';
import { signedBytes } from './signing.js';

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** The PDF of a stored certificate: what it signed, printed, with the signature inside. */
export function certificateFile(row: q.CertificateRow): Promise<Buffer> {
  return renderCertificatePdf({
    printed: printedOf(row),
    verifyUrl: verificationUrl(publicUrl(), row.id),
    signed: { payload: signedBytes(row.payload), signature: row.signature, keyId: row.keyId },
    issuedAt: row.issuedAt,
  });
}

/** A part of a file name in plain letters, digits and hyphens (accents dropped). */
export const safeFilePart = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '')
    .slice(0, 40) || 'x';

/** A file name of plain letters: the session, the family name and the id. */
function fileName(row: q.CertificateRow, extension: string): string {
  const printed = printedOf(row);
  const family = printed.participant.latin.split(' ').at(-1) ?? 'participant';
  const safe = safeFilePart;
  return `${safe(printed.session.code)}-${safe(family)}-${row.id}.${extension}`;
}

/** A certificate its reader may download; a revoked one is not handed out any more. */
async function loadReadable(ctx: ServiceContext, id: string) {
  const row = await q.selectCertificate(ctx.tx, id);
  if (!row) throw notFound('The certificate');
  assertMayDownload(ctx.actor, row);
  if (row.certificate.revokedAt) {
    throw conflict('certificate_revoked', 'This certificate was revoked; it is no longer issued.');
  }
  return row.certificate;
}

/**
 * One certificate as a PDF, for its holder, their NPOC, centre staff or the course director;
 * each download is recorded in the audit trail.
 */
export async function downloadCertificatePdf(ctx: ServiceContext, id: string): Promise<Download> {
  const row = await loadReadable(ctx, id);
  const body = await certificateFile(row);
  await recordExport(ctx, {
    export: 'certificate-pdf',
    format: 'pdf',
    entityType: 'certificate',
    entityId: row.id,
  });
  return { filename: fileName(row, 'pdf'), contentType: 'application/pdf', body };
}

/** One certificate as an Open Badges 3.0 credential, signed by the certificate's own key. */
export async function certificateBadge(ctx: ServiceContext, id: string) {
  const row = await loadReadable(ctx, id);
  const key = await q.selectSigningKeyById(ctx.tx, row.keyId);
  if (!key) throw new Error(`signing key ${row.keyId} is missing`);
  const badge = buildBadge(printedOf(row), row.issuedAt, key);
  await recordExport(ctx, {
    export: 'certificate-badge',
    format: 'json',
    entityType: 'certificate',
    entityId: row.id,
  });
  return badge;
}

/** Every valid certificate of a session, one PDF each, in one ZIP; the download is audited. */
export async function downloadSessionZip(ctx: ServiceContext, code: string): Promise<Download> {
  const found = await selectSession(ctx.tx, ctx.actor.scope, code);
  if (!found) throw notFound(`The session ${code}`);
  assertMayIssue(ctx.actor, found.session);
  const rows = await q.selectLiveCertificates(ctx.tx, found.session.id);
  if (rows.length === 0) {
    throw conflict('no_certificates', 'No valid certificate has been issued on this session yet.');
  }
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  // One after another: each render is CPU-bound, and the ZIP is built once all are done.
  for (const { certificate } of rows) {
    files[fileName(certificate, 'pdf')] = [await certificateFile(certificate), { level: 0 }];
  }
  await recordExport(ctx, {
    export: 'certificates-zip',
    format: 'zip',
    entityType: 'session',
    entityId: found.session.id,
    rows: rows.length,
  });
  return {
    filename: `certificates-${found.session.code}.zip`,
    contentType: 'application/zip',
    body: Buffer.from(zipSync(files)),
  };
}
