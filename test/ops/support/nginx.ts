import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { until } from '../../support/rabita-process.js';
import { REPO } from './release.js';

const run = promisify(execFile);

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A self-signed certificate for 127.0.0.1, as a centre's test server would have. */
export async function selfSignedCertificate(dir: string) {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=rabita.test',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key, pem: fs.readFileSync(cert) };
}

/** Replaces `from` in the site file, failing loudly when the shipped file no longer has it. */
function swap(text: string, from: string | RegExp, to: string): string {
  const replaced = text.replace(from, to);
  if (replaced === text) throw new Error(`deploy/nginx/rabita.conf no longer has ${from}`);
  return replaced;
}

export interface RunningNginx {
  httpsPort: number;
  stop(): Promise<void>;
  log(): string;
}

/**
 * Debian's nginx with the shipped site file, moved onto loopback ports, the test certificate
 * and the given upstream; everything else as shipped.
 */
export async function startNginx(options: {
  dir: string;
  upstreamPort: number;
  cert: string;
  key: string;
}): Promise<RunningNginx> {
  const { dir } = options;
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const cache = path.join(dir, 'cache');
  const temp = path.join(dir, 'temp');
  for (const folder of [cache, temp]) {
    fs.mkdirSync(folder, { recursive: true });
    // nginx's workers run as an unprivileged user when it starts as root.
    fs.chmodSync(folder, 0o777);
  }
  let site = fs.readFileSync(path.join(REPO, 'deploy', 'nginx', 'rabita.conf'), 'utf8');
  site = swap(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${options.upstreamPort};`);
  site = swap(site, '/var/cache/nginx/rabita', cache);
  site = swap(site, /listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${httpPort};`);
  site = swap(
    site,
    /listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/,
    `listen 127.0.0.1:${httpsPort} ssl http2;`,
  );
  site = swap(site, '/etc/ssl/rabita/fullchain.pem', options.cert);
  site = swap(site, '/etc/ssl/rabita/privkey.pem', options.key);
  fs.writeFileSync(path.join(dir, 'rabita.conf'), site);
  const errorLog = path.join(dir, 'error.log');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    include ${path.join(dir, 'rabita.conf')};
}
`,
  );
  const nginx: ChildProcess = spawn(
    '/usr/sbin/nginx',
    ['-e', errorLog, '-p', dir, '-c', path.join(dir, 'nginx.conf')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  nginx.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  nginx.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const log = () => `${output}${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : ''}`;
  await until(
    'nginx to listen',
    async () => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited:\n${log()}`);
      return new Promise<boolean>((resolve) => {
        const socket = net.connect(httpsPort, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    },
    20_000,
  );
  return {
    httpsPort,
    log,
    stop: async () => {
      if (nginx.exitCode !== null) return;
      const exited = new Promise((resolve) => nginx.once('close', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    },
  };
}
