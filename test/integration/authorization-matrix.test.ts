import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { CALLER_NAMES, type Caller, isNationBound, mayCall, send } from '../support/callers.js';
import {
  type ApiOperation,
  apiOperations,
  fillPath,
  needsFixture,
} from '../support/openapi-routes.js';
import { ROUTE_FIXTURES, variesByNation } from '../support/route-fixtures.js';
import { buildWorld, NATIONS, type NationCode, type World } from '../support/world.js';

// Every write is sent with a media type no route parses: once the caller is let through, the
// request stops at body parsing (415), before any handler, so the matrix changes nothing.
const PROBE_TYPE = 'application/x-rabita-probe';

/**
 * Every documented route x every kind of caller x own and other nation. Anonymous callers get
 * 401 and callers without the route's permission 403; a nation-bound caller gets 404 for
 * another nation's record and never reads another nation's people in any answer; nothing
 * answers 5xx, and every error is problem+json with a code.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let operations: ApiOperation[];
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    operations = await apiOperations(t.app);
  }, 180_000);
  afterAll(() => t.close());

  it('has world values for every route that needs them, and none for routes gone', () => {
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.filter((op) => needsFixture(op) && !ROUTE_FIXTURES[op.path]);
    expect(missing.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const documented = new Set(operations.map((op) => op.path));
    expect(Object.keys(ROUTE_FIXTURES).filter((path) => !documented.has(path))).toEqual([]);
  });

  /** What went wrong with one answer, if anything, in words a failure list can show. */
  function judge(
    op: ApiOperation,
    caller: Caller,
    nation: NationCode,
    response: LightMyRequestResponse,
  ): string[] {
    const status = response.statusCode;
    const problems: string[] = [];
    const expectStatus = (wanted: number, code: string, why: string) => {
      if (status !== wanted || problemCode(response) !== code) {
        problems.push(
          `${status} ${problemCode(response) ?? ''}, expected ${wanted} ${code} (${why})`,
        );
      }
    };
    if (status >= 500) return [`${status}: ${response.body.slice(0, 200)}`];
    if (status >= 400 && problemCode(response) === undefined) {
      problems.push(`${status} is not problem+json with a code`);
    }
    if (!mayCall(caller, op.permission)) {
      if (caller.name === 'anonymous') expectStatus(401, 'unauthenticated', 'not signed in');
      else expectStatus(403, 'forbidden', `lacks ${op.permission}`);
      return problems;
    }
    if (op.method !== 'GET') {
      expectStatus(415, 'unsupported_media_type', `may ${op.permission}`);
      return problems;
    }
    const other = isNationBound(caller) && caller.nationCode !== nation;
    if (other && ROUTE_FIXTURES[op.path]?.nationOwned) {
      expectStatus(404, 'not_found', `another nation's record`);
    }
    // A public route answers everyone alike: its secret (a certificate id) is in its address.
    if (isNationBound(caller) && status < 300 && op.permission !== 'public') {
      problems.push(...leaks(caller, response));
    }
    return problems;
  }

  /** Another nation's markers (names, free text, ids) in an answer to a nation-bound caller. */
  function leaks(caller: Caller, response: LightMyRequestResponse): string[] {
    const type = String(response.headers['content-type'] ?? '');
    if (!/json|text|csv|calendar/.test(type)) return [];
    return NATIONS.filter((nation) => nation !== caller.nationCode).flatMap((nation) => {
      const { marker, ...ids } = w.nations[nation];
      return [marker, ...Object.values(ids)]
        .filter((secret) => response.body.includes(secret))
        .map((secret) => `leaks ${nation}'s ${secret === marker ? 'people' : `record ${secret}`}`);
    });
  }

  /** Calls the operation as the caller, about the nation's records; writes are only probed. */
  function callAbout(op: ApiOperation, caller: Caller, nation: NationCode) {
    const fixture = ROUTE_FIXTURES[op.path];
    const records = w.nations[nation];
    const url = fillPath(op.path, fixture?.params?.(w, records, nation) ?? {});
    const query = fixture?.query?.(w, records, nation);
    return op.method === 'GET'
      ? send(t.app, caller, 'GET', url, undefined, { ...(query ? { query } : {}) })
      : send(t.app, caller, op.method, url, 'probe', { contentType: PROBE_TYPE });
  }

  const nationsOf = (op: ApiOperation): NationCode[] =>
    variesByNation(ROUTE_FIXTURES[op.path], w) ? ['KWT', 'QAT'] : ['KWT'];

  // Else a 404 for another nation, or an answer free of its people, would prove nothing.
  it('holds a record for every GET to read, for each nation', async () => {
    const readers = ['administrator', 'npoc', 'npoc_qat', 'participant', 'participant_qat'];
    const empty: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET')) {
      if (ROUTE_FIXTURES[op.path]?.unknownRecord) continue;
      for (const nation of nationsOf(op)) {
        let found = false;
        for (const reader of readers) {
          const caller = w.callers[reader];
          if (caller && (await callAbout(op, caller, nation)).statusCode < 300) found = true;
          if (found) break;
        }
        if (!found) empty.push(`GET ${op.path} [${nation}]`);
      }
    }
    expect(empty).toEqual([]);
  });

  it.each(CALLER_NAMES)(
    'answers %s on every route as its permission and nation say',
    async (name) => {
      const caller = w.callers[name];
      if (!caller) throw new Error(`no caller ${name}`);
      const failures: string[] = [];
      let calls = 0;
      for (const op of operations) {
        for (const nation of nationsOf(op)) {
          const response = await callAbout(op, caller, nation);
          calls += 1;
          for (const problem of judge(op, caller, nation, response)) {
            failures.push(`${op.method} ${op.path} [${nation}]: ${problem}`);
          }
        }
      }
      expect(calls).toBeGreaterThanOrEqual(operations.length);
      expect(failures).toEqual([]);
    },
  );
});

function problemCode(response: LightMyRequestResponse): string | undefined {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    return undefined;
  }
  const code = response.json<{ code?: unknown }>().code;
  return typeof code === 'string' ? code : undefined;
}
