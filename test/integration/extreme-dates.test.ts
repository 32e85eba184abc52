import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/contract/common.js';
import { call, createTestApp, type Session, signInAs, type TestApp } from '../support/app.js';
import { inlineRefs } from '../support/openapi-routes.js';

/**
 * Every date field of every route, read from the OpenAPI document so a new route is covered the
 * day it is added, gets the extreme values an attacker (or a slip of the keyboard) sends. Each
 * must be refused with 400 naming the field: year 9999 once froze the server for good.
 */

interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface DateField {
  method: string;
  url: string;
  where: 'query' | 'body';
  /** Path inside the body or the query parameter's name; '0' steps into an array. */
  path: string[];
  format: 'date' | 'date-time';
}

function dateFieldsOf(schema: JsonSchema | undefined, path: string[]): DateField['path'][] {
  if (!schema) return [];
  if (schema.type === 'string' && (schema.format === 'date' || schema.format === 'date-time'))
    return [path];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([key, value]) =>
      dateFieldsOf(value, [...path, key]),
    ),
    ...dateFieldsOf(schema.items, [...path, '0']),
    ...branches.flatMap((branch) => dateFieldsOf(branch, path)),
  ];
}

function formatAt(schema: JsonSchema | undefined, path: string[]): DateField['format'] {
  let node = schema;
  for (const step of path) {
    const options = [node, ...(node?.anyOf ?? []), ...(node?.oneOf ?? [])];
    node = options
      .map((n) => (step === '0' ? n?.items : n?.properties?.[step]))
      .find((n) => n !== undefined);
  }
  const leaf = [node, ...(node?.anyOf ?? [])].find((n) => n?.format);
  return leaf?.format === 'date-time' ? 'date-time' : 'date';
}

/** A concrete URL for a templated path: unknown ids are fine, validation runs first. */
function concrete(url: string): string {
  return url.replace(/\{[^}]+\}/g, (param) => {
    if (/^\{(\w+I|i)d\}$/.test(param)) return '00000000-0000-4000-8000-000000000001';
    // Nation codes are ISO alpha-3; other codes (sessions, venues...) take letters and a digit.
    return url.startsWith('/api/v1/nations/') ? 'KWT' : 'X-1';
  });
}

function nest(path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = nest(rest, value);
  return head === '0' ? [inner] : { [head]: inner };
}

const EXTREMES: Record<DateField['format'], string[]> = {
  date: ['9999-12-31', '9999-12-30', '0000-01-01', '1899-12-31', '2101-01-01'],
  'date-time': ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2101-01-01T00:00:00+03:00'],
};

describe('extreme dates on every date field of every route', () => {
  let t: TestApp;
  let administrator: Session;
  let fields: DateField[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    administrator = await signInAs(t, ['administrator']);
    const raw = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, JsonSchema> };
    }>();
    // Dates are shared components (`IsoDate`); walk them where they are used.
    const doc = { paths: inlineRefs(raw.paths, raw.components?.schemas ?? {}) };
    fields = Object.entries(doc.paths).flatMap(([url, operations]) =>
      Object.entries(operations).flatMap(([method, op]) => {
        const query = (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .flatMap((p) =>
            dateFieldsOf(p.schema, [p.name]).map((path) => ({
              path,
              format: formatAt(p.schema, []),
            })),
          )
          .map((f) => ({ ...f, method, url, where: 'query' as const }));
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const body = dateFieldsOf(bodySchema, []).map((path) => ({
          method,
          url,
          where: 'body' as const,
          path,
          format: formatAt(bodySchema, path),
        }));
        return [...query, ...body];
      }),
    );
  });
  afterAll(() => t.close());

  it('finds the date fields of the sessions, participants, logistics and audit routes', () => {
    const named = new Set(fields.map((f) => `${f.method.toUpperCase()} ${f.url} ${f.path[0]}`));
    for (const expected of [
      'PATCH /api/v1/sessions/{code} endDate',
      'POST /api/v1/participants dateOfBirth',
      'PUT /api/v1/nominations/{id}/logistics arrivalAt',
      'GET /api/v1/sessions from',
    ]) {
      expect(named).toContain(expected);
    }
  });

  it('refuses each extreme value with 400 naming the field', async () => {
    const misses: string[] = [];
    for (const field of fields) {
      for (const value of EXTREMES[field.format]) {
        const method = field.method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        const url = concrete(field.url);
        const response =
          field.where === 'query'
            ? await call(t.app, administrator, method, `${url}?${field.path[0]}=${value}`)
            : await call(t.app, administrator, method, url, nest(field.path, value));
        const problem = response.json<Problem>();
        const named = (problem.errors ?? []).some(
          (e) => e.field.replace(/^(body|querystring)\.?/, '') === field.path.join('.'),
        );
        if (response.statusCode !== 400 || !named) {
          misses.push(`${method} ${field.url} ${field.path.join('.')}=${value}: ${response.body}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('answers the health check at once after the attack', async () => {
    await call(t.app, administrator, 'PATCH', '/api/v1/sessions/X-1', { endDate: '9999-12-31' });
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});
