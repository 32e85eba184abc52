import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Certificate,
  CertificateId,
  CertificateKeySet,
  IssueOutcome,
  MAX_CERTIFICATE_UPLOAD_BYTES,
  MyCertificate,
  RevokeRequest,
  SessionCertificates,
  Verification,
} from '../../../contract/certificates.js';
import { Uuid } from '../../../contract/common.js';
import { SessionCode } from '../../../contract/sessions.js';
import { text } from '../../../contract/text.js';
import { inTransaction, readContext } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import * as downloads from './downloads.js';
import { KEY_SET_PATH, publishedKeySet } from './keys.js';
import * as certificates from './service.js';
import { verifyCertificateFile, verifyCertificateId } from './verification.js';

const tags = ['certificates'];
const SessionParams = z.strictObject({ code: SessionCode });
const NominationParams = z.strictObject({ id: Uuid });
const CertificateParams = z.strictObject({ id: CertificateId });
// Anything may be asked of the public check; a malformed id is simply not found.
const VerifyParams = z.strictObject({ id: text().max(200) });

function sendDownload(reply: FastifyReply, file: downloads.Download, inline = false) {
  return reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
    )
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** Certificates: issue, download, revoke, verify (under /api/v1). */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions/:code/certificates',
    {
      schema: {
        tags,
        operationId: 'listSessionCertificates',
        summary: "A session's selected participants, their results and certificates",
        params: SessionParams,
        response: { 200: SessionCertificates },
      },
      config: { permission: 'delivery.read' },
    },
    (request) =>
      certificates.listSessionCertificates(readContext(app, request), request.params.code),
  );
  app.post(
    '/sessions/:code/certificates',
    {
      schema: {
        tags,
        operationId: 'issueSessionCertificates',
        problems: ['no_certificate_for_kind'],
        summary:
          'Issue a certificate to every participant who completed (a course) or attended (an event) and holds none',
        params: SessionParams,
        response: { 200: IssueOutcome },
      },
      config: { permission: 'certificates.issue' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        certificates.issueSessionCertificates(ctx, request.params.code),
      ),
  );
  app.post(
    '/nominations/:id/certificate',
    {
      schema: {
        tags,
        operationId: 'issueCertificate',
        problems: ['not_completed', 'not_attended', 'no_certificate_for_kind', 'already_certified'],
        summary:
          "Issue one participant's certificate (409 not_completed unless completed, not_attended for an event unless present)",
        params: NominationParams,
        response: { 201: Certificate },
      },
      config: { permission: 'certificates.issue' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            certificates.issueNominationCertificate(ctx, request.params.id),
          ),
        ),
  );
  app.get(
    '/sessions/:code/certificates.zip',
    {
      schema: {
        tags,
        operationId: 'downloadSessionCertificates',
        problems: ['no_certificates'],
        summary: 'Every valid certificate of a session as PDFs in one ZIP',
        params: SessionParams,
      },
      config: { permission: 'certificates.issue' },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await downloads.downloadSessionZip(readContext(app, request), request.params.code),
      ),
  );
  app.get(
    '/certificates/:id.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadCertificatePdf',
        problems: ['certificate_revoked'],
        summary: 'A certificate as a PDF (its holder, their NPOC, centre staff)',
        params: CertificateParams,
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await downloads.downloadCertificatePdf(readContext(app, request), request.params.id),
      ),
  );
  app.get(
    '/certificates/:id/badge.json',
    {
      schema: {
        tags,
        operationId: 'getCertificateBadge',
        problems: ['certificate_revoked'],
        summary: 'A certificate as an Open Badges 3.0 verifiable credential',
        params: CertificateParams,
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) =>
      reply
        .type('application/json')
        .header('cache-control', 'private, no-store')
        .send(await downloads.certificateBadge(readContext(app, request), request.params.id)),
  );
  app.post(
    '/certificates/:id/revoke',
    {
      schema: {
        tags,
        operationId: 'revokeCertificate',
        problems: ['already_revoked'],
        summary: 'Revoke a certificate, with the reason the public page will show',
        params: CertificateParams,
        body: RevokeRequest,
        response: { 200: Certificate },
      },
      config: { permission: 'certificates.revoke' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        certificates.revokeCertificate(ctx, request.params.id, request.body),
      ),
  );
  app.get(
    '/me/certificates',
    {
      schema: {
        tags,
        operationId: 'listMyCertificates',
        summary: 'Your own certificates',
        response: { 200: z.object({ items: z.array(MyCertificate) }) },
      },
      config: { permission: 'authenticated' },
    },
    async (request) => ({
      items: await certificates.listMyCertificates(readContext(app, request)),
    }),
  );
  app.get(
    '/verify/:id',
    {
      schema: {
        tags,
        operationId: 'verifyCertificateById',
        summary: 'Public check of a certificate id: valid, revoked, invalid or not found',
        params: VerifyParams,
        response: { 200: Verification },
      },
      config: {
        permission: 'public',
        rateLimit: { max: 300, timeWindow: '1 minute' },
      },
    },
    (request) => verifyCertificateId(app.db, request.params.id),
  );
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_CERTIFICATE_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/verify',
    {
      schema: {
        tags,
        operationId: 'verifyCertificateFile',
        summary: 'Public check of a certificate PDF, sent as the raw body (application/pdf)',
        consumes: ['application/pdf'],
        response: { 200: Verification },
      },
      bodyLimit: MAX_CERTIFICATE_UPLOAD_BYTES,
      config: {
        permission: 'public',
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
    },
    (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw invalid('body', 'send the certificate PDF as the request body', 'file_required');
      }
      return verifyCertificateFile(app.db, body);
    },
  );
};

/** Routes outside /api/v1: the published public keys at a well-known address. */
export const certificateWellKnownRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    KEY_SET_PATH,
    {
      schema: {
        tags,
        operationId: 'listCertificateKeys',
        summary: 'The public keys that verify certificates and badges (JWK set)',
        response: { 200: CertificateKeySet },
      },
      config: { permission: 'public' },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publishedKeySet(app.db);
    },
  );
};
