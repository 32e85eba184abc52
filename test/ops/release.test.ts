import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killStarted, runRabita, serveRabita } from '../support/rabita-process.js';
import { freePort, type RunningNginx, selfSignedCertificate, startNginx } from './support/nginx.js';
import { type InstalledRelease, installPackedRelease, REPO } from './support/release.js';

const DEMO_PASSWORD = 'rabita-demo-2026';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP/1.1 request, over TLS when `ca` is given, from a chosen local address. */
function request(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    ca?: Buffer;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const send = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca,
        localAddress: options.localAddress,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The session cookie's `name=value`, from a sign-in's Set-Cookie. */
const cookieOf = (answer: Answer) => (answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';

let release: InstalledRelease;

beforeAll(async () => {
  release = await installPackedRelease();
});

afterAll(() => {
  killStarted();
});

describe('the packed release', () => {
  it('installs without development tools and runs compiled JavaScript', () => {
    const modules = path.join(release.dir, 'node_modules');
    for (const devTool of ['vite', 'tsx', 'typescript', 'vitest', 'esbuild', 'react'])
      expect(fs.existsSync(path.join(modules, devTool)), devTool).toBe(false);
    const shipped = path.join(modules, 'rabita');
    expect(fs.existsSync(path.join(shipped, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(shipped, 'dist', 'web', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(shipped, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(shipped, 'deploy', 'nginx', 'rabita.conf'))).toBe(true);
  });

  it('answers --help, and a typo in one line with exit status 2', async () => {
    const help = await runRabita(['--help'], {}, 30_000, release.bin);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: rabita <command>');
    const typo = await runRabita(['serv'], {}, 30_000, release.bin);
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe('rabita: unknown command "serv"; "rabita --help" lists them');
  });

  it('passes systemd’s own check of the shipped units', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-units-'));
    for (const unit of ['rabita.service', 'rabita-worker.service']) {
      const text = fs
        .readFileSync(path.join(REPO, 'deploy', 'systemd', unit), 'utf8')
        .replaceAll('/opt/rabita/node_modules/.bin/rabita', release.bin);
      fs.writeFileSync(path.join(dir, unit), text);
    }
    const { stderr } = await promisify(execFile)('systemd-analyze', [
      'verify',
      '--man=no',
      path.join(dir, 'rabita.service'),
      path.join(dir, 'rabita-worker.service'),
    ]).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
    // Only "not found" for users and folders of the real server may remain.
    const problems = stderr
      .split('\n')
      .filter(
        (line) =>
          line.trim() && !/Failed to resolve (user|group)|No such file or directory/.test(line),
      );
    expect(problems).toEqual([]);
  });
});

describe('the packed release behind nginx with TLS', () => {
  let nginx: RunningNginx;
  let ca: Buffer;
  let appUrl: string;
  let proxyUrl: string;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-nginx-'));
    fs.chmodSync(dir, 0o755);
    const certificate = await selfSignedCertificate(dir);
    ca = certificate.pem;
    const upstreamPort = await freePort();
    nginx = await startNginx({ dir, upstreamPort, cert: certificate.cert, key: certificate.key });
    proxyUrl = `https://127.0.0.1:${nginx.httpsPort}`;
    const server = await serveRabita(
      {
        PORT: String(upstreamPort),
        RABITA_DATA_DIR: path.join(dir, 'data'),
        RABITA_DEMO: '1',
        // Exactly the proxy's address: a header from anywhere else is not believed.
        RABITA_TRUST_PROXY: '127.0.0.1',
        PUBLIC_URL: proxyUrl,
      },
      120_000,
      release.bin,
    );
    appUrl = server.url;
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  it('serves the web app over HTTP/2 with compressed, cached assets', async () => {
    const session = http2.connect(proxyUrl, { ca });
    const get = (pathname: string, headers: Record<string, string> = {}) =>
      new Promise<{ headers: http2.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const stream = session.request({ ':path': pathname, ...headers });
        let body = '';
        let answered: http2.IncomingHttpHeaders = {};
        stream.on('response', (h) => {
          answered = h;
        });
        stream.setEncoding('latin1');
        stream.on('data', (chunk) => {
          body += chunk;
        });
        stream.on('end', () => resolve({ headers: answered, body }));
        stream.on('error', reject);
      });
    try {
      const index = await get('/');
      expect(session.alpnProtocol).toBe('h2');
      expect(index.headers[':status']).toBe(200);
      expect(index.body).toContain('<div id="root">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
      expect(script).toBeDefined();
      const first = await get(script as string, { 'accept-encoding': 'gzip' });
      expect(first.headers[':status']).toBe(200);
      expect(first.headers['content-encoding']).toMatch(/gzip|br/);
      expect(first.headers['cache-control']).toContain('immutable');
      const again = await get(script as string, { 'accept-encoding': 'gzip' });
      expect(again.headers['x-cache-status']).toBe('HIT');
    } finally {
      session.close();
    }
  });

  it('signs in over https with a Secure cookie, and audits the client’s real address', async () => {
    const login = await request(`${proxyUrl}/api/v1/auth/login`, {
      method: 'POST',
      ca,
      // The client's own claim about its address must not reach the audit trail.
      headers: { 'x-forwarded-for': '203.0.113.66' },
      localAddress: '127.0.0.7',
      body: { email: 'admin@rabita.example', password: DEMO_PASSWORD },
    });
    expect(login.status, login.body).toBe(200);
    const setCookie = login.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    const audit = await request(`${proxyUrl}/api/v1/audit?action=auth.sign_in&limit=200`, {
      ca,
      headers: { cookie: cookieOf(login) },
    });
    expect(audit.status, audit.body).toBe(200);
    const entries = (
      JSON.parse(audit.body) as { items: Array<{ requestId: string; after: unknown }> }
    ).items;
    const mine = entries.find((entry) => entry.requestId === login.headers['x-request-id']);
    expect(mine?.after).toEqual({ address: '127.0.0.7' });
  });

  it('ignores X-Forwarded-For from anyone but the proxy', async () => {
    const direct = await request(`${appUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.66', 'x-forwarded-proto': 'https' },
      localAddress: '127.0.0.9',
      body: { email: 'admin@rabita.example', password: DEMO_PASSWORD },
    });
    expect(direct.status).toBe(200);
    // Not from the proxy: plain http as it is, so no Secure cookie either.
    expect(direct.headers['set-cookie']?.[0]).not.toMatch(/;\s*Secure/i);
    const audit = await request(`${appUrl}/api/v1/audit?action=auth.sign_in&limit=200`, {
      headers: { cookie: cookieOf(direct) },
    });
    const entries = (
      JSON.parse(audit.body) as { items: Array<{ requestId: string; after: unknown }> }
    ).items;
    const mine = entries.find((entry) => entry.requestId === direct.headers['x-request-id']);
    expect(mine?.after).toEqual({ address: '127.0.0.9' });
  });
});
