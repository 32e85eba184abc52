import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../contract/errors.js';
import { openApiDocument } from './openapi-document.js';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  'x-permission'?: string;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { content?: Record<string, unknown> }>;
  };
}

/** Every value of `key` anywhere under a value. */
function valuesOf(value: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) valuesOf(item, key, found);
  else if (value && typeof value === 'object') {
    for (const [k, child] of Object.entries(value)) {
      if (k === key) found.push(child);
      valuesOf(child, key, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let doc: Document;
  let operations: { name: string; operation: Operation }[];
  beforeAll(async () => {
    doc = (await openApiDocument()) as unknown as Document;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  });

  /** A response, through its `$ref` to a shared one. */
  const resolve = (response: Operation['responses'][string]) =>
    response.$ref ? doc.components.responses[response.$ref.split('/').pop() ?? ''] : response;

  it('gives every operation a unique camelCase operationId and a summary', () => {
    expect(operations.length).toBeGreaterThan(140);
    const ids = operations.map(({ operation }) => operation.operationId);
    for (const { name, operation } of operations) {
      expect(operation.operationId, name).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(operation.summary?.trim(), name).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says security [] on public operations and the session or a token on the others', () => {
    const publicOnes: string[] = [];
    for (const { name, operation } of operations) {
      expect(operation['x-permission'], name).toBeTruthy();
      if (operation['x-permission'] === 'public') {
        expect(operation.security, name).toEqual([]);
        publicOnes.push(name);
      } else {
        expect(operation.security, name).toEqual([{ session: [] }, { token: [] }]);
      }
    }
    expect(publicOnes).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /.well-known/rabita-certificate-keys.json',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/password-reset/request',
        'GET /api/v1/verify/{id}',
        'GET /api/v1/surveys/public/{token}',
      ]),
    );
  });

  it('lists 401 and 403 problems on every operation behind a sign-in', () => {
    for (const { name, operation } of operations) {
      if (operation['x-permission'] === 'public') continue;
      for (const status of ['401', '403']) {
        const response = operation.responses[status];
        expect(response, `${name} ${status}`).toBeDefined();
        expect(Object.keys(resolve(response ?? {})?.content ?? {})).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });

  it('answers problems as application/problem+json with the shared Problem schema', () => {
    // The health checks answer 503 with their own report, for load balancers.
    const ownBodies = ['GET /healthz 503', 'GET /readyz 503'];
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || ownBodies.includes(`${name} ${status}`)) continue;
        const content = resolve(response)?.content ?? {};
        expect(Object.keys(content), `${name} ${status}`).toEqual(['application/problem+json']);
        expect(valuesOf(content, '$ref'), `${name} ${status}`).toContain(
          '#/components/schemas/Problem',
        );
      }
    }
  });

  it('uses only codes of the registry, each under its own status', () => {
    const problem = doc.components.schemas.Problem as { properties: { code: { enum: string[] } } };
    expect(problem.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
    const responses: { name: string; status: string; r: Operation['responses'][string] }[] = [
      ...operations.flatMap(({ name, operation }) =>
        Object.entries(operation.responses).map(([status, r]) => ({ name, status, r })),
      ),
      ...Object.entries(doc.components.responses).map(([name, r]) => ({ name, status: '', r })),
    ];
    const used = new Set<string>();
    for (const { name, status, r } of responses) {
      const problem = r.content?.['application/problem+json'];
      for (const codes of valuesOf(problem, 'enum') as string[][]) {
        for (const code of codes) {
          expect(isErrorCode(code), `${name}: ${code}`).toBe(true);
          if (status && isErrorCode(code)) {
            expect(String(ERROR_CODES[code].status), `${name}: ${code}`).toBe(status);
          }
          used.add(code);
        }
      }
    }
    expect(used).toContain('no_seat');
  });

  it('lists the conflicts a route declares', () => {
    const create = doc.paths['/api/v1/nations']?.post;
    const conflict = create?.responses['409'];
    expect(valuesOf(conflict, 'enum')).toEqual([['nation_exists']]);
  });

  it('shares schemas as components, and every reference resolves', () => {
    for (const name of ['Problem', 'Session', 'Nomination', 'LocalizedText', 'IsoDate']) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
    const refs = new Set(valuesOf(doc, '$ref') as string[]);
    expect(refs).toContain('#/components/schemas/Session');
    for (const ref of refs) {
      const [, , kind, name] = ref.split('/');
      const components = doc.components as Record<string, Record<string, unknown>>;
      expect(components[kind ?? '']?.[name ?? ''], ref).toBeDefined();
    }
  });
});
