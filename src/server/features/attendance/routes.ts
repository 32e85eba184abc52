import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceBatch,
  AttendanceBatchResult,
  AttendanceRoster,
  CheckInCode,
  CheckInCodeQuery,
  CheckInRequest,
  CheckInResult,
} from '../../../contract/attendance.js';
import { SessionCode } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import { checkIn, getCheckInCode } from './check-in.js';
import * as attendance from './service.js';

const tags = ['attendance'];
const SessionParams = z.strictObject({ code: SessionCode });

/** Daily attendance: the roster, marks sent late from the field, and QR check-in. */
export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sessions/:code/attendance',
    {
      schema: {
        tags,
        operationId: 'getAttendanceRoster',
        summary: "A session's roster: working days, selected participants and every mark",
        params: SessionParams,
        response: { 200: AttendanceRoster },
      },
      config: { permission: 'attendance.mark' },
    },
    (request) => attendance.getRoster(readContext(app, request), request.params.code),
  );
  app.put(
    '/sessions/:code/attendance',
    {
      schema: {
        tags,
        operationId: 'markAttendance',
        problems: [
          'not_a_session_day',
          'not_a_participant',
          'duplicate_mark',
          'day_not_started',
          'results_closed',
          'session_cancelled',
        ],
        summary: 'Mark attendance; a mark someone else changed since comes back as a conflict',
        params: SessionParams,
        body: AttendanceBatch,
        response: { 200: AttendanceBatchResult },
      },
      config: { permission: 'attendance.mark' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        attendance.markAttendance(ctx, request.params.code, request.body),
      ),
  );
  app.get(
    '/sessions/:code/attendance/check-in-code',
    {
      schema: {
        tags,
        operationId: 'getCheckInCode',
        summary: "The day's signed check-in code and its QR code, valid until the day ends",
        params: SessionParams,
        querystring: CheckInCodeQuery,
        response: { 200: CheckInCode },
      },
      config: { permission: 'attendance.mark' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        getCheckInCode(ctx, request.params.code, request.query.day),
      ),
  );
  app.post(
    '/attendance/check-in',
    {
      schema: {
        tags,
        operationId: 'checkIn',
        problems: ['invalid_code', 'code_expired', 'session_cancelled'],
        summary: 'Check yourself in with the code shown in the classroom',
        body: CheckInRequest,
        response: { 200: CheckInResult },
      },
      config: { permission: 'authenticated' },
    },
    (request) => inTransaction(app, request, (ctx) => checkIn(ctx, request.body.code)),
  );
};
