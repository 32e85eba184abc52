import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Caller, mayCall, send } from './callers.js';
import { deepNest, hostileFor, RAW_BODIES } from './hostile.js';
import type { ApiOperation } from './openapi-routes.js';
import { ROUTE_FIXTURES } from './route-fixtures.js';
import { NATIONS, type World } from './world.js';

/** A request the fuzzer makes: who, the path values, the query and the body as sent. */
export interface Shot {
  caller: Caller;
  /** Whose records the path names, when it names the world's (not hostile segments). */
  about: string | null;
  segments: Record<string, string>;
  query: Partial<Record<string, string>>;
  body: { payload?: string; contentType?: string };
}

// Path segments an attacker puts where an id or a code goes (already URL-encoded).
const HOSTILE_SEGMENTS = [
  'a%00b',
  '%ed%a0%80',
  '%ff%fe',
  '0b7c2a56-0000-4000-8000-000000000000',
  'A'.repeat(150),
  '..',
  '-1',
  '0',
  '9'.repeat(30),
  '%3Cscript%3E',
];

/** A pagination cursor as a client could forge one: any JSON, encoded like the real ones. */
const forgedCursor = fc
  .oneof(
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.uuid(), fc.constant(null)), {
      maxLength: 4,
    }),
    fc.jsonValue(),
  )
  .map((key) => Buffer.from(JSON.stringify(key) ?? '').toString('base64url'));

/** A generated value as a query string value: text as is, anything else as its JSON. */
const asQueryValue = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/**
 * Requests for one operation, by callers it allows: the world's values in the path (either
 * nation's) or hostile segments, hostile query values, and a body shaped by its schema with
 * hostile values, or raw bodies that are not the JSON it expects.
 */
export function requestsFor(op: ApiOperation, w: World, known: readonly string[]) {
  const callers = Object.values(w.callers).filter((c) => mayCall(c, op.permission));
  const fixture = ROUTE_FIXTURES[op.path];
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const path = fc.constantFrom(...NATIONS).chain((nation) => {
    const values = fixture?.params?.(w, w.nations[nation], nation) ?? {};
    const record: Record<string, fc.Arbitrary<string>> = {};
    for (const name of pathNames) {
      record[name] = fc.oneof(
        { arbitrary: fc.constant(encodeURIComponent(values[name] ?? '')), weight: 5 },
        { arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS), weight: 1 },
      );
    }
    return fc.record(record).map((segments) => {
      const ours = pathNames.every((n) => segments[n] === encodeURIComponent(values[n] ?? ''));
      return { segments, about: ours && pathNames.length > 0 ? nation : null };
    });
  });
  const queryValues = NATIONS.flatMap((nation) =>
    Object.values(fixture?.query?.(w, w.nations[nation], nation) ?? {}),
  );
  const queryRecord: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.parameters.filter((param) => param.in === 'query')) {
    const value = hostileFor(p.schema, [...known, ...queryValues]).map(asQueryValue);
    queryRecord[p.name] = p.name === 'cursor' ? fc.oneof(forgedCursor, value) : value;
  }
  const json = (value: unknown) => ({
    payload: JSON.stringify(value) ?? 'null',
    contentType: 'application/json',
  });
  const raw = (payload: string, contentType = 'application/json') => ({ payload, contentType });
  const body: fc.Arbitrary<Shot['body']> =
    op.method === 'GET'
      ? fc.constant({})
      : fc.oneof(
          { arbitrary: hostileFor(op.body ?? undefined, known).map(json), weight: 8 },
          {
            arbitrary: fc.constantFrom(...RAW_BODIES).map((p) => raw(p, op.bodyType ?? undefined)),
            weight: 1,
          },
          { arbitrary: deepNest.map((p) => raw(p)), weight: 1 },
          { arbitrary: fc.constant({}), weight: 1 },
        );
  return fc
    .record({
      caller: fc.constantFrom(...callers),
      path,
      query: fc.record(queryRecord, { requiredKeys: [] }),
      body,
    })
    .map(({ path: { segments, about }, ...rest }): Shot => ({ ...rest, segments, about }));
}

/** Sends the request. */
export function fire(
  app: FastifyInstance,
  op: ApiOperation,
  shot: Shot,
): Promise<LightMyRequestResponse> {
  const url = op.path.replace(/\{(\w+)\}/g, (_whole, name: string) => shot.segments[name] ?? '');
  const query = Object.fromEntries(
    Object.entries(shot.query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return send(app, shot.caller, op.method, url, shot.body.payload, {
    ...(shot.body.contentType ? { contentType: shot.body.contentType } : {}),
    query,
  });
}

/** A request in a failure message: the caller by name, not its secrets. */
export function describeShot(shot: Shot | undefined): string {
  if (!shot) return 'nothing';
  const { caller, ...rest } = shot;
  return `${caller.name} ${fc.stringify(rest)}`;
}
