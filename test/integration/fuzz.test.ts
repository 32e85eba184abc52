import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { isNationBound } from '../support/callers.js';
import { changedTables, type Fingerprint, fingerprinter } from '../support/db-fingerprint.js';
import { describeShot, fire, requestsFor } from '../support/hostile-requests.js';
import { type ApiOperation, apiOperations } from '../support/openapi-routes.js';
import { ROUTE_FIXTURES } from '../support/route-fixtures.js';
import {
  ACTIVITY,
  buildWorld,
  ENDED_SESSION,
  NATIONS,
  OPEN_SESSION,
  SURVEY_TEMPLATE,
  type World,
} from '../support/world.js';

/**
 * One seed for the whole run, printed with any failure: replay it with RABITA_FUZZ_SEED.
 * RABITA_FUZZ_RUNS sets how many requests each write route gets (reads get a third).
 */
const SEED = Number(process.env.RABITA_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.RABITA_FUZZ_RUNS ?? 20);

// Authentication touches these on every request (when a session or token was last used), and
// the public routes count each request against their rate limit.
const BOOKKEEPING = ['login_sessions', 'api_tokens', 'rate_limit_counters'];

// A refused sign-in or reset may itself be recorded, and counted against an account or address.
const SIGN_IN_RECORDS = /^(audit_log|audit_chain_head|sign_in.*|.*attempts?.*|.*throttle.*)$/;
const RECORDED_WHEN_REFUSED: Record<string, RegExp> = {
  '/api/v1/auth/login': SIGN_IN_RECORDS,
  '/api/v1/auth/password': SIGN_IN_RECORDS,
  '/api/v1/auth/password-reset/request': SIGN_IN_RECORDS,
  '/api/v1/auth/password-reset/complete': SIGN_IN_RECORDS,
};

/**
 * Every route of the OpenAPI document, writes above all, fired with hostile bodies, paths and
 * queries by callers it allows: never a 5xx, every error problem+json with a code (not the
 * database's refusal: the contract answers first), a refused request changes no table, and a
 * nation-bound caller never gets through to another nation's record.
 */
describe('hostile requests', () => {
  let t: TestApp;
  let w: World;
  let operations: ApiOperation[];
  let print: () => Promise<Fingerprint>;
  let known: string[];
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    // Signing out ends the caller's session: last, so that it does not blunt the rest.
    operations = (await apiOperations(t.app)).sort(
      (a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')),
    );
    print = await fingerprinter(t.db.pool, BOOKKEEPING);
    known = [
      ...NATIONS.flatMap((nation) => [nation, ...Object.values(w.nations[nation])]),
      ...Object.values(w.callers).flatMap((caller) => (caller.userId ? [caller.userId] : [])),
      ...[ACTIVITY, ENDED_SESSION, OPEN_SESSION, SURVEY_TEMPLATE, w.userId, w.sessionEnd],
      ...['CT', 'NIRC', 'KWI-NIRC', 'ROM-NDC', 'ICI', 'MD', 'OF-3', 'en', 'ar', 'overall'],
    ];
  }, 180_000);
  afterAll(() => t.close());

  it('never answers 5xx, always problem+json, and writes nothing when it refuses', async () => {
    expect(operations.filter((op) => op.method !== 'GET').length).toBeGreaterThan(50);
    const failures: string[] = [];
    let before = await print();
    let requests = 0;
    for (const op of operations) {
      const may = RECORDED_WHEN_REFUSED[op.path];
      const nationOwned = ROUTE_FIXTURES[op.path]?.nationOwned === true;
      const property = fc.asyncProperty(requestsFor(op, w, known), async (shot) => {
        const response = await fire(t.app, op, shot);
        requests += 1;
        const after = await print();
        const changed = changedTables(before, after).filter((table) => !may?.test(table));
        before = after;
        const status = response.statusCode;
        const where = `${status} as ${shot.caller.name}: ${response.body.slice(0, 300)}`;
        expect(status, where).toBeLessThan(500);
        const caller = shot.caller;
        if (
          nationOwned &&
          isNationBound(caller) &&
          shot.about &&
          shot.about !== caller.nationCode
        ) {
          expect(status, `${where}\nanother nation's record was reached`).toBeGreaterThanOrEqual(
            400,
          );
        }
        if (status < 400) return;
        expect(String(response.headers['content-type']), where).toContain(
          'application/problem+json',
        );
        const code = response.json<{ code?: unknown }>().code;
        expect(typeof code, where).toBe('string');
        expect(code, `${where}\nthe contract let through what the database refused`).not.toBe(
          'invalid_value',
        );
        expect(changed, `${where}\nwritten although refused`).toEqual([]);
      });
      const numRuns = op.method === 'GET' ? Math.ceil(RUNS / 3) : RUNS;
      const outcome = await fc.check(property, { numRuns, seed: SEED, endOnFailure: true });
      if (outcome.failed) {
        failures.push(
          `${op.method} ${op.path} (RABITA_FUZZ_SEED=${SEED}): ${String(outcome.errorInstance)}\n` +
            `  with ${describeShot(outcome.counterexample?.[0])}`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations.length * Math.ceil(RUNS / 3));
  }, 600_000);
});
