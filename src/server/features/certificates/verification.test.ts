import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import {
  type Certificate,
  type CertificateKeySet,
  MAX_CERTIFICATE_UPLOAD_BYTES,
} from '../../../contract/certificates.js';
import { certificates, signingKeys } from '../../db/schema/index.js';
import { rawPublicKey } from './signing.js';
import { seedCertificateWorld } from './test-data.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../bin/rabita.js');
const dir = mkdtempSync(path.join(tmpdir(), 'rabita-verify-'));

/** Runs `rabita certificate verify <args>` with no database and no PUBLIC_URL, to its end. */
function verifyWithCli(...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.PUBLIC_URL;
    const child = spawn(process.execPath, [bin, 'certificate', 'verify', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // A bound, not a sleep: a stuck child fails its test instead of outliving the run.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The PDF with one character of its embedded payload changed (still valid base64url). */
function tamper(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const match = /(\d+) 0 obj\s*\(([A-Za-z0-9_-]{40,})\)/.exec(text);
  if (!match?.[2]) throw new Error('no embedded payload found');
  const at = (match.index ?? 0) + match[0].indexOf('(') + 20;
  const copy = Buffer.from(pdf);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41; // 'A' <-> 'B'
  return copy;
}

describe('certificate verification', { timeout: 90_000 }, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let fahad: Certificate;
  let hamad: Certificate;
  let fahadPdf: Buffer;

  const verifyFile = (body: Buffer | string, contentType = 'application/pdf') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/verify',
      headers: { 'content-type': contentType },
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    const { registrar } = world.browsers;
    fahad = (
      await call(
        t.app,
        registrar,
        'POST',
        `/api/v1/nominations/${world.nominations.fahad}/certificate`,
      )
    ).json();
    hamad = (
      await call(
        t.app,
        registrar,
        'POST',
        `/api/v1/nominations/${world.nominations.hamad}/certificate`,
      )
    ).json();
    fahadPdf = (await call(t.app, registrar, 'GET', `/api/v1/certificates/${fahad.id}.pdf`))
      .rawPayload;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('publishes every key as a JWK set, without sign-in', async () => {
    const response = await call(t.app, null, 'GET', '/.well-known/rabita-certificate-keys.json');
    expect(response.statusCode, response.body).toBe(200);
    const [row] = await t.db.db.select().from(signingKeys);
    const keySet = response.json<CertificateKeySet>();
    expect(keySet.keys).toEqual([
      {
        kty: 'OKP',
        crv: 'Ed25519',
        alg: 'EdDSA',
        use: 'sig',
        kid: fahad.keyId,
        x: rawPublicKey(row?.publicKey ?? ''),
      },
    ]);
    expect(response.body).not.toContain('PRIVATE');
  });

  it('says valid for a good id, with what is printed and nothing else', async () => {
    const response = await call(t.app, null, 'GET', `/api/v1/verify/${fahad.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ status: 'valid', certificate: fahad.printed });
  });

  it('says not-found, and only that, for a forged or malformed id', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', `${fahad.id}x`, "'; drop table x; --"]) {
      const response = await call(t.app, null, 'GET', `/api/v1/verify/${encodeURIComponent(id)}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ status: 'not-found' });
    }
  });

  it('says invalid, with no data, when the stored row was altered', async () => {
    await t.db.db
      .update(certificates)
      .set({ payload: { ...hamad.printed, participant: { latin: 'Someone Else', arabic: null } } })
      .where(eq(certificates.id, hamad.id));
    const response = await call(t.app, null, 'GET', `/api/v1/verify/${hamad.id}`);
    expect(response.json()).toEqual({ status: 'invalid' });
    await t.db.db
      .update(certificates)
      .set({ payload: hamad.printed })
      .where(eq(certificates.id, hamad.id));
    expect((await call(t.app, null, 'GET', `/api/v1/verify/${hamad.id}`)).json()).toMatchObject({
      status: 'valid',
    });
  });

  it('checks an uploaded PDF: valid as issued, invalid once a byte of its payload changed', async () => {
    const good = await verifyFile(fahadPdf);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ status: 'valid', certificate: fahad.printed });
    const bad = await verifyFile(tamper(fahadPdf));
    expect(bad.json()).toEqual({ status: 'invalid' });
    // A PDF that is not a certificate at all.
    const plain = await verifyFile(Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(plain.json()).toEqual({ status: 'invalid' });
  });

  it('refuses an upload that is empty, not a PDF type, or too large', async () => {
    expectProblem(await verifyFile(Buffer.alloc(0)), 400, 'validation_failed');
    expectProblem(await verifyFile('{"a":1}', 'application/json'), 400, 'validation_failed');
    expectProblem(await verifyFile('hello', 'text/plain'), 400, 'validation_failed');
    expectProblem(
      await verifyFile(Buffer.from('%PDF-'), 'application/octet-stream'),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await verifyFile(Buffer.alloc(MAX_CERTIFICATE_UPLOAD_BYTES + 1, 0x20)),
      413,
      'body_too_large',
    );
  });

  describe('from the command line, against the issuer’s published keys', () => {
    let issuer: string;
    let goodFile: string;
    let badFile: string;
    beforeAll(async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const address = t.app.server.address();
      if (!address || typeof address === 'string') throw new Error('not listening');
      issuer = `http://127.0.0.1:${address.port}`;
      goodFile = path.join(dir, 'good.pdf');
      badFile = path.join(dir, 'tampered.pdf');
      writeFileSync(goodFile, fahadPdf);
      writeFileSync(badFile, tamper(fahadPdf));
    });

    it('says VALID and what it checked: the signature by the published key, then the register', async () => {
      const good = await verifyWithCli(goodFile, '--issuer', issuer);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toMatch(/^VALID\n/);
      expect(good.stdout).toContain(
        `checked: the signature holds, by key ${fahad.keyId} of ${issuer}/.well-known/rabita-certificate-keys.json`,
      );
      expect(good.stdout).toContain(`${issuer}/api/v1/verify/${fahad.id} holds the same content`);
      expect(good.stdout).toContain('Fahad Al-Sabah');
    });

    it('says INVALID for a file changed after signing', async () => {
      const bad = await verifyWithCli(badFile, '--issuer', issuer);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^INVALID: its content was changed after signing/);
    });

    it('checks offline against a keys file, and says revocation was not checked', async () => {
      const keysFile = path.join(dir, 'keys.json');
      writeFileSync(
        keysFile,
        (await call(t.app, null, 'GET', '/.well-known/rabita-certificate-keys.json')).body,
      );
      const offline = await verifyWithCli(goodFile, '--keys', keysFile);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout).toMatch(/^VALID signature \(offline: revocation not checked\)\n/);
      expect(offline.stdout).toContain('not checked: whether the issuer has revoked it');
      // Another centre's keys do not vouch for this file.
      const otherKeys = path.join(dir, 'other-keys.json');
      const [key] = (JSON.parse(readFileSync(keysFile, 'utf8')) as CertificateKeySet).keys;
      writeFileSync(otherKeys, JSON.stringify({ keys: [{ ...key, kid: 'elsewhere-1' }] }));
      const foreign = await verifyWithCli(goodFile, '--keys', otherKeys);
      expect(foreign.code).toBe(1);
      expect(foreign.stdout).toContain(
        `signed with key ${fahad.keyId}, which ${otherKeys} does not hold`,
      );
    });

    it('asks for the issuer rather than trust the address the file names', async () => {
      const unnamed = await verifyWithCli(goodFile);
      expect(unnamed.code).toBe(2);
      expect(unnamed.stderr).toContain('name the issuer to check against');
      expect(unnamed.stderr).toMatch(
        /The file says it can be verified at https?:\/\/\S+\/verify\//,
      );
      expect(unnamed.stdout).toBe('');
    });

    it('says the check could not be made when the issuer cannot be reached or the file read', async () => {
      const unreachable = await verifyWithCli(goodFile, '--issuer', 'http://127.0.0.1:9');
      expect(unreachable.code).toBe(2);
      expect(unreachable.stderr).toContain('the check could not be made: cannot reach');
      expect((await verifyWithCli(path.join(dir, 'missing.pdf'), '--issuer', issuer)).code).toBe(2);
      expect((await verifyWithCli(goodFile, '--issuer', issuer, '--keys', 'k.json')).code).toBe(2);
    });

    it('says REVOKED once the centre revokes it, from the command line and the upload', async () => {
      const revoked = await call(
        t.app,
        world.browsers.registrar,
        'POST',
        `/api/v1/certificates/${fahad.id}/revoke`,
        { reason: 'Attendance was misrecorded' },
      );
      expect(revoked.statusCode, revoked.body).toBe(200);
      const after = await verifyWithCli(goodFile, '--issuer', issuer);
      expect(after.code).toBe(1);
      expect(after.stdout).toMatch(/^REVOKED on \d{4}-\d{2}-\d{2}: Attendance was misrecorded\n/);
      expect((await verifyFile(fahadPdf)).json()).toMatchObject({
        status: 'revoked',
        reason: 'Attendance was misrecorded',
      });
    });
  });
});
