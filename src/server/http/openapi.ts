import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode } from '../../contract/errors.js';
import { SESSION_COOKIE } from './authenticate.js';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The problem codes a route answers beyond those every route of its kind may (bad input,
     * sign-in, permission, unknown record, rate limit, server trouble): its conflicts and rules.
     */
    problems?: readonly ErrorCode[];
  }
}

/** Cookie (browser) or bearer token (scripts): either one identifies the caller. */
export const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { token: [] }];

const PROBLEM_REF = '#/components/schemas/Problem';
const PROBLEM_TYPE = 'application/problem+json';

type JsonObject = Record<string, unknown>;
type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type TransformObject = NonNullable<FastifyDynamicSwaggerOptions['transformObject']>;

/**
 * The problem codes a route can answer, from what it declares: input to validate (400), a
 * body (413, 415), a sign-in and a permission (401, 403), a record in its path (404), a rate
 * limit (429), and its own `problems`. Every route can meet the server's own trouble (500, 503).
 */
export function problemCodesOf(route: Pick<RouteOptions, 'method' | 'config' | 'schema'>) {
  const schema: FastifySchema = route.schema ?? {};
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const writes = methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m));
  const permission = (route.config as { permission?: string } | undefined)?.permission;
  const codes = new Set<ErrorCode>();
  if (schema.params || schema.querystring || schema.body || schema.headers) {
    codes.add('validation_failed');
  }
  if (schema.body) {
    if (!schema.consumes) codes.add('invalid_json');
    codes.add('body_too_large');
    codes.add('unsupported_media_type');
  }
  if (permission !== 'public') {
    codes.add('unauthenticated');
    codes.add('invalid_token');
    codes.add('forbidden');
    if (writes) codes.add('csrf_failed');
  }
  if (schema.params) codes.add('not_found');
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) codes.add('rate_limited');
  for (const code of schema.problems ?? []) codes.add(code);
  codes.add('internal_error');
  codes.add('database_unavailable');
  return [...codes];
}

/**
 * Per route: the zod schemas as JSON Schema (the library's transform, which writes a `$ref` for
 * every schema with a registered `id`), its security (none for a public route), the permission
 * it demands (`x-permission`), and its problem codes, kept for `transformObject` to turn into
 * responses.
 */
const transform: Transform = (input) => {
  const result = jsonSchemaTransform(input) as { schema: JsonObject; url: string };
  if (result.schema.hide) return result;
  const route = input.route as RouteOptions;
  const permission = (route.config as { permission?: string } | undefined)?.permission;
  const { problems: _declared, ...schema } = result.schema;
  return {
    url: result.url,
    schema: {
      ...schema,
      security: permission === 'public' ? [] : SIGNED_IN,
      'x-permission': permission,
      'x-problems': problemCodesOf(route),
    },
  };
};

/**
 * The answers most routes share, as `components.responses`: a route whose codes for a status are
 * exactly one of these refers to it, so the document (and a generated client) says it once.
 */
const SHARED_RESPONSES: Record<string, readonly ErrorCode[]> = {
  BadInput: ['validation_failed'],
  BadBody: ['validation_failed', 'invalid_json'],
  Unauthenticated: ['unauthenticated', 'invalid_token'],
  Forbidden: ['forbidden'],
  ForbiddenWrite: ['forbidden', 'csrf_failed'],
  NotFound: ['not_found'],
  BodyTooLarge: ['body_too_large'],
  UnsupportedMediaType: ['unsupported_media_type'],
  RateLimited: ['rate_limited'],
  InternalError: ['internal_error'],
  DatabaseUnavailable: ['database_unavailable'],
};

/** A problem response listing its codes: a client can switch on `code` with its types. */
function problemResponse(codes: readonly ErrorCode[]): JsonObject {
  return {
    description: codes.map((code) => `\`${code}\`: ${ERROR_CODES[code].description}`).join('\n'),
    content: {
      [PROBLEM_TYPE]: {
        schema: {
          allOf: [
            { $ref: PROBLEM_REF },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}

const sharedByCodes = new Map(
  Object.entries(SHARED_RESPONSES).map(([name, codes]) => [codes.join(), name]),
);

/** One response per status of the codes, shared where it can be. */
function problemResponses(codes: readonly ErrorCode[]): Record<string, JsonObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const shared = sharedByCodes.get(list.join());
    responses[String(status)] = shared
      ? { $ref: `#/components/responses/${shared}` }
      : problemResponse(list);
  }
  return responses;
}

/** Every `$ref` target under a value, e.g. `Problem` for `#/components/schemas/Problem`. */
function refsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        found.add(child.replace('#/components/schemas/', ''));
      } else refsIn(child, found);
    }
  }
  return found;
}

/**
 * The whole document: the registered schemas as components (the library's transform writes
 * both an input and an output variant of each), the problem responses of every operation, and
 * only the components something refers to.
 */
const transformObject: TransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as JsonObject & {
    paths: Record<string, Record<string, JsonObject>>;
    components: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  };
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      const codes = operation['x-problems'] as ErrorCode[] | undefined;
      if (!codes) continue;
      delete operation['x-problems'];
      // A status the route describes itself (the health checks' 503) keeps its own body.
      operation.responses = { ...problemResponses(codes), ...(operation.responses as JsonObject) };
    }
  }
  doc.components.responses = Object.fromEntries(
    Object.entries(SHARED_RESPONSES).map(([name, codes]) => [name, problemResponse(codes)]),
  );
  const schemas = doc.components.schemas ?? {};
  const used = refsIn(doc.paths, new Set());
  for (let grew = true; grew; ) {
    const before = used.size;
    for (const name of [...used]) refsIn(schemas[name], used);
    grew = used.size > before;
  }
  doc.components.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return doc;
};

/** The OpenAPI 3.1 document's options for @fastify/swagger. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Rabita API',
      version: '1',
      description: 'Partners, people and training of a security-cooperation training centre.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: SIGNED_IN,
  },
  transform,
  transformObject,
};
