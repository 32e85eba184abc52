import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Document, DocumentList, DocumentUpload } from '../../../contract/documents.js';
import { mayReadDocument, readableAudiences } from '../../../domain/document-access.js';
import type { Database } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { getActivity } from '../catalogue/service.js';
import type { ServiceContext } from '../context.js';
import { loadSession } from '../sessions/service.js';
import { mayManage, readerFacts } from './access.js';
import { detectDocumentType, extensionOf, nameFitsType } from './file-types.js';
import { presentDocument } from './presenters.js';
import * as q from './queries.js';
import { type DocumentStore, storageKeyOf } from './store.js';

/** What the documents feature works with besides the request's context. */
export interface DocumentDeps {
  db: Database;
  store: DocumentStore;
  maxBytes: number;
}

export type OwnerRef = { kind: 'activity' | 'session'; code: string };

/**
 * The owner the reader names, if they may see it at all: a session or activity hidden from
 * their nation is "not found", exactly like a missing one.
 */
async function resolveOwner(ctx: ServiceContext, ref: OwnerRef): Promise<q.DocumentOwner> {
  if (ref.kind === 'session') {
    const { session } = await loadSession(ctx, ref.code);
    return {
      kind: 'session',
      sessionId: session.id,
      activityId: session.activityId,
      code: session.code,
      directorId: session.directorId,
    };
  }
  await getActivity(ctx, ref.code);
  const activityId = await q.selectActivityId(ctx.tx, ref.code);
  if (!activityId) throw notFound(`The activity ${ref.code}`);
  return { kind: 'activity', activityId, code: ref.code };
}

/** The documents of a session or activity that the reader may read. */
export async function listDocuments(
  ctx: ServiceContext,
  ref: OwnerRef,
  maxBytes: number,
): Promise<DocumentList> {
  const owner = await resolveOwner(ctx, ref);
  const facts = await readerFacts(ctx.tx, ctx.actor, owner);
  const rows = await q.selectDocuments(ctx.tx, owner, readableAudiences(facts));
  return { items: rows.map(presentDocument), canManage: mayManage(ctx.actor, owner), maxBytes };
}

const MEDIA_NAMES: Record<string, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'text/plain': 'plain text',
};

/** The bytes of an upload, refused before anything is written when they may not be kept. */
function checkedFile(input: DocumentUpload, maxBytes: number) {
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length > maxBytes) {
    throw new AppError(
      413,
      'document_too_large',
      `The file is ${bytes.length} bytes; a document may be ${maxBytes} bytes at most.`,
      undefined,
      undefined,
      { limit: maxBytes, size: bytes.length },
    );
  }
  if (bytes.length === 0) throw new AppError(422, 'document_empty', 'The file is empty.');
  const type = detectDocumentType(bytes);
  if (!type) {
    throw new AppError(
      422,
      'document_type_refused',
      'The file is not a PDF, Word, Excel or PowerPoint document (.docx, .xlsx, .pptx), PNG, JPEG or plain text.',
    );
  }
  if (!nameFitsType(input.fileName, type)) {
    const named = extensionOf(input.fileName) || 'no ending';
    throw new AppError(
      422,
      'document_type_mismatch',
      `The file's content is ${MEDIA_NAMES[type] ?? 'an Office document'}, but its name ends in ${named}.`,
      undefined,
      undefined,
      { detected: type },
    );
  }
  return { bytes, type };
}

/**
 * Keeps an uploaded document: the content is checked first (size, type by its bytes, the name
 * that goes with it), then the file is written, then its row and audit record commit together.
 * If the row cannot be written the file is removed again, so no file is left without its row.
 */
export async function uploadDocument(
  ctx: ServiceContext,
  deps: DocumentDeps,
  ref: OwnerRef,
  input: DocumentUpload,
): Promise<Document> {
  const owner = await resolveOwner(ctx, ref);
  if (!mayManage(ctx.actor, owner)) throw forbidden();
  const { bytes, type } = checkedFile(input, deps.maxBytes);
  const id = randomUUID();
  const storageKey = storageKeyOf(id);
  await deps.store.put(storageKey, bytes);
  try {
    const inserted = await deps.db.transaction(async (tx) => {
      const row = await q.insertDocument(tx, {
        id,
        activityId: owner.kind === 'activity' ? owner.activityId : null,
        sessionId: owner.kind === 'session' ? owner.sessionId : null,
        title: input.title,
        kind: input.kind,
        audience: input.audience,
        fileName: input.fileName,
        mediaType: type,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        uploadedBy: ctx.actor.id,
      });
      const { storageKey: _key, ...metadata } = row;
      await recordAudit(
        { ...ctx, tx },
        {
          action: 'document.uploaded',
          entityType: 'document',
          entityId: id,
          after: { ...metadata, owner: { kind: owner.kind, code: owner.code } },
        },
      );
      return row;
    });
    return presentDocument({
      document: inserted,
      uploaderName: ctx.actor.displayName,
      sessionCode: owner.kind === 'session' ? owner.code : null,
      activityCode: owner.kind === 'activity' ? owner.code : null,
    });
  } catch (error) {
    await deps.store.delete(storageKey).catch(() => {});
    throw error;
  }
}

/** A document the reader may read, with its owner; another's or a missing one is not found. */
async function readableDocument(ctx: ServiceContext, id: string) {
  const row = await q.selectDocument(ctx.tx, id);
  const owner = row ? await q.selectOwnerOf(ctx.tx, row.document) : null;
  if (!row || !owner) throw notFound('The document');
  const facts = await readerFacts(ctx.tx, ctx.actor, owner);
  if (!mayReadDocument(row.document.audience, facts)) throw notFound('The document');
  // A session or activity hidden from the reader's nation hides its documents too.
  if (ctx.actor.scope.kind === 'nation' && row.document.audience !== 'public') {
    await resolveOwner(ctx, { kind: owner.kind, code: owner.code });
  }
  return { row, owner };
}

export interface DocumentFile {
  fileName: string;
  mediaType: string;
  size: number;
  body: Readable;
}

/**
 * A document's file for a signed-in reader, checked on every download (a link passed on to
 * someone else gives them nothing). Downloads of documents that are not public are recorded in
 * the audit trail.
 */
export async function downloadDocument(
  ctx: ServiceContext,
  store: DocumentStore,
  id: string,
): Promise<DocumentFile> {
  const { row, owner } = await readableDocument(ctx, id);
  const d = row.document;
  const body = await store.get(d.storageKey);
  if (d.audience !== 'public') {
    await recordAudit(ctx, {
      action: 'document.downloaded',
      entityType: 'document',
      entityId: d.id,
      after: {
        fileName: d.fileName,
        audience: d.audience,
        owner: { kind: owner.kind, code: owner.code },
      },
    }).catch((error: unknown) => {
      body.destroy();
      throw error;
    });
  }
  return { fileName: d.fileName, mediaType: d.mediaType, size: d.size, body };
}

/** A public document's file, for anyone; any other document is not found. */
export async function downloadPublicDocument(
  db: Database,
  store: DocumentStore,
  id: string,
): Promise<DocumentFile> {
  const row = await q.selectDocument(db, id);
  if (row?.document.audience !== 'public') throw notFound('The document');
  const d = row.document;
  return {
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    body: await store.get(d.storageKey),
  };
}

/**
 * Deletes a document: the row and its audit record commit first, then the file goes. A failure
 * between the two leaves a file no row names (harmless, and found by its key), never a row
 * without its file.
 */
export async function deleteDocument(
  ctx: ServiceContext,
  deps: DocumentDeps,
  id: string,
): Promise<void> {
  const removed = await deps.db.transaction(async (tx) => {
    const inTx = { ...ctx, tx };
    const { row, owner } = await readableDocument(inTx, id);
    if (!mayManage(ctx.actor, owner)) throw forbidden();
    const deleted = await q.deleteDocument(tx, row.document.id);
    if (!deleted) throw notFound('The document');
    const { storageKey: _key, ...before } = deleted;
    await recordAudit(inTx, {
      action: 'document.deleted',
      entityType: 'document',
      entityId: id,
      before: { ...before, owner: { kind: owner.kind, code: owner.code } },
    });
    return deleted;
  });
  await deps.store.delete(removed.storageKey).catch(() => {});
}
