import fc from 'fast-check';
import type { JsonSchema } from './openapi-routes.js';

/**
 * Text an attacker tries in any field: characters PostgreSQL cannot store, bidi controls,
 * formula and markup injection, path and SQL tricks, and lengths past every limit.
 */
export const HOSTILE_TEXT: readonly string[] = [
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 high',
  'lone \udfff low',
  '\udc00\ud800',
  'emoji \ud83d\ude00 pair',
  '\u202eevil\u202c RTL override',
  '\u200f\u200e\u2066marks\u2069',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '@HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '%ff%fe',
  '\\u0000',
  '{{constructor.constructor("x")()}}',
  '#{7*7} and {7*7}',
  '',
  '   ',
  '\t\r\n',
  'ﷺ العربية مع نص',
  'x'.repeat(201),
  'y'.repeat(10_001),
];

/** Values of the wrong type, for any field. */
const WRONG_TYPE = fc.constantFrom<unknown>(null, 0, -1, 1.5, true, 'text', [], {}, [null], {
  a: 1,
});

const SANE = {
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2200-12-31T00:00:00Z'),
  noInvalidDate: true,
};
/**
 * Dates inside 1900-2200, the range the contract bounds dates to. Far-past and far-future dates
 * (0000-01-01, 9999-12-31) on every date field have their own test with the date rules; here a
 * date only carries a request to where hostile text and numbers can do harm.
 */
const saneDate = fc.date(SANE).map((d) => d.toISOString().slice(0, 10));
const saneInstant = fc.date(SANE).map((d) => d.toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{1,12}$/))
  .map(([user, host]) => `${user}@${host}.example`);
const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,'-]{0,30}[A-Za-z0-9]$/);

/** A valid value mostly; one of HOSTILE_TEXT, or a valid one with a NUL or a lone half in it. */
function stringFor(schema: JsonSchema, known: readonly string[]): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT),
    words.map((w) => `${w}\u0000`),
    words.map((w) => `\ud834${w}`),
  );
  return fc.oneof(
    { arbitrary: validString(schema, known), weight: 6 },
    { arbitrary: hostile, weight: 2 },
  );
}

function validString(schema: JsonSchema, known: readonly string[]): fc.Arbitrary<string> {
  if (schema.format === 'date') return saneDate;
  if (schema.format === 'date-time') return saneInstant;
  if (schema.format === 'email') return email;
  const pattern = schema.pattern ? safeRegExp(schema.pattern) : null;
  const fitting = known.filter((value) => (pattern ? pattern.test(value) : false));
  if (schema.format === 'uuid') {
    return fitting.length > 0 ? fc.oneof(fc.constantFrom(...fitting), fc.uuid()) : fc.uuid();
  }
  if (pattern) {
    const generated = fc.stringMatching(pattern);
    return fitting.length > 0
      ? fc.oneof(
          { arbitrary: fc.constantFrom(...fitting), weight: 3 },
          { arbitrary: generated, weight: 1 },
        )
      : generated;
  }
  const max = schema.maxLength ?? 60;
  return words.map((w) => w.slice(0, Math.max(max, 1)));
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** Numbers in range mostly; at, just past and far past the bounds, and fractions. */
function numberFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const low = schema.minimum ?? schema.exclusiveMinimum;
  const high = schema.maximum ?? schema.exclusiveMaximum;
  const edges = [0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308];
  for (const bound of [low, high]) {
    if (bound !== undefined && Math.abs(bound) < 2 ** 53) edges.push(bound - 1, bound, bound + 1);
  }
  const min = Math.max(Math.ceil(low ?? 0), -(2 ** 31));
  const max = Math.min(Math.floor(high ?? min + 100), min + 2 ** 31);
  return fc.oneof(
    { arbitrary: fc.integer({ min, max: Math.max(min, max) }), weight: 4 },
    { arbitrary: fc.constantFrom(...edges), weight: 1 },
  );
}

/**
 * Values for a JSON Schema of the OpenAPI document, shaped as it asks, so that a request gets
 * past validation and into the service, with a hostile string or number here and there, and
 * now and then a wrong type, an unknown field or an empty object. `known` are values of the
 * world (ids, codes) that make a request reach records, another nation's included.
 */
export function hostileFor(
  schema: JsonSchema | undefined,
  known: readonly string[] = [],
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return WRONG_TYPE;
  return fc.oneof(
    { arbitrary: shapedFor(schema, known, depth), weight: 15 },
    { arbitrary: WRONG_TYPE, weight: 1 },
  );
}

function shapedFor(
  schema: JsonSchema,
  known: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) {
    return fc.oneof(...options.map((option) => shapedFor(option, known, depth + 1)));
  }
  if (schema.allOf?.[0]) return shapedFor(schema.allOf[0], known, depth + 1);
  if (schema.enum && schema.enum.length > 0) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...schema.enum), weight: 6 },
      { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 1 },
    );
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, known);
    case 'integer':
    case 'number':
      return numberFor(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      const min = schema.minItems ?? 0;
      const max = Math.max(min, Math.min((schema.maxItems ?? 4) + 1, 6));
      return fc.array(hostileFor(item, known, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object':
      return objectFor(schema, known, depth);
    default:
      return WRONG_TYPE;
  }
}

function objectFor(
  schema: JsonSchema,
  known: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    record[name] = hostileFor(property, known, depth + 1);
  }
  const required = (schema.required ?? []).filter((name) => name in properties);
  const fields = fc.record(record, { requiredKeys: required });
  const extra = fc.dictionary(
    fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'nationCode', 'role'),
    WRONG_TYPE,
    { minKeys: 1, maxKeys: 2 },
  );
  return fc.oneof(
    { arbitrary: fields, weight: 14 },
    { arbitrary: fc.tuple(fields, extra).map(([a, b]) => ({ ...b, ...a })), weight: 1 },
    { arbitrary: fc.constant({}), weight: 1 },
  );
}

/** A JSON value nested far deeper than any schema goes. */
export const deepNest = fc
  .integer({ min: 50, max: 400 })
  .map((depth) => '['.repeat(depth) + ']'.repeat(depth));

/** Raw bodies that are not the JSON a route expects at all. */
export const RAW_BODIES: readonly string[] = [
  '',
  'null',
  '[]',
  '"text"',
  '12',
  '{',
  '{"a":}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '\u0000',
];
