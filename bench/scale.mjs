// Several processes per host: the catalogue list's requests/s served by `rabita serve` (one
// process) and by `rabita serve --workers 2` (a primary and two workers sharing the port), on the
// same embedded database with the demo centre; beside a bare Fastify route in one process and in
// two (node:cluster), measured in the same run: what the machine gives two processes of a trivial route.
// Figures go to docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { demoCookie, median, root, startChild, stopChild, writeSection } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;

function load(url, headers, duration = SECONDS) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

// A trivial route, in one process or in `workers` processes of a node:cluster.
const BARE = `
const cluster = require('node:cluster');
const workers = Number(process.argv[2] ?? 1);
if (workers > 1 && cluster.isPrimary) {
  let up = 0;
  for (let i = 0; i < workers; i++) cluster.fork().on('message', (m) => { if (++up === workers) console.log('at ' + m); });
} else {
  const f = require(process.env.FASTIFY_PATH)();
  f.get('/hello', async () => ({ hello: 'world' }));
  f.listen({ port: Number(process.env.BARE_PORT ?? 0), host: '127.0.0.1' }).then((a) => {
    if (process.send) process.send(a); else console.log('at ' + a);
  });
}`;

async function freePort() {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Median requests/s (and p99) over the rounds, after a warm-up. */
async function measure(name, url, headers) {
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`${name}: ${check.status} ${await check.text()}`);
  await load(url, headers, WARM_UP_SECONDS);
  const results = [];
  for (let round = 0; round < ROUNDS; round++) results.push(await load(url, headers));
  const row = {
    name,
    rps: median(results.map((r) => r.requests.average)),
    p99: median(results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
  process.stdout.write(`${name}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms\n`);
  return row;
}

async function bare(dir, workers) {
  const port = await freePort();
  // A file, not \`node -e\`: the cluster's workers run the primary's script again.
  const script = path.join(dir, 'bare.cjs');
  fs.writeFileSync(script, BARE);
  const child = await startChild(
    'node',
    [script, String(workers)],
    { BARE_PORT: String(port), FASTIFY_PATH: path.join(root, 'node_modules', 'fastify') },
    /at (http:\/\/\S+)/,
  );
  try {
    return await measure(
      `bare Fastify \`GET /hello\`, ${workers} process${workers > 1 ? 'es' : ''}`,
      `${child.match[1]}/hello`,
      {},
    );
  } finally {
    await stopChild(child.child);
  }
}

async function rabita(dataDir, workers) {
  const args = ['bin/rabita.js', 'serve', ...(workers > 1 ? ['--workers', String(workers)] : [])];
  const app = await startChild(
    'node',
    args,
    { RABITA_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    /running at (http:\/\/\S+)/,
  );
  const base = app.match[1];
  try {
    const cookie = await demoCookie(base, 'npoc.kwt@rabita.example');
    return await measure(
      `catalogue list \`GET /api/v1/activities\`, ${workers === 1 ? '`serve` (1 process)' : `\`serve --workers ${workers}\``}`,
      `${base}/api/v1/activities?limit=25`,
      { cookie },
    );
  } finally {
    await stopChild(app.child);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-bench-scale-'));
  // When run as root, the embedded server runs as "postgres" and must reach the folder.
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  // Other work on the machine takes the same cores: its load is reported beside the figures.
  const loadBefore = os.loadavg()[0];
  try {
    const bareOne = await bare(dir, 1);
    const bareTwo = await bare(dir, 2);
    // The first start loads the demo centre into the new embedded database.
    const one = await rabita(dataDir, 1);
    const two = await rabita(dataDir, 2);
    const rows = [bareOne, bareTwo, one, two];
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    const section = [
      '## Several processes per host (`npm run bench:scale`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, embedded PostgreSQL 18 on the same machine;`,
      `the demo centre, signed in as Kuwait's national point of contact; autocannon (in the benchmark's own process, on the same cores), ${CONNECTIONS} connections,`,
      `median of ${ROUNDS} rounds of ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up; straight to the port the processes share (no proxy in front: on this`,
      "machine nginx would take a share of the same cores). Goal: two processes >= 1.6x one where the cores allow; the bare route's ratio shows what the machine gave two processes in the same run.",
      `Load average (1 min) before the run ${loadBefore.toFixed(1)}, after it ${os.loadavg()[0].toFixed(1)}${
        loadBefore > cores
          ? ': above the core count, other work shared the cores and the ratios understate what two processes give.'
          : `. The load generator and PostgreSQL run on the same ${cores} cores as the servers, so two processes compete with both: the bare route's ratio is the ceiling this machine allows, and the catalogue's ratio over it is what the second process adds.`
      }`,
      '',
      '| target | requests/s | p99 (ms) | errors |',
      '|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.errors} |`),
      '',
      `Two processes against one: catalogue list **${(two.rps / one.rps).toFixed(2)}x**; bare route ${(bareTwo.rps / bareOne.rps).toFixed(2)}x (what the machine gave two processes of a trivial route); the catalogue's ratio over the bare route's: ${(two.rps / one.rps / (bareTwo.rps / bareOne.rps)).toFixed(2)}x.`,
      `Catalogue list in one process: ${((100 * one.rps) / bareOne.rps).toFixed(1)}% of the bare route's requests/s.`,
      '',
    ].join('\n');
    writeSection('## Several processes per host', section);
    process.stdout.write(`\n${section}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
