import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import { SessionCode } from '../../../contract/sessions.js';
import { text } from '../../../contract/text.js';
import {
  IssuedVisaLetter,
  LetterVerification,
  SessionLecturerLetters,
  SessionVisaLetters,
  VisaLetterId,
} from '../../../contract/visa-letters.js';
import { inTransaction, readContext } from '../../http/context.js';
import { downloadLetterPdf } from './downloads.js';
import { issueLecturerLetter, listLecturerLetters } from './lecturer-letters.js';
import * as letters from './service.js';
import { verifyLetterId } from './verification.js';

const tags = ['visa-letters'];
const SessionParams = z.strictObject({ code: SessionCode });
const NominationParams = z.strictObject({ id: Uuid });
const AssignmentParams = z.strictObject({ code: SessionCode, id: Uuid });
const LetterParams = z.strictObject({ id: VisaLetterId });
// Anything may be asked of the public check; a malformed id is simply not found.
const VerifyParams = z.strictObject({ id: text().max(200) });

/** Visa invitation letters: the session's list, issuing, the PDF and the public check. */
export const visaLetterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions/:code/visa-letters',
    {
      schema: {
        tags,
        operationId: 'listSessionVisaLetters',
        summary: "A session's selected participants and their visa letters (an NPOC: their own)",
        params: SessionParams,
        response: { 200: SessionVisaLetters },
      },
      config: { permission: 'visa-letters.read' },
    },
    (request) => letters.listSessionLetters(readContext(app, request), request.params.code),
  );
  app.post(
    '/nominations/:id/visa-letter',
    {
      schema: {
        tags,
        operationId: 'issueVisaLetter',
        problems: ['not_selected', 'passport_data_missing'],
        summary:
          "Issue a participant's visa letter, or replace it when their data changed, and send it to their NPOC",
        params: NominationParams,
        response: { 200: IssuedVisaLetter },
      },
      config: { permission: 'visa-letters.issue' },
    },
    (request) => inTransaction(app, request, (ctx) => letters.issueLetter(ctx, request.params.id)),
  );
  app.get(
    '/sessions/:code/lecturer-letters',
    {
      schema: {
        tags,
        operationId: 'listSessionLecturerLetters',
        summary: "A session's lecturers and their invitation letters (centre staff)",
        params: SessionParams,
        response: { 200: SessionLecturerLetters },
      },
      config: { permission: 'visa-letters.issue' },
    },
    (request) => listLecturerLetters(readContext(app, request), request.params.code),
  );
  app.post(
    '/sessions/:code/lecturers/:id/visa-letter',
    {
      schema: {
        tags,
        operationId: 'issueLecturerVisaLetter',
        problems: ['lecturer_passport_missing'],
        summary:
          'Issue the invitation letter of a lecturer assigned to the session, or replace it when their data changed',
        params: AssignmentParams,
        response: { 200: IssuedVisaLetter },
      },
      config: { permission: 'visa-letters.issue' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        issueLecturerLetter(ctx, request.params.code, request.params.id),
      ),
  );
  app.get(
    '/visa-letters/:id.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadVisaLetterPdf',
        problems: ['letter_revoked'],
        summary: 'A visa letter as a PDF (centre staff, the NPOC of its nation)',
        params: LetterParams,
      },
      config: { permission: 'visa-letters.read' },
    },
    async (request, reply) => {
      const file = await downloadLetterPdf(readContext(app, request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  app.get(
    '/verify/letters/:id',
    {
      schema: {
        tags,
        operationId: 'verifyVisaLetter',
        summary: 'Public check of a visa letter id: what it prints, valid, revoked or not found',
        params: VerifyParams,
        response: { 200: LetterVerification },
      },
      config: { permission: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    (request) => verifyLetterId(app.db, request.params.id),
  );
};
