import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityCode } from '../../../contract/catalogue.js';
import { Uuid } from '../../../contract/common.js';
import {
  DOCUMENT_DEFAULT_MAX_BYTES,
  Document,
  DocumentList,
  DocumentUpload,
} from '../../../contract/documents.js';
import { SessionCode } from '../../../contract/sessions.js';
import { readContext } from '../../http/context.js';
import { contentDisposition } from './presenters.js';
import * as documents from './service.js';
import type { DocumentStore } from './store.js';

const tags = ['documents'];
const SessionParams = z.strictObject({ code: SessionCode });
const ActivityParams = z.strictObject({ code: ActivityCode });
const DocumentParams = z.strictObject({ id: Uuid });
const UPLOAD_PROBLEMS = [
  'document_too_large',
  'document_empty',
  'document_type_refused',
  'document_type_mismatch',
] as const;

function storeOf(app: FastifyInstance): DocumentStore {
  if (!app.documentStore) throw new Error('no document store is configured');
  return app.documentStore;
}

function sendFile(reply: FastifyReply, file: documents.DocumentFile) {
  return reply
    .type(file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** Documents of activities and sessions: lists, upload, delete and the files, read per document. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.settings.documentMaxBytes ?? DOCUMENT_DEFAULT_MAX_BYTES;
  // The file in base64 (4/3 of its size) with room for the JSON around it, so a file just over
  // the limit is answered with document_too_large, and one far over with body_too_large.
  const bodyLimit = Math.ceil((maxBytes * 4) / 3) + 256 * 1024;
  const deps = () => ({ db: app.db, store: storeOf(app), maxBytes });

  for (const owner of ['session', 'activity'] as const) {
    const path = owner === 'session' ? '/sessions/:code/documents' : '/activities/:code/documents';
    const params = owner === 'session' ? SessionParams : ActivityParams;
    const Owner = owner === 'session' ? 'Session' : 'Activity';
    app.get(
      path,
      {
        schema: {
          tags,
          operationId: `list${Owner}Documents`,
          summary: `The documents of ${owner === 'session' ? 'a session' : 'an activity'} that the reader may read`,
          params,
          response: { 200: DocumentList },
        },
        config: { permission: 'documents.read' },
      },
      (request) =>
        documents.listDocuments(
          readContext(app, request),
          { kind: owner, code: request.params.code },
          maxBytes,
        ),
    );
    app.post(
      path,
      {
        schema: {
          tags,
          operationId: `upload${Owner}Document`,
          summary: `Upload a document (base64) for ${owner === 'session' ? 'a session' : 'an activity'}, with who may read it`,
          problems: [...UPLOAD_PROBLEMS],
          params,
          body: DocumentUpload,
          response: { 201: Document },
        },
        bodyLimit,
        config: { permission: 'documents.manage' },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await documents.uploadDocument(
              readContext(app, request),
              deps(),
              { kind: owner, code: request.params.code },
              request.body,
            ),
          ),
    );
  }
  app.delete(
    '/documents/:id',
    {
      schema: {
        tags,
        operationId: 'deleteDocument',
        summary: 'Delete a document and its file',
        params: DocumentParams,
        response: { 204: z.null() },
      },
      config: { permission: 'documents.manage' },
    },
    async (request, reply) => {
      await documents.deleteDocument(readContext(app, request), deps(), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/documents/:id/file',
    {
      schema: {
        tags,
        operationId: 'downloadDocument',
        summary: 'A document’s file, if the reader may read it (checked on every download)',
        params: DocumentParams,
      },
      config: { permission: 'documents.read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await documents.downloadDocument(
          readContext(app, request),
          storeOf(app),
          request.params.id,
        ),
      ),
  );
  app.get(
    '/public/documents/:id',
    {
      schema: {
        tags,
        operationId: 'downloadPublicDocument',
        summary: 'A public document’s file, without signing in',
        params: DocumentParams,
      },
      config: { permission: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await documents.downloadPublicDocument(app.db, storeOf(app), request.params.id),
      ),
  );
};
