import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../../contract/common.js';
import type { ErrorCode, ErrorStatus } from '../../contract/errors.js';
import { isRefusedValue } from '../db/errors.js';

type FieldError = NonNullable<Problem['errors']>[number];

/**
 * The one error type services and hooks throw. `code` is stable and machine-readable; clients
 * branch on it, never on `detail`, which is for people. Both come from the registry in
 * `contract/errors.ts`: a code it does not list, or a status other than its own, does not compile.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: ErrorStatus<C>,
    readonly code: C,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra problem members (RFC 9457 allows them), e.g. the records a conflict is about. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
/** The codes the registry answers with 409. */
type ConflictCode = { [C in ErrorCode]: ErrorStatus<C> extends 409 ? C : never }[ErrorCode];
export const conflict = (code: ConflictCode, detail: string) =>
  new AppError<ConflictCode>(409, code, detail);
export const forbidden = () =>
  new AppError(403, 'forbidden', 'Your role does not allow this action.');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
export const invalid = (field: string, message: string, code = 'invalid') =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, [{ field, message, code }]);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): FastifyReply {
  const body: Problem = {
    // First, so that an extra member can never overwrite a standard one.
    ...extra,
    type: `https://rabita.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json').send(body);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route whose body is a file says in its own words that the file is too large (the
     * import's 20 MB, say), rather than the generic `body_too_large`.
     */
    onBodyTooLarge?: (request: FastifyRequest) => AppError;
  }
}

/** Fastify's own errors (bad JSON, body too large...) keep their status with a stable code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  // Answered before routing, through the `frameworkErrors` option of buildApp.
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'invalid_url',
};

/** Turns every thrown error into problem+json; unknown errors become a logged, generic 500. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(
      request,
      reply,
      error.status,
      error.code,
      error.message,
      error.errors,
      error.extra,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const errors = error.validation.flatMap((issue): FieldError[] => {
      const base = issue.instancePath.split('/').filter(Boolean).join('.');
      const keys = (issue.params as { keys?: unknown }).keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((key) => ({
          field: [base, String(key)].filter(Boolean).join('.'),
          message: 'is not a known field',
          code: 'unknown_field',
        }));
      }
      // A contract rule may name its own code (`params: { code }` on a refinement).
      return [
        {
          field: base || part,
          message: issue.message ?? 'is invalid',
          code: refinementCode(issue.params) ?? issue.keyword ?? 'invalid',
        },
      ];
    });
    const detail = `Invalid ${part}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
    return sendProblem(request, reply, 400, 'validation_failed', detail, errors);
  }
  const fastifyCode = error.code ? FASTIFY_CODES[error.code] : undefined;
  const tooLarge = request.routeOptions?.config?.onBodyTooLarge;
  if (fastifyCode === 'body_too_large' && tooLarge) {
    return handleError(tooLarge(request) as unknown as FastifyError, request, reply);
  }
  if (fastifyCode) {
    return sendProblem(request, reply, error.statusCode ?? 400, fastifyCode, error.message);
  }
  if (error.statusCode === 429) {
    // The rate limiter has set Retry-After; the body carries it too, so the page can say how
    // long to wait (a window is 15 minutes on some routes, one on others).
    const retryAfter = Number(reply.getHeader('retry-after'));
    return sendProblem(
      request,
      reply,
      429,
      'rate_limited',
      'Too many attempts; try again later.',
      undefined,
      Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : undefined,
    );
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return sendProblem(
      request,
      reply,
      503,
      'database_unavailable',
      'The database cannot be reached; try again shortly.',
    );
  }
  if (isRefusedValue(error)) {
    // A hole in the contract: answer as the client's mistake, but leave a trace to close it.
    request.log.warn({ err: error }, 'value refused by the database');
    return sendProblem(
      request,
      reply,
      400,
      'invalid_value',
      'A value in the request cannot be stored (a control character, or a number or date out of range).',
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(request, reply, error.statusCode, 'invalid_request', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    request,
    reply,
    500,
    'internal_error',
    'Something went wrong on our side. Quote the request id if you report it.',
  );
}

/** A refinement's own stable code (`params: { code }` in the contract), when it names one. */
function refinementCode(params: unknown): string | undefined {
  const code = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Connection-level failures, not query errors: the server down, refused, restarting or gone
 * mid-query (`57P01` admin shutdown, `57P02` crash of another backend, `57P03` cannot connect now,
 * class `08` connection exceptions, `53300` too many connections), and, during a failover, a
 * connection that still reaches a node that is now a replica (`25006` read-only transaction: the
 * write belongs on the new primary, which the next connection reaches).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '25006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (
    typeof e.message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(e.message)
  )
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}
