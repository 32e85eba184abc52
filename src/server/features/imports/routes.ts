import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  Import,
  ImportCheckRequest,
  ImportCommitRequest,
  ImportKind,
  ImportTemplateQuery,
  ImportUpload,
} from '../../../contract/imports.js';
import { inTransaction, readContext } from '../../http/context.js';
import { fileTooLarge } from './parse.js';
import * as imports from './service.js';
import { importTemplate } from './template.js';

const tags = ['imports'];
const ImportParams = z.strictObject({ id: Uuid });
/** A 20 MB file in base64 with room for the JSON around it. */
const UPLOAD_BODY_LIMIT = 28_500_000;

/** Imports from spreadsheets: upload, dry run, commit, undo; each step a job where it is long. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/imports/templates/:kind',
    {
      schema: {
        tags,
        operationId: 'downloadImportTemplate',
        summary: 'The template of an import kind, CSV or XLSX, with headers in a language',
        params: z.strictObject({ kind: ImportKind }),
        querystring: ImportTemplateQuery,
      },
      config: { permission: 'imports.run' },
    },
    async (request, reply) => {
      const file = await importTemplate(
        request.params.kind,
        request.query.format,
        request.query.lang,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.post(
    '/imports',
    {
      schema: {
        tags,
        operationId: 'uploadImport',
        summary: 'Upload a CSV or XLSX file (base64): its headers, row count and suggested mapping',
        problems: [
          'import_file_too_large',
          'import_unreadable',
          'import_empty',
          'import_too_many_rows',
        ],
        body: ImportUpload,
        response: { 201: Import },
      },
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: {
        permission: 'imports.run',
        // The file arrives in base64: three bytes of it for every four sent.
        onBodyTooLarge: (request) =>
          fileTooLarge(Math.floor((Number(request.headers['content-length']) * 3) / 4)),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(app, request, (ctx) => imports.uploadImport(ctx, request.body))),
  );
  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        operationId: 'getImport',
        summary: 'An import: its state, live progress, row errors and duplicates',
        params: ImportParams,
        response: { 200: Import },
      },
      config: { permission: 'imports.run' },
    },
    (request) => imports.getImport(readContext(app, request), request.params.id),
  );
  app.post(
    '/imports/:id/check',
    {
      schema: {
        tags,
        operationId: 'checkImport',
        summary: 'Start the dry run with a column mapping (a job; poll the import)',
        problems: ['import_missing_columns', 'import_wrong_state'],
        params: ImportParams,
        body: ImportCheckRequest,
        response: { 202: Import },
      },
      config: { permission: 'imports.run' },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await inTransaction(app, request, (ctx) =>
            imports.requestCheck(ctx, request.params.id, request.body),
          ),
        ),
  );
  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        operationId: 'commitImport',
        summary: 'Write a checked import, all or nothing (a job; poll the import)',
        problems: ['import_has_errors', 'import_wrong_state'],
        params: ImportParams,
        body: ImportCommitRequest,
        response: { 202: Import },
      },
      config: { permission: 'imports.run' },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await inTransaction(app, request, (ctx) =>
            imports.requestCommit(ctx, request.params.id, request.body),
          ),
        ),
  );
  app.post(
    '/imports/:id/undo',
    {
      schema: {
        tags,
        operationId: 'undoImport',
        summary: 'Take back a committed import whose people nobody has touched since',
        problems: ['import_rows_changed', 'import_wrong_state'],
        params: ImportParams,
        response: { 200: Import },
      },
      config: { permission: 'imports.run' },
    },
    (request) => inTransaction(app, request, (ctx) => imports.undoImport(ctx, request.params.id)),
  );
};
