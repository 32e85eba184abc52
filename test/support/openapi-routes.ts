import type { FastifyInstance } from 'fastify';
import type { Permission } from '../../src/contract/roles.js';

/** A JSON Schema as @fastify/swagger writes it from the zod contract. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, with the permission its route declares. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the document writes it: `/api/v1/nations/{code}`. */
  path: string;
  permission: Permission;
  parameters: Parameter[];
  body: JsonSchema | null;
  /** The JSON media type the body is sent as, or another one (a PDF) when not JSON. */
  bodyType: string | null;
}

interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The value with every `$ref` to a schema component replaced by the component itself, so the tests
 * that walk a schema see the same shape whether the document shares it or inlines it. The
 * contract has no recursive schema; a cycle would throw rather than loop.
 */
export function inlineRefs<T>(
  value: T,
  components: Record<string, unknown>,
  seen: string[] = [],
): T {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(item, components, seen)) as T;
  if (!value || typeof value !== 'object') return value;
  const { $ref, ...rest } = value as { $ref?: unknown } & Record<string, unknown>;
  // Schemas only: a shared response (`#/components/responses/...`) stays a reference.
  if (typeof $ref === 'string' && $ref.startsWith('#/components/schemas/')) {
    const name = $ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`recursive schema ${name}`);
    const target = components[name];
    if (!target) throw new Error(`no component ${name}`);
    return {
      ...inlineRefs(target, components, [...seen, name]),
      ...inlineRefs(rest, components, seen),
    } as T;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, inlineRefs(child, components, seen)]),
  ) as T;
}

/**
 * Every operation the app documents, read from its OpenAPI document, so a route added tomorrow
 * is in every test that walks them. Throws when a documented route declares no permission.
 */
export async function apiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const raw = (await app.inject('/api/v1/openapi.json')).json<OpenApiDocument>();
  const doc = { paths: inlineRefs(raw.paths, raw.components?.schemas ?? {}) };
  const declared = new Map(
    app.declaredRoutes.map((r) => [`${r.method} ${r.url.replace(/\/$/, '')}`, r.permission]),
  );
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()];
      if (!operation) continue;
      const url = path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '');
      const permission = declared.get(`${method} ${url}`);
      if (!permission) throw new Error(`${method} ${path} is documented but declares no route`);
      const content = operation.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      operations.push({
        method,
        path,
        permission,
        parameters: operation.parameters ?? [],
        body: bodyType === 'application/json' ? (content[bodyType]?.schema ?? null) : null,
        bodyType,
      });
    }
  }
  return operations;
}

/** The URL of an operation with its path parameters filled in (each encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** True when the operation cannot be called without fixtures: path or required query values. */
export function needsFixture(operation: ApiOperation): boolean {
  return operation.parameters.some((p) => p.in === 'path' || (p.in === 'query' && p.required));
}
