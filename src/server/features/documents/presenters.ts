import type { Document } from '../../../contract/documents.js';
import type { ListedDocument } from './queries.js';

/** Where a document is fetched: anyone's link for a public one, the signed-in route otherwise. */
export function downloadUrlOf(id: string, audience: Document['audience']): string {
  return audience === 'public' ? `/api/v1/public/documents/${id}` : `/api/v1/documents/${id}/file`;
}

export function presentDocument(row: ListedDocument): Document {
  const d = row.document;
  return {
    id: d.id,
    owner: row.sessionCode
      ? { kind: 'session', code: row.sessionCode }
      : { kind: 'activity', code: row.activityCode ?? '' },
    title: d.title,
    kind: d.kind,
    audience: d.audience,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: row.uploaderName,
    uploadedAt: d.uploadedAt.toISOString(),
    downloadUrl: downloadUrlOf(d.id, d.audience),
  };
}

/** A Content-Disposition that carries any file name: ASCII fallback plus RFC 5987 UTF-8. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
