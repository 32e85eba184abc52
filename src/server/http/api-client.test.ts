import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { clientTypes } from './api-client.js';
import { openApiDocument } from './openapi-document.js';

const contract = fileURLToPath(new URL('../../contract/index.js', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * What an integrator writes against the generated types, checked against the contract the
 * server validates with: a body the contract accepts is a body the client may send, an answer
 * the contract describes is one the client reads, and problem codes are the registry's.
 */
const USAGE = `
import type { ErrorCode, LoginRequest, Nomination, NominationInput, Venue } from ${JSON.stringify(contract)};
import type { components, operations } from './api.js';

type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type JsonAnswer<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export const signIn: JsonBody<operations['signIn']> = {} as LoginRequest;
export const nominate: JsonBody<operations['submitNomination']> = {} as NominationInput;
export const venue: JsonAnswer<operations['getVenue']['responses'][200]> = {} as Venue;
export const venueRef: components['schemas']['Venue'] = venue;
export const nomination: JsonAnswer<operations['getNomination']['responses'][200]> = {} as Nomination;

type Conflict = operations['transitionNomination']['responses'][409]['content']['application/problem+json'];
export const noSeat: Conflict['code'] = 'no_seat';
// @ts-expect-error a code this route does not answer with 409
export const taken: Conflict['code'] = 'email_taken';
export const anyCode: ErrorCode = {} as components['schemas']['Problem']['code'];
export const registered: components['schemas']['Problem']['code'] = {} as ErrorCode;
`;

describe('the generated API client', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rabita-api-client-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('generates from the OpenAPI document and type-checks against the contract', async () => {
    const types = await clientTypes(await openApiDocument());
    expect(types).toContain('export interface operations');
    // A .ts file rather than .d.ts, so that skipLibCheck does not skip it.
    writeFileSync(path.join(folder, 'api.ts'), types);
    writeFileSync(path.join(folder, 'usage.ts'), USAGE);
    const compilerOptions = {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: 'ES2023',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      types: [],
    };
    const config = { compilerOptions, files: ['usage.ts'] };
    writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(config));
    const args = [tsc, '-p', folder];
    const result = await promisify(execFile)(process.execPath, args).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
    );
    expect(result.stdout).toBe('');
  }, 60_000);
});
