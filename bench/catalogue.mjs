// Catalogue benchmark: Rabita's activity list and full-text search, as a signed-in national point
// of contact, against 2,000 activities and 20,000 sessions; beside a bare Fastify "hello" route
// measured in the same run on the same machine. Figures go to docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createAppDatabase, demoCookie, root, startChild, writeSection } from './lib.mjs';

const SERVER =
  process.env.RABITA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;

/**
 * A database set up as in production (owner role, migrations, the app's least-privilege role)
 * with the demo centre loaded by the app role; the catalogue's extra rows are loaded and
 * analysed as the superuser, which owns the statistics the app role may not gather.
 */
async function prepareDatabase() {
  const db = await createAppDatabase(SERVER, `rabita_bench_${Date.now()}`);
  const started = Date.now();
  await startChild(
    'node',
    ['bin/rabita.js', 'demo'],
    { DATABASE_URL: db.appUrl, LOG_LEVEL: 'warn' },
    /Password for every demo account/,
  );
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(fs.readFileSync(path.join(root, 'bench', 'catalogue-data.sql'), 'utf8'));
  const { rows } = await client.query(
    'select (select count(*) from activities)::int as a, (select count(*) from training_sessions)::int as s',
  );
  await client.end();
  process.stdout.write(
    `database ${db.name}: ${rows[0].a} activities, ${rows[0].s} sessions, ready in ${Date.now() - started} ms\n`,
  );
  return db;
}

function load(url, headers, duration = SECONDS) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function main() {
  const db = await prepareDatabase();
  const bare = await startChild(
    'node',
    [
      '-e',
      "const f=require('fastify')();f.get('/hello',async()=>({hello:'world'}));f.listen({port:0,host:'127.0.0.1'}).then(a=>console.log('at '+a))",
    ],
    {},
    /at (http:\/\/\S+)/,
  );
  const app = await startChild(
    'node',
    ['bin/rabita.js', 'serve'],
    { DATABASE_URL: db.appUrl, PORT: '0', LOG_LEVEL: 'warn' },
    /running at (http:\/\/\S+)/,
  );
  const base = app.match[1];
  try {
    const cookie = await demoCookie(base, 'npoc.kwt@rabita.example');
    const targets = [
      ['bare Fastify `GET /hello` (baseline)', `${bare.match[1]}/hello`, {}],
      ['catalogue list `GET /api/v1/activities`', `${base}/api/v1/activities?limit=25`, { cookie }],
      [
        'catalogue search `GET /api/v1/activities?q=maritime security`',
        `${base}/api/v1/activities?limit=25&q=maritime%20security`,
        { cookie },
      ],
      [
        'Arabic search `GET /api/v1/activities?q=الأمن البحري`',
        `${base}/api/v1/activities?limit=25&q=${encodeURIComponent('الأمن البحري')}`,
        { cookie },
      ],
      [
        'filtered list `?disciplineCode=CYBER&openForNominations=true`',
        `${base}/api/v1/activities?limit=25&disciplineCode=CYBER&openForNominations=true`,
        { cookie },
      ],
    ];
    const rows = [];
    for (const [name, url, headers] of targets) {
      const check = await fetch(url, { headers });
      if (check.status !== 200) throw new Error(`${name}: ${check.status} ${await check.text()}`);
      // Discarded: lets the JIT compile the hot path, so the first target is not the slowest.
      await load(url, headers, WARM_UP_SECONDS);
      const result = await load(url, headers);
      rows.push({
        name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
      process.stdout.write(
        `${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms\n`,
      );
    }
    const baseline = rows[0].rps;
    const section = [
      '## Catalogue (`npm run bench:catalogue`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.version}, PostgreSQL at ${new URL(SERVER).host};`,
      `2,000 activities and 20,000 sessions beside the demo centre; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after ${WARM_UP_SECONDS} s of warm-up,`,
      "signed in as Kuwait's national point of contact (so every query carries the releasability filter).",
      "Target: >= 10% of the bare route's requests/s and p99 < 50 ms.",
      '',
      '| target | requests/s | p50 (ms) | p99 (ms) | share of bare route | errors |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${((100 * r.rps) / baseline).toFixed(1)}% | ${r.errors} |`,
      ),
      '',
    ].join('\n');
    writeSection('## Catalogue', section);
    process.stdout.write(`\n${section}\n`);
  } finally {
    app.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await new Promise((resolve) => app.child.on('exit', resolve));
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`drop database if exists ${db.name} with (force)`);
    await admin.end();
  }
}

await main();
