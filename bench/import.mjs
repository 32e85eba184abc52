// Import benchmark: 10,000 people imported through the API (upload, dry run, commit) from CSV and
// from XLSX, beside PostgreSQL's COPY of the same rows into the same table in the same run; the
// server's peak resident memory while it imports. Figures go to docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { createAppDatabase, median, startChild, writeSection } from './lib.mjs';

const SERVER =
  process.env.RABITA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const COPY_RUNS = 3;
// Peak memory moves by some 30 MB between identical runs (when V8 collects): the figures are
// medians of this many rounds, each format on a fresh server in each.
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);

const HEADERS = [
  'Family name (Latin)',
  'Given names (Latin)',
  'Family name (Arabic)',
  'Given names (Arabic)',
  'Rank',
  'E-mail',
  'Date of birth',
];

/** Letters only (passport names hold no digits): AAA, AAB... */
const tag = (i) =>
  [2, 1, 0].map((p) => String.fromCharCode(65 + (Math.floor(i / 26 ** p) % 26))).join('');

function people(prefix) {
  return Array.from({ length: ROWS }, (_, i) => [
    'Al-Bench',
    `${prefix} ${tag(i)}`,
    'البنش',
    `${{ Csv: 'محمد', Xlsx: 'خالد', Copy: 'سالم' }[prefix]} ${i}`,
    i % 2 ? 'OF-2' : 'رائد',
    `${prefix.toLowerCase()}.${i}@bench.example`,
    `19${60 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}-${(i % 15) + 13}`,
  ]);
}

const csvOf = (rows) =>
  Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`);

async function xlsxOf(rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('people');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A process's resident memory now, in MB. */
function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Peak VmRSS of a process while `work` runs, sampled every 20 ms, in MB. */
async function peakRss(pid, work) {
  let peak = 0;
  let running = true;
  const sample = async () => {
    while (running) {
      peak = Math.max(peak, rssMb(pid));
      await delay(20);
    }
  };
  const sampler = sample();
  try {
    const result = await work();
    return { result, peakMb: peak };
  } finally {
    running = false;
    await sampler;
  }
}

/** `rabita serve` on the bench database, signed in as Kuwait's NPOC. */
async function startServer(db) {
  const app = await startChild(
    'node',
    ['bin/rabita.js', 'serve'],
    { DATABASE_URL: db.appUrl, PORT: '0', LOG_LEVEL: 'warn' },
    /running at (http:\/\/\S+)/,
  );
  const base = app.match[1];
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'npoc.kwt@rabita.example', password: 'rabita-demo-2026' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = await login.json();
  const api = async (method, url, body) => {
    const res = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json();
    if (res.status >= 300)
      throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const waitFor = async (id, status) => {
    for (;;) {
      const now = await api('GET', `/imports/${id}`);
      if (now.status === status) return now;
      await delay(20);
    }
  };
  return { app, api, waitFor };
}

async function stopServer(app) {
  app.child.kill('SIGTERM');
  await new Promise((resolve) => app.child.on('exit', resolve));
}

async function main() {
  const db = await createAppDatabase(SERVER, `rabita_bench_import_${Date.now()}`);
  await startChild(
    'node',
    ['bin/rabita.js', 'demo'],
    { DATABASE_URL: db.appUrl, LOG_LEVEL: 'warn' },
    /Password for every demo account/,
  );
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  let app = null;
  try {
    const runs = [];
    const formats = [
      ['csv', 'Csv'],
      ['xlsx', 'Xlsx'],
    ];
    for (const [format, prefix] of Array.from({ length: ROUNDS }, () => formats).flat()) {
      const rows = people(prefix);
      const file = format === 'csv' ? csvOf(rows) : await xlsxOf(rows);
      // A server of its own per format: the peak is this import's, not the memory an earlier
      // import left the process holding (V8 keeps its grown heap).
      const server = await startServer(db);
      app = server.app;
      const { api, waitFor } = server;
      // What the signed-in server holds before the import: the part of the peak that is not it.
      const idleMb = rssMb(app.child.pid);
      const { result, peakMb } = await peakRss(app.child.pid, async () => {
        let t = performance.now();
        const up = await api('POST', '/imports', {
          kind: 'people',
          fileName: `people.${format}`,
          content: file.toString('base64'),
        });
        const uploadMs = performance.now() - t;
        t = performance.now();
        await api('POST', `/imports/${up.id}/check`, { mapping: up.mapping });
        const checked = await waitFor(up.id, 'checked');
        const checkMs = performance.now() - t;
        if (checked.counts.valid !== ROWS) {
          throw new Error(
            `${format}: ${JSON.stringify(checked.counts)} ${JSON.stringify(checked.errors.slice(0, 3))}`,
          );
        }
        t = performance.now();
        await api('POST', `/imports/${up.id}/commit`, {});
        const done = await waitFor(up.id, 'committed');
        const commitMs = performance.now() - t;
        if (done.counts.created !== ROWS)
          throw new Error(`${format}: ${JSON.stringify(done.counts)}`);
        return { id: up.id, uploadMs, checkMs, commitMs, bytes: file.length };
      });
      // Undone outside the measure, so the next format meets the same registered people.
      const undone = await server.api('POST', `/imports/${result.id}/undo`);
      if (undone.status !== 'undone') throw new Error(`${format}: undo ${undone.status}`);
      await stopServer(app);
      app = null;
      runs.push({ format, ...result, peakMb, idleMb });
      process.stdout.write(
        `${format}: upload ${result.uploadMs.toFixed(0)} ms, dry run ${result.checkMs.toFixed(0)} ms, commit ${result.commitMs.toFixed(0)} ms, peak RSS ${peakMb.toFixed(0)} MB (${idleMb.toFixed(0)} MB before)\n`,
      );
    }

    // The baseline: the same rows, as the import writes them, by COPY into the same table (with
    // its indexes and generated search vector), in a transaction rolled back after each run.
    const copyFile = path.join(os.tmpdir(), `rabita-bench-copy-${Date.now()}.csv`);
    const copyRows = people('Copy').map((r, i) =>
      ['KWT', r[0], r[1], r[2], r[3], i % 2 ? 'OF-2' : 'OF-3', r[5], r[6], '[]'].join('\t'),
    );
    fs.writeFileSync(copyFile, `${copyRows.join('\n')}\n`, { mode: 0o644 });
    const copyMs = [];
    for (let i = 0; i < COPY_RUNS; i += 1) {
      await admin.query('begin');
      const t = performance.now();
      await admin.query(
        `copy participants (nation_code, family_name_latin, given_names_latin, family_name_arabic, given_names_arabic, rank_code, email, date_of_birth, language_profiles) from '${copyFile}'`,
      );
      copyMs.push(performance.now() - t);
      await admin.query('rollback');
    }
    fs.rmSync(copyFile, { force: true });
    const copy = median(copyMs);
    process.stdout.write(`COPY: median ${copy.toFixed(0)} ms of ${COPY_RUNS}\n`);

    const section = [
      '## Import (`npm run bench:import`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.version}, PostgreSQL at ${new URL(SERVER).host};`,
      `${ROWS.toLocaleString('en')} people of Kuwait (names in both scripts, rank by code or Arabic title, e-mail, date of birth)`,
      "imported through the API as Kuwait's NPOC, onto the demo centre, each format on a",
      'freshly started server, the previous run undone (each meets the same registered people); the',
      'dry run and the commit are queue jobs, timed from the request to the status the page polls',
      `for. Baseline: COPY of the same rows into \`participants\` (its indexes and search vector), median of ${COPY_RUNS}.`,
      'Goals: commit <= 5x COPY; peak RSS of the server < 300 MB.',
      '',
      '| format | file | upload (ms) | dry run (ms) | commit (ms) | commit / COPY | peak RSS (MB) | RSS before (MB) |',
      '|---|---|---|---|---|---|---|---|',
      ...formats.map(([format]) => {
        const of = runs.filter((r) => r.format === format);
        const m = (key) => median(of.map((r) => r[key]));
        return `| ${format.toUpperCase()} | ${(of[0].bytes / 1024 / 1024).toFixed(1)} MB | ${m('uploadMs').toFixed(0)} | ${m('checkMs').toFixed(0)} | ${m('commitMs').toFixed(0)} | ${(m('commitMs') / copy).toFixed(1)}x | ${m('peakMb').toFixed(0)} | ${m('idleMb').toFixed(0)} |`;
      }),
      `| COPY (baseline) | | | | ${copy.toFixed(0)} | 1.0x | | |`,
      '',
      `Each figure is the median of ${ROUNDS} rounds; the peaks of each round (MB): ${formats
        .map(
          ([format]) =>
            `${format.toUpperCase()} ${runs
              .filter((r) => r.format === format)
              .map((r) => r.peakMb.toFixed(0))
              .join(', ')}`,
        )
        .join('; ')}. 15-minute load average ${os.loadavg()[2].toFixed(1)} at the end.`,
      '',
    ].join('\n');
    writeSection('## Import', section);
    process.stdout.write(`\n${section}\n`);
  } finally {
    await admin.end();
    if (app) await stopServer(app);
    const server = new pg.Client({ connectionString: SERVER });
    await server.connect();
    await server.query(`drop database if exists ${db.name} with (force)`);
    await server.end();
  }
}

await main();
