import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { storableText } from '../../contract/text.js';

type Schema = z.core.$ZodType;

/** Strings a format (e-mail, uuid, a code's letters) must refuse to stand in for the check. */
const UNSTORABLE = ['\u0000', 'A\u0000', '\ud800', 'A\udc00', 'a\u0000a', '1\u0000'];

// A password is hashed, never stored, and any character is its owner's choice.
const PASSWORDS = /body\.(password|currentPassword|newPassword)$/;

/**
 * The string fields of a schema that would let a NUL or a lone surrogate through to the
 * database: those with neither the storable check nor a format that refuses such characters.
 */
function unguardedStrings(schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const walk = (child: unknown, at: string) =>
    child ? unguardedStrings(child as Schema, at, seen) : [];
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []) as z.core.$ZodCheck[];
      if (checks.includes(storableText) || PASSWORDS.test(path)) return [];
      const patterns = [def, ...checks.map((c) => c._zod.def)].flatMap((d) =>
        'pattern' in d && d.pattern instanceof RegExp ? [d.pattern] : [],
      );
      const refusedByFormat = patterns.some((p) => UNSTORABLE.every((probe) => !p.test(probe)));
      return refusedByFormat ? [] : [path];
    }
    case 'unknown':
    case 'any':
      return [`${path} (any value)`];
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      return [
        ...Object.entries(shape).flatMap(([key, child]) => walk(child, `${path}.${key}`)),
        ...walk(def.catchall, `${path}.*`),
      ];
    }
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'tuple':
      return [
        ...(def.items as Schema[]).flatMap((item, i) => walk(item, `${path}[${i}]`)),
        ...walk(def.rest, `${path}[]`),
      ];
    case 'record':
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case 'union':
      return (def.options as Schema[]).flatMap((option) => walk(option, path));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'lazy':
      return walk((def.getter as () => Schema)(), path);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return walk(def.innerType, path);
    default:
      return [];
  }
}

describe('request text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses what PostgreSQL cannot store in every string of every request schema', () => {
    const parts = ['params', 'querystring', 'body', 'headers'] as const;
    const withBody = t.app.declaredRoutes.filter((route) => route.schema?.body);
    expect(withBody.length).toBeGreaterThan(40);
    const unguarded = t.app.declaredRoutes.flatMap((route) =>
      parts.flatMap((part) => {
        const schema = route.schema?.[part] as Schema | undefined;
        return schema ? unguardedStrings(schema, `${route.method} ${route.url} ${part}`) : [];
      }),
    );
    expect(unguarded).toEqual([]);
  });
});
