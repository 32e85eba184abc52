// Nominations benchmark: 1,000 concurrent selections over 20 sessions of 30 seats with nation
// quotas, interleaved with withdrawals that promote waitlisted nominations, then a check that no
// seat was given twice and every acknowledged decision is recorded exactly once. Beside it, in
// the same run and on the same database, pgbench replays the SQL that one API selection sends,
// captured from the app on the wire, so the ratio shows what the HTTP stack, validation,
// authentication, Drizzle and the service code add over PostgreSQL's own work. After the rush,
// the job worker sends the rush's e-mails to a real SMTP server, timed, and every joining-
// instructions e-mail is checked to arrive exactly once. Everything connects as the app's
// least-privilege role, as in production.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAppDatabase, median, root, startChild, stopChild, writeSection } from './lib.mjs';
import { drainQueue, forkJobWorker, measureDelivery, startSmtpSink } from './mail-delivery.mjs';

const SERVER =
  process.env.RABITA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'rabita-demo-2026';
const SESSIONS = 20;
const CAPACITY = 30;
const QUOTA_SEATS = 5;
/** Four nations hold quotas (20 seats, so the pool has 10); Saudi Arabia has the pool only. */
const QUOTA_NATIONS = ['KWT', 'QAT', 'BHR', 'ARE'];
/** Submitted nominations per session and nation: 55 a session, 1,100 in all. */
const PER_SESSION = { KWT: 12, QAT: 12, BHR: 11, ARE: 10, SAU: 10 };
const NATIONS = Object.keys(PER_SESSION);
/** Put on the waitlist before the rush (one per nation and session), so withdrawals promote. */
const WAITLISTED_PER_NATION = 1;
/** Withdrawals per session, of selections already acknowledged: 100 in all. */
const WITHDRAWALS_PER_SESSION = 5;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);
/** Whole runs, each on a fresh database; the figures are their medians. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PGBENCH_CLIENTS = IN_FLIGHT;
const PGBENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** pgbench runs of PGBENCH_SECONDS each; the median is the baseline. */
const PGBENCH_RUNS = Number(process.env.BENCH_PGBENCH_RUNS ?? 3);
/** Jobs the worker runs at once while the rush's e-mails go out (RABITA_JOB_CONCURRENCY). */
const JOB_CONCURRENCY = Number(process.env.BENCH_JOB_CONCURRENCY ?? 4);
/** The statements a selection may send between BEGIN and COMMIT. */
const TRANSACTION_TARGET = 8;
const WARM_UP_SECONDS = 2;
/** The app's database pool size (src/server/db/client.ts). */
const APP_POOL = 10;
const HEADING = '## Nominations';
/** 0: people without an e-mail, so a selection sends no account invitation (for comparison). */
const WITH_EMAIL = process.env.BENCH_PARTICIPANT_EMAILS !== '0';

const log = (line) => process.stdout.write(`${line}\n`);

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function kuwaitDate(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kuwait' }).format(day);
}

function shuffle(items, seed = 7) {
  // A fixed seed keeps the order of the rush the same from run to run.
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function pool(items, width, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await work(items[index], index);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Database

/**
 * A database set up as in production (owner role, migrations, the app's least-privilege role),
 * the demo centre loaded by the app role, then the benchmark's course and people inserted as
 * the app would. `url` (the superuser's) is used only around the app: the replay's scaffolding
 * and the final drop.
 */
async function prepareDatabase() {
  const db = await createAppDatabase(SERVER, `rabita_bench_nom_${Date.now()}`);
  await startChild(
    'node',
    ['bin/rabita.js', 'demo'],
    { DATABASE_URL: db.appUrl, LOG_LEVEL: 'warn' },
    /Password for every demo account/,
  );
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  // Inserted as the catalogue's test factory does: no prerequisites, releasable to every nation.
  await client.query(`
    insert into activities (code, type, title, discipline_code, provider_code, delivery,
      duration_days, prerequisites, classification, releasability, releasable_to_all,
      evaluation_levels, default_capacity, status)
    values ('BENCH-RUSH', 'course', '{"en": "Selection rush course"}', 'CT', 'NIRC',
      'residential', 5,
      '{"rankMin": null, "rankMax": null, "civiliansAllowed": true, "languages": [],
        "clearance": "NONE", "courses": [], "extra": null}',
      'NATO UNCLASSIFIED', '{"all": true, "frameworks": [], "nations": []}', true, '{1}', 30,
      'active')`);
  // People as the participants' test factory makes them: each with an e-mail and no account
  // yet, as a person selected for the first time is (unless BENCH_PARTICIPANT_EMAILS=0).
  await client.query(
    `insert into participants (nation_code, family_name_latin, given_names_latin,
       family_name_arabic, given_names_arabic, rank_code, rank_title, email, language_profiles,
       clearance_level, clearance_expires_on)
     select n, 'Family' || i, 'Given' || i, 'العلي', 'سالم', 'OF-3', 'Major',
       case when $3 then 'bench.' || lower(n) || '.' || i || '@' || lower(n) || '.example' end,
       '[{"language": "en", "profile": "3332"}]', 'NS', '2030-01-01'
     from unnest($1::text[]) as n, generate_series(1, $2::int) as i`,
    [NATIONS, SESSIONS * 12 + 60, WITH_EMAIL],
  );
  await client.end();
  return db;
}

async function query(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

class Browser {
  constructor(base, cookie, csrf) {
    this.base = base;
    this.cookie = cookie;
    this.csrf = csrf;
  }

  static async signIn(base, email) {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in ${email}: ${await response.text()}`);
    const me = await response.json();
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    return new Browser(base, cookie, me.csrfToken);
  }

  async call(method, url, body) {
    const response = await fetch(`${this.base}/api/v1${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'x-csrf-token': this.csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async ok(method, url, body, expected = [200, 201, 204]) {
    const answer = await this.call(method, url, body);
    if (!expected.includes(answer.status)) {
      throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

/** The server, without its in-process job worker: the benchmark runs the worker apart. */
async function startApp(url, extraEnv = {}, nodeArgs = []) {
  return startChild(
    'node',
    [...nodeArgs, 'bin/rabita.js', 'serve'],
    { DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'warn', RABITA_JOBS: 'off', ...extraEnv },
    /running at (http:\/\/\S+)/,
  );
}

/** CPU seconds (user + system) a process has used, from /proc; null where there is no /proc. */
function cpuSecondsOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime are fields 14 to 17 of stat, 12 to 15 after the name.
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return null;
  }
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
function machineCpuSeconds() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1, 9);
    const ticks = fields.map(Number);
    const idle = ticks[3] + ticks[4];
    const total = ticks.reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU seconds used by every PostgreSQL process (a server's exited backends count in its own). */
function postgresCpuSeconds() {
  let total = 0;
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      total += cpuSecondsOf(pid) ?? 0;
    } catch {}
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Set-up through the API, untimed

async function setUp(base, dbUrl) {
  const admin = await Browser.signIn(base, 'admin@rabita.example');
  const registrar = await Browser.signIn(base, 'registrar@rabita.example');
  const npoc = {
    KWT: await Browser.signIn(base, 'npoc.kwt@rabita.example'),
    QAT: await Browser.signIn(base, 'npoc.qat@rabita.example'),
  };
  for (const nation of NATIONS.filter((n) => !npoc[n])) {
    const email = `npoc.${nation.toLowerCase()}@bench.example`;
    await admin.ok('POST', '/users', {
      email,
      displayName: `NPOC ${nation}`,
      roles: ['npoc'],
      nationCode: nation,
      password: PASSWORD,
    });
    npoc[nation] = await Browser.signIn(base, email);
  }

  const start = kuwaitDate(60);
  const end = kuwaitDate(64);
  const sessionInput = (code) => ({
    code,
    activityCode: 'BENCH-RUSH',
    startDate: start,
    endDate: end,
    venueCode: 'KWI-NIRC',
    capacity: CAPACITY,
    nominationOpens: kuwaitDate(-7),
    nominationCloses: kuwaitDate(30),
    quotas: QUOTA_NATIONS.map((nationCode) => ({ nationCode, seats: QUOTA_SEATS })),
  });
  const codes = Array.from(
    { length: SESSIONS },
    (_, i) => `RUSH-${String(i + 1).padStart(2, '0')}`,
  );
  // Two more: one to warm the server's selection path, one whose selection is captured.
  for (const code of [...codes, 'RUSH-WARM', 'RUSH-CAPTURE']) {
    await registrar.ok('POST', '/sessions', sessionInput(code));
    await registrar.ok('POST', `/sessions/${code}/transitions`, { to: 'announced' });
  }

  // Each person is nominated once, so no overlap rule gets in the way.
  const people = {};
  for (const row of await query(
    dbUrl,
    "select id, nation_code from participants where given_names_latin like 'Given%' order by nation_code, id",
  )) {
    people[row.nation_code] = [...(people[row.nation_code] ?? []), row.id];
  }
  const wanted = [];
  for (const code of codes) {
    for (const [nation, count] of Object.entries(PER_SESSION)) {
      for (let i = 0; i < count; i += 1) wanted.push({ code, nation });
    }
  }
  for (const nation of NATIONS) {
    for (let i = 0; i < 8; i += 1) wanted.push({ code: 'RUSH-WARM', nation });
  }
  for (let i = 0; i < 3; i += 1) wanted.push({ code: 'RUSH-CAPTURE', nation: 'KWT' });
  const created = [];
  await pool(wanted, 8, async (item) => {
    const participantId = people[item.nation].pop();
    const nomination = await npoc[item.nation].ok('POST', '/nominations', {
      sessionCode: item.code,
      participantId,
      submit: true,
    });
    created.push({ ...item, id: nomination.id, participantId });
  });

  const bySession = new Map();
  for (const n of created) bySession.set(n.code, [...(bySession.get(n.code) ?? []), n]);
  // The first nomination of each nation on each rush session waits on the waitlist.
  const waitlisted = [];
  const rush = [];
  for (const code of codes) {
    for (const nation of NATIONS) {
      const mine = bySession.get(code).filter((n) => n.nation === nation);
      waitlisted.push(...mine.slice(0, WAITLISTED_PER_NATION));
      rush.push(...mine.slice(WAITLISTED_PER_NATION));
    }
  }
  // One bulk waitlisting per session: waitlisted one by one, each would promote the one before
  // it into a seat still free, and the rush would find few left to promote.
  for (const code of codes) {
    const ids = waitlisted.filter((n) => n.code === code).map((n) => n.id);
    const { results } = await registrar.ok('POST', `/sessions/${code}/nominations/bulk`, {
      nominationIds: ids,
      action: 'waitlist',
    });
    const refused = results.filter((r) => !r.ok);
    if (refused.length > 0) throw new Error(`waitlisting on ${code}: ${JSON.stringify(refused)}`);
  }
  return {
    registrar,
    npoc,
    codes,
    rush,
    waitlisted,
    warm: bySession.get('RUSH-WARM'),
    capture: bySession.get('RUSH-CAPTURE'),
  };
}

// ---------------------------------------------------------------------------------------------
// Capturing what one selection sends to PostgreSQL

/**
 * A TCP proxy in front of PostgreSQL that reads the frontend protocol: Parse (statement text),
 * Bind (parameters, by statement name, so named prepared statements are followed too) and simple
 * Query; and, from the backend, the rows each statement returns. Only statements bound while
 * `recording` is on are kept. Bytes are forwarded untouched.
 */
function startCaptureProxy(target) {
  const state = { recording: false, statements: [] };
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const connection = connections;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const named = new Map();
    const pending = [];
    let unnamed = '';
    let started = false;
    let fromClient = Buffer.alloc(0);
    let fromServer = Buffer.alloc(0);
    let fields = [];

    const cstring = (buffer, offset) => {
      const end = buffer.indexOf(0, offset);
      return [buffer.toString('utf8', offset, end), end + 1];
    };
    const enqueue = (sql, params) => {
      const entry = { connection, sql, params, fields: [], rows: [], keep: state.recording };
      pending.push(entry);
    };
    const frontend = (type, body) => {
      if (type === 'P') {
        const [name, at] = cstring(body, 0);
        const [text] = cstring(body, at);
        if (name) named.set(name, text);
        else unnamed = text;
      } else if (type === 'B') {
        const [, portalEnd] = cstring(body, 0);
        const [name, nameEnd] = cstring(body, portalEnd);
        let at = nameEnd;
        const formats = body.readInt16BE(at);
        at += 2 + 2 * formats;
        const count = body.readInt16BE(at);
        at += 2;
        const params = [];
        for (let i = 0; i < count; i += 1) {
          const length = body.readInt32BE(at);
          at += 4;
          params.push(length === -1 ? null : body.toString('utf8', at, at + length));
          if (length > 0) at += length;
        }
        enqueue(name ? named.get(name) : unnamed, params);
      } else if (type === 'Q') {
        enqueue(cstring(body, 0)[0], []);
      }
    };
    const backend = (type, body) => {
      const head = pending[0];
      if (type === 'T') {
        fields = [];
        let at = 2;
        for (let i = 0; i < body.readInt16BE(0); i += 1) {
          const [name, next] = cstring(body, at);
          fields.push(name);
          at = next + 18;
        }
      } else if (type === 'D' && head) {
        const row = [];
        let at = 2;
        for (let i = 0; i < body.readInt16BE(0); i += 1) {
          const length = body.readInt32BE(at);
          at += 4;
          row.push(length === -1 ? null : body.toString('utf8', at, at + length));
          if (length > 0) at += length;
        }
        head.rows.push(row);
        head.fields = fields;
      } else if ((type === 'C' || type === 'E' || type === 'I') && head) {
        pending.shift();
        head.failed = type === 'E';
        if (head.keep) state.statements.push(head);
        fields = [];
      }
    };

    client.on('data', (chunk) => {
      upstream.write(chunk);
      fromClient = Buffer.concat([fromClient, chunk]);
      for (;;) {
        if (!started) {
          if (fromClient.length < 8) break;
          const length = fromClient.readInt32BE(0);
          if (fromClient.length < length) break;
          const code = fromClient.readInt32BE(4);
          fromClient = fromClient.subarray(length);
          // SSL and GSS encryption requests precede the real start-up message.
          if (code !== 80_877_103 && code !== 80_877_104) started = true;
          continue;
        }
        if (fromClient.length < 5) break;
        const length = fromClient.readInt32BE(1);
        if (fromClient.length < 1 + length) break;
        frontend(String.fromCharCode(fromClient[0]), fromClient.subarray(5, 1 + length));
        fromClient = fromClient.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => {
      client.write(chunk);
      fromServer = Buffer.concat([fromServer, chunk]);
      for (;;) {
        if (fromServer.length < 5) break;
        const length = fromServer.readInt32BE(1);
        if (fromServer.length < 1 + length) break;
        backend(String.fromCharCode(fromServer[0]), fromServer.subarray(5, 1 + length));
        fromServer = fromServer.subarray(1 + length);
      }
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ state, server, port: server.address().port })),
  );
}

/**
 * The request's own statements: the sign-in lookup, the transaction that updated the
 * nomination, on its connection from BEGIN to COMMIT, and the read-back after it. Null when
 * anything else ran in the same window (the server runs no job worker here, so nothing should),
 * so the capture is retried.
 */
function ownStatements(all) {
  const update = all.find((s) => /^update "nominations"/.test(s.sql));
  if (!update) return null;
  const mine = all.filter((s) => s.connection === update.connection);
  const begin = mine.findLastIndex((s, i) => i < mine.indexOf(update) && /^begin$/i.test(s.sql));
  const commit = mine.findIndex((s, i) => i > mine.indexOf(update) && /^commit$/i.test(s.sql));
  const lookups = all.filter((s) => /"login_sessions"/.test(s.sql));
  const transaction = mine.slice(begin, commit + 1);
  if (begin === -1 || commit === -1 || lookups.length !== 1) return null;
  // The answer is read back after the commit, outside the transaction: plain selects.
  const readBack = all.slice(all.indexOf(transaction.at(-1)) + 1);
  if (!readBack.every((s) => /^select /i.test(s.sql) && !/outbox_messages/.test(s.sql)))
    return null;
  if (all.length !== transaction.length + readBack.length + 1) return null;
  return [lookups[0], ...transaction, ...readBack];
}

/**
 * One selection through a second server whose database connections go through the proxy. A
 * capture that something else fell into is thrown away and another nomination tried.
 */
async function captureSelection(dbUrl, nominations) {
  const proxy = await startCaptureProxy(new URL(dbUrl));
  const viaProxy = new URL(dbUrl);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const app = await startApp(viaProxy.toString());
  try {
    const registrar = await Browser.signIn(app.match[1], 'registrar@rabita.example');
    for (const nomination of nominations) {
      proxy.state.statements = [];
      proxy.state.recording = true;
      const answer = await registrar.call('POST', `/nominations/${nomination.id}/transitions`, {
        action: 'select',
      });
      proxy.state.recording = false;
      if (answer.status !== 200 || answer.body.seatSource !== 'quota') {
        throw new Error(`captured selection: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      const statements = ownStatements(proxy.state.statements);
      if (statements) return { nomination, statements };
    }
    throw new Error('other statements ran during every captured selection');
  } finally {
    await stopChild(app.child);
    proxy.server.close();
  }
}

/**
 * Turns the captured statements into a pgbench script. Values that identify the nomination are
 * pgbench variables drawn from a table of real nominations, so each transaction touches another
 * row; ids returned by an INSERT feed later statements through \gset, as they did in the app;
 * values that must be unique (the invited participant's e-mail, token hashes) are made fresh;
 * every other value is replayed as the literal the app sent.
 */
function pgbenchScript(statements, known, targets) {
  const substitutions = new Map([
    [known.nominationId, ':nid'],
    [known.sessionId, ':sid'],
    [known.participantId, ':pid'],
    [known.nationCode, ':nation'],
    ...(known.email ? [[known.email, "('bench.' || :u || '@replay.example')"]] : []),
  ]);
  const literal = (value) =>
    `E'${value
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "''")
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t')
      // pgbench reads `:name` as a variable anywhere, quotes included.
      .replace(/:/g, '\\072')}'`;
  const returned = new Map();
  const needsGset = new Set();
  const lines = [];
  statements.forEach((statement, index) => {
    const insert = /^\s*insert/i.test(statement.sql);
    const text = statement.sql.replace(/\$(\d+)/g, (_, n) => {
      const value = statement.params[Number(n) - 1];
      if (value === null || value === undefined) return 'NULL';
      if (substitutions.has(value)) return substitutions.get(value);
      if (returned.has(value)) {
        const { at, name } = returned.get(value);
        needsGset.add(at);
        return `:${name}`;
      }
      if (insert && /^[0-9a-f]{64}$/.test(value)) {
        return '(md5(random()::text) || md5(random()::text))';
      }
      return literal(value);
    });
    lines.push({ index, text: text.trim().replace(/;$/, '') });
    if (insert && statement.rows.length === 1) {
      statement.fields.forEach((field, i) => {
        const value = statement.rows[0][i];
        // Only ids: a returned 'en' or 'true' is not what a later 'en' or 'true' came from.
        const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
          value ?? '',
        );
        if (id && !substitutions.has(value) && !returned.has(value)) {
          returned.set(value, { at: index, name: `r${index}_${field}` });
        }
      });
    }
  });
  return [
    '-- Generated by bench/nominations.mjs from the statements one API selection sent to',
    '-- PostgreSQL, in order; regenerated on every run.',
    `\\set n random(1, ${targets})`,
    '\\set u random(1, 1000000000000)',
    'select nomination_id as nid, session_id as sid, participant_id as pid, nation_code as nation from bench_replay_targets where n = :n \\gset',
    ...lines.map(({ index, text }) =>
      needsGset.has(index) ? `${text} \\gset r${index}_` : `${text};`,
    ),
    '',
  ].join('\n');
}

function describe(statement) {
  const sql = statement.sql.replace(/\s+/g, ' ');
  const verb = sql.split(' ')[0].toLowerCase();
  const table = /(?:from|into|update)\s+"?(\w+)"?/i.exec(sql)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}

// ---------------------------------------------------------------------------------------------
// The rush, timed

async function rush(setup) {
  const { registrar, npoc } = setup;
  const jobs = shuffle(setup.rush.map((n) => ({ kind: 'select', nomination: n })));
  const withdrawn = new Map();
  const answers = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < jobs.length) {
        const job = jobs[next];
        next += 1;
        const { nomination } = job;
        const sent = performance.now();
        const answer =
          job.kind === 'select'
            ? await registrar.call('POST', `/nominations/${nomination.id}/transitions`, {
                action: 'select',
              })
            : await npoc[nomination.nation].call(
                'POST',
                `/nominations/${nomination.id}/transitions`,
                { action: 'withdraw', reason: 'Operational duty' },
              );
        const ms = performance.now() - sent;
        answers.push({
          kind: job.kind,
          id: nomination.id,
          code: nomination.code,
          status: answer.status,
          problem: answer.status === 200 ? null : answer.body?.code,
          ms,
        });
        // A selection just acknowledged is withdrawn a little later by its nation, so seats
        // are freed and waitlisted nominations promoted while the rush goes on.
        const count = withdrawn.get(nomination.code) ?? 0;
        if (job.kind === 'select' && answer.status === 200 && count < WITHDRAWALS_PER_SESSION) {
          withdrawn.set(nomination.code, count + 1);
          jobs.splice(Math.min(jobs.length, next + IN_FLIGHT), 0, { kind: 'withdraw', nomination });
        }
      }
    }),
  );
  return { answers, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Checks after the rush

async function verify(dbUrl, codes, answers) {
  const failures = [];
  const rows = (text, values) => query(dbUrl, text, values);
  const sessions = await rows(
    `select s.code, s.capacity, s.seats_taken, s.pool_taken, s.quota_total,
       (select count(*)::int from nominations n where n.session_id = s.id and n.status = 'selected') as selected,
       (select count(*)::int from nominations n where n.session_id = s.id and n.status = 'selected' and n.seat_source = 'pool') as from_pool
     from training_sessions s where s.code = any($1)`,
    [codes],
  );
  for (const s of sessions) {
    if (s.seats_taken > s.capacity)
      failures.push(`${s.code}: ${s.seats_taken} seats > ${s.capacity}`);
    if (s.seats_taken !== s.selected) {
      failures.push(`${s.code}: seats_taken ${s.seats_taken} but ${s.selected} selected`);
    }
    if (s.pool_taken > s.capacity - s.quota_total || s.pool_taken !== s.from_pool) {
      failures.push(`${s.code}: pool_taken ${s.pool_taken}, ${s.from_pool} selected from the pool`);
    }
  }
  const quotas = await rows(
    `select s.code, q.nation_code, q.seats, q.taken, s.capacity - s.quota_total as pool,
       (select count(*)::int from nominations n where n.session_id = s.id and n.nation_code = q.nation_code
          and n.status = 'selected' and n.seat_source = 'quota') as from_quota
     from session_quotas q join training_sessions s on s.id = q.session_id where s.code = any($1)`,
    [codes],
  );
  for (const q of quotas) {
    if (q.taken > q.seats || q.taken !== q.from_quota) {
      failures.push(
        `${q.code}/${q.nation_code}: quota ${q.taken}/${q.seats}, ${q.from_quota} selected on it`,
      );
    }
  }
  const perNation = await rows(
    `select s.code, n.nation_code, count(*)::int as selected,
       coalesce((select q.seats from session_quotas q where q.session_id = s.id and q.nation_code = n.nation_code), 0)
         + s.capacity - s.quota_total as allowed
     from nominations n join training_sessions s on s.id = n.session_id
     where s.code = any($1) and n.status = 'selected' group by s.id, s.code, n.nation_code`,
    [codes],
  );
  for (const r of perNation) {
    if (r.selected > r.allowed) {
      failures.push(
        `${r.code}/${r.nation_code}: ${r.selected} selected > quota + pool ${r.allowed}`,
      );
    }
  }

  const state = new Map(
    (
      await rows(
        `select n.id, n.status,
           (select count(*)::int from nomination_events e where e.nomination_id = n.id and e.action = 'select') as selects,
           (select count(*)::int from nomination_events e where e.nomination_id = n.id and e.action = 'withdraw') as withdraws,
           (select count(*)::int from audit_log a where a.entity_id = n.id::text and a.action = 'nomination.select') as select_audits
         from nominations n join training_sessions s on s.id = n.session_id where s.code = any($1)`,
        [codes],
      )
    ).map((r) => [r.id, r]),
  );
  const acknowledgedWithdrawals = new Set(
    answers.filter((a) => a.kind === 'withdraw' && a.status === 200).map((a) => a.id),
  );
  for (const a of answers) {
    const row = state.get(a.id);
    const recordedOnce = row.selects === 1 && row.select_audits === 1;
    if (a.kind === 'select' && a.status === 200) {
      const expected = acknowledgedWithdrawals.has(a.id) ? 'withdrawn' : 'selected';
      if (row.status !== expected || !recordedOnce) {
        failures.push(
          `selection ${a.id} acknowledged: now ${row.status}, ${row.selects} select events, ${row.select_audits} audits`,
        );
      }
    } else if (a.kind === 'select') {
      // Refused: nothing written. A 5xx leaves the client not knowing, so a selection that
      // did commit is allowed too, but only whole and once.
      const untouched = row.status === 'submitted' && row.selects === 0 && row.select_audits === 0;
      const committed =
        a.status >= 500 && ['selected', 'withdrawn'].includes(row.status) && recordedOnce;
      if (!(untouched || committed)) {
        failures.push(
          `selection ${a.id} answered ${a.status}, yet ${row.status} with ${row.selects} select events`,
        );
      }
      if (a.status !== 409 && a.status < 500)
        failures.push(`selection ${a.id}: unexpected ${a.status} ${a.problem}`);
    } else if (a.status === 200) {
      if (row.status !== 'withdrawn' || row.withdraws !== 1) {
        failures.push(
          `withdrawal ${a.id} acknowledged: now ${row.status}, ${row.withdraws} withdraw events`,
        );
      }
    } else {
      const untouched = row.status === 'selected' && row.withdraws === 0;
      const committed = a.status >= 500 && row.status === 'withdrawn' && row.withdraws === 1;
      if (!(untouched || committed)) {
        failures.push(
          `withdrawal ${a.id} answered ${a.status}, yet ${row.status} with ${row.withdraws} withdraw events`,
        );
      }
      if (a.status < 500) failures.push(`withdrawal ${a.id}: unexpected ${a.status} ${a.problem}`);
    }
  }
  const duplicates = await rows(
    `select e.nomination_id, e.action, count(*)::int as n from nomination_events e
       join nominations n on n.id = e.nomination_id join training_sessions s on s.id = n.session_id
     where s.code = any($1) group by 1, 2 having count(*) > 1`,
    [codes],
  );
  for (const d of duplicates)
    failures.push(`nomination ${d.nomination_id}: ${d.n} '${d.action}' events`);
  const [promotions] = await rows(
    `select count(*)::int as n from nomination_events e join nominations n on n.id = e.nomination_id
       join training_sessions s on s.id = n.session_id where s.code = any($1) and e.action = 'promote'`,
    [codes],
  );
  // The audit chain written by 50 concurrent writers: one unbroken line, every hash recomputed
  // by the database's own function, no place taken twice or skipped.
  const [chain] = await rows(
    `select count(*)::int as records,
       count(*) filter (where hash <> audit_record_hash(id, at, actor_id, action, entity_type,
         entity_id, before, after, request_id, prev_hash))::int as bad_hash,
       count(*) filter (where prev_hash <> coalesce(previous, repeat('0', 64)))::int as bad_link,
       (max(chain_seq) - min(chain_seq) + 1 - count(*))::int as gaps
     from (select *, lag(hash) over (order by chain_seq) as previous from audit_log) a`,
  );
  if (chain.bad_hash || chain.bad_link || chain.gaps)
    failures.push(
      `audit chain: ${chain.bad_hash} bad hashes, ${chain.bad_link} broken links, ${chain.gaps} gaps`,
    );
  const seats = sessions.reduce((sum, s) => sum + s.seats_taken, 0);
  return { failures, promotions: promotions.n, seatsTaken: seats, auditRecords: chain.records };
}

// ---------------------------------------------------------------------------------------------
// pgbench

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function replayWithPgbench(db, script, setup) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-pgbench-'));
  try {
    const file = path.join(dir, 'select.sql');
    fs.writeFileSync(file, script);
    // Real nominations of the rush sessions with quota nations, so each replayed selection
    // takes the quota path it was captured on; seats are raised so no seat UPDATE finds the
    // session full. The rush's checks have already run.
    await query(
      db.url,
      `create table bench_replay_targets as
         select row_number() over (order by n.id)::int as n, n.id as nomination_id,
           n.session_id, n.participant_id, n.nation_code
         from nominations n join training_sessions s on s.id = n.session_id
         where s.code = any($1) and n.nation_code = any($2);
       alter table bench_replay_targets add primary key (n);
       update training_sessions set capacity = 1000000 where code = any($1);
       update session_quotas set seats = 100000
         where session_id in (select id from training_sessions where code = any($1));
       grant select on bench_replay_targets to ${db.appRole};
       analyze`
        .replace(/\$1/g, `'{${setup.codes.join(',')}}'`)
        .replace(/\$2/g, `'{${QUOTA_NATIONS.join(',')}}'`),
    );
    const [{ count }] = await query(
      db.url,
      'select count(*)::int as count from bench_replay_targets',
    );
    // pgbench connects as the app does: the least-privilege role, under the same grants and the
    // queue's row-level security.
    const url = new URL(db.appUrl);
    const env = {
      PGHOST: url.hostname,
      PGPORT: url.port || '5432',
      PGUSER: decodeURIComponent(url.username || 'postgres'),
      PGPASSWORD: decodeURIComponent(url.password),
    };
    const finalScript = script.replace(/random\(1, \d+\)/, `random(1, ${count})`);
    fs.writeFileSync(file, finalScript);
    if (process.env.BENCH_SCRIPT_OUT) fs.writeFileSync(process.env.BENCH_SCRIPT_OUT, finalScript);
    const measure = async (clients, seconds, tag) => {
      const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-f', file];
      const prefix = path.join(dir, tag);
      const cpuBefore = { postgres: postgresCpuSeconds(), machine: machineCpuSeconds() };
      const result = await run(
        'pgbench',
        [...args, '-T', String(seconds), '--log', `--log-prefix=${prefix}`, db.name],
        env,
      );
      if (result.code !== 0) throw new Error(`pgbench failed:\n${result.out}`);
      const machineAfter = machineCpuSeconds();
      const cpu = {
        postgres: (postgresCpuSeconds() - cpuBefore.postgres) / seconds,
        machine:
          (machineAfter.busy - cpuBefore.machine.busy) /
          (machineAfter.total - cpuBefore.machine.total || 1),
      };
      const latencies = [];
      for (const name of fs.readdirSync(dir).filter((f) => f.startsWith(`${tag}.`))) {
        for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
          const fields = line.split(' ');
          if (fields.length >= 6) latencies.push(Number(fields[2]) / 1000);
        }
      }
      latencies.sort((a, b) => a - b);
      return {
        clients,
        tps: Number(/tps = ([\d.]+)/.exec(result.out)?.[1]),
        failed: Number(/number of failed transactions: (\d+)/.exec(result.out)?.[1] ?? 0),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        cpu,
      };
    };
    // The run of median throughput among `runs`, with every run's throughput beside it.
    const medianOf = async (clients, tag) => {
      const runs = [];
      for (let i = 0; i < PGBENCH_RUNS; i += 1)
        runs.push(await measure(clients, PGBENCH_SECONDS, `${tag}${i}`));
      const middle = median(runs.map((r) => r.tps));
      const closest = runs.reduce((a, b) =>
        Math.abs(b.tps - middle) < Math.abs(a.tps - middle) ? b : a,
      );
      return { ...closest, tps: middle, runs: runs.map((r) => r.tps) };
    };
    // Discarded: fills caches and plans, as the API's warm-up selections do.
    await measure(PGBENCH_CLIENTS, WARM_UP_SECONDS, 'warm');
    const main = await medianOf(PGBENCH_CLIENTS, 'main');
    // As many clients as the app's pool has connections, for comparison.
    const poolSized = await medianOf(APP_POOL, 'pool');
    // The same replay with the audit chain's trigger switched off: what linking every audit
    // record under the chain head's lock costs the rush, measured in the same minute.
    await query(db.url, 'alter table audit_log disable trigger audit_log_chain');
    let unchained;
    try {
      unchained = await medianOf(PGBENCH_CLIENTS, 'unchained');
    } finally {
      await query(db.url, 'alter table audit_log enable trigger audit_log_chain');
    }
    return { ...main, poolSized, unchained, targets: count };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

/** A statement as one line, cut to `width` characters, for the output and the doc. */
function abbreviate(statement, width = 120) {
  const sql = statement.sql.replace(/\s+/g, ' ').trim();
  return sql.length > width ? `${sql.slice(0, width - 3)}...` : sql;
}

/** The statements strictly between the selection's BEGIN and its COMMIT. */
function insideTransaction(statements) {
  const begin = statements.findIndex((s) => /^begin$/i.test(s.sql.trim()));
  const commit = statements.findIndex((s) => /^commit$/i.test(s.sql.trim()));
  return statements.slice(begin + 1, commit);
}

/** CPU seconds so far of the processes that matter, and of the machine. */
function cpuNow(pids) {
  return {
    pids: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSecondsOf(pid)])),
    postgres: postgresCpuSeconds(),
    self: process.cpuUsage(),
    machine: machineCpuSeconds(),
  };
}

/** Cores each used between two readings `seconds` apart, and how busy the machine was. */
function coresBetween(before, after, seconds) {
  const self = process.cpuUsage(before.self);
  return {
    ...Object.fromEntries(
      Object.keys(before.pids).map((k) => [k, (after.pids[k] - before.pids[k]) / seconds]),
    ),
    postgres: (after.postgres - before.postgres) / seconds,
    self: (self.user + self.system) / 1e6 / seconds,
    machine:
      (after.machine.busy - before.machine.busy) /
      (after.machine.total - before.machine.total || 1),
  };
}

/** One whole run on a fresh database: set-up, capture, rush, e-mail, checks, pgbench. */
async function runOnce() {
  const began = Date.now();
  const db = await prepareDatabase();
  log(`database ${db.name}: demo centre loaded in ${Date.now() - began} ms (as ${db.appRole})`);
  const sink = await startSmtpSink();
  // Loaded now, started only when the rush ends.
  const worker = await forkJobWorker({
    DATABASE_URL: db.appUrl,
    SMTP_URL: sink.url,
    RABITA_JOB_CONCURRENCY: String(JOB_CONCURRENCY),
    LOG_LEVEL: 'warn',
  });
  let app;
  try {
    app = await startApp(db.appUrl);
    const base = app.match[1];
    let t = Date.now();
    const setup = await setUp(base, db.appUrl);
    log(
      `set-up: ${SESSIONS} sessions of ${CAPACITY}, ${setup.rush.length + setup.waitlisted.length} nominations (${setup.waitlisted.length} waitlisted) in ${Date.now() - t} ms`,
    );

    // BENCH_CPU_PROF=<dir>: the rush runs on a fresh server started with --cpu-prof, so the
    // profile holds the warm-up, the capture's idle time and the rush, not the set-up.
    if (process.env.BENCH_CPU_PROF) {
      await stopChild(app.child);
      app = await startApp(db.appUrl, {}, [
        '--cpu-prof',
        `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`,
      ]);
      for (const b of [setup.registrar, ...Object.values(setup.npoc)]) b.base = app.match[1];
    }
    // Warms the server's selection path so the rush does not measure the JIT.
    await pool(setup.warm, 8, (n) =>
      setup.registrar.call('POST', `/nominations/${n.id}/transitions`, { action: 'select' }),
    );

    t = Date.now();
    const { nomination: captured, statements } = await captureSelection(db.appUrl, setup.capture);
    const [capturedRow] = await query(
      db.appUrl,
      `select n.id, n.session_id, n.participant_id, n.nation_code, p.email
       from nominations n join participants p on p.id = n.participant_id where n.id = $1`,
      [captured.id],
    );
    const script = pgbenchScript(
      statements,
      {
        nominationId: capturedRow.id,
        sessionId: capturedRow.session_id,
        participantId: capturedRow.participant_id,
        nationCode: capturedRow.nation_code,
        email: capturedRow.email,
      },
      1,
    );
    const inside = insideTransaction(statements);
    const readBack = statements.slice(
      statements.findIndex((x) => /^commit$/i.test(x.sql.trim())) + 1,
    );
    // A read of the session's facts inside the transaction, beside the nomination's joined read.
    const factsAt = inside.findIndex((x) =>
      /^select\b[\s\S]*from "training_sessions"/i.test(x.sql),
    );
    log(`captured one selection in ${Date.now() - t} ms: ${statements.length} statements`);
    for (const s of statements) log(`  ${describe(s)}${s.failed ? ' (failed)' : ''}`);
    log(
      `between BEGIN and COMMIT: ${inside.length} statements (target <= ${TRANSACTION_TARGET}: ${inside.length <= TRANSACTION_TARGET ? 'met' : 'NOT met'})`,
    );
    for (const [i, s] of inside.entries()) log(`  ${i + 1}. ${abbreviate(s)}`);

    // What set-up, warm-up and capture queued is sent now, untimed, so that after the rush the
    // queue holds the rush's work alone.
    t = Date.now();
    await drainQueue(db.appUrl, worker);
    log(`queue drained before the rush in ${Date.now() - t} ms (${sink.received.length} e-mails)`);
    sink.forget();

    const pids = { node: app.child.pid, worker: worker.pid };
    const cpuBefore = cpuNow(pids);
    const since = new Date();
    const { answers, seconds } = await rush(setup);
    const ended = performance.now();
    const cpu = coresBetween(cpuBefore, cpuNow(pids), seconds);
    log(
      `CPU during the rush, in cores: Node ${cpu.node.toFixed(2)}, PostgreSQL ${cpu.postgres.toFixed(2)} (all its processes), load generator ${cpu.self.toFixed(2)}, job worker ${cpu.worker.toFixed(2)} (idle); machine ${(100 * cpu.machine).toFixed(0)}% busy; Node ${((1000 * cpu.node * seconds) / answers.length).toFixed(2)} ms of CPU per transition`,
    );

    // The worker starts now: the rush above ran without it.
    const deliveryCpuBefore = cpuNow(pids);
    const deliveryBegan = performance.now();
    const mail = await measureDelivery({
      url: db.appUrl,
      worker,
      sink,
      codes: setup.codes,
      since,
      ended,
      timeoutMs: 600_000,
    });
    const mailCpu = coresBetween(
      deliveryCpuBefore,
      cpuNow(pids),
      (performance.now() - deliveryBegan) / 1000,
    );
    const mailRate = mail.received / mail.seconds;
    log(
      `e-mail: worker started ${mail.startMs.toFixed(0)} ms after the rush; ${mail.received} of ${mail.owed} joining-instructions e-mails to ${mail.recipients} recipients received ${mail.seconds.toFixed(2)} s after the rush = ${mailRate.toFixed(1)}/s; with ${mail.others} others (${mail.otherKinds.join(', ')}) ${mail.allCount} in ${mail.allSeconds.toFixed(2)} s = ${(mail.allCount / mail.allSeconds).toFixed(1)}/s`,
    );
    log(
      `CPU while sending, in cores: job worker ${mailCpu.worker.toFixed(2)}, PostgreSQL ${mailCpu.postgres.toFixed(2)}, SMTP server and benchmark ${mailCpu.self.toFixed(2)}, Node server ${mailCpu.node.toFixed(2)}; machine ${(100 * mailCpu.machine).toFixed(0)}% busy`,
    );
    log(
      mail.failures.length === 0
        ? `e-mail checks: PASS (each of ${mail.owed} once, by recipient and by Message-ID)`
        : `e-mail checks: FAIL\n  ${mail.failures.slice(0, 20).join('\n  ')}`,
    );

    const selects = answers.filter((a) => a.kind === 'select');
    const withdrawals = answers.filter((a) => a.kind === 'withdraw');
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const selectLatencies = selects.map((a) => a.ms).sort((a, b) => a - b);
    const api = {
      requests: answers.length,
      rps: answers.length / seconds,
      selectionsPerSecond: selects.length / seconds,
      seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      selectP50: percentile(selectLatencies, 50),
      selectP99: percentile(selectLatencies, 99),
      selected: selects.filter((a) => a.status === 200).length,
      noSeat: selects.filter((a) => a.status === 409 && a.problem === 'no_seat').length,
      withdrawn: withdrawals.filter((a) => a.status === 200).length,
      other: answers.filter(
        (a) => a.status !== 200 && !(a.status === 409 && a.problem === 'no_seat'),
      ).length,
    };
    log(
      `API: ${api.requests} transitions in ${seconds.toFixed(2)} s = ${api.rps.toFixed(0)}/s; p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms; ${api.selected} selected, ${api.noSeat} no_seat, ${api.withdrawn} withdrawn, ${api.other} other`,
    );

    const check = await verify(db.appUrl, setup.codes, answers);
    log(
      check.failures.length === 0
        ? `checks: PASS (${check.seatsTaken} seats held, ${check.promotions} promotions)`
        : `checks: FAIL\n  ${check.failures.slice(0, 20).join('\n  ')}`,
    );

    await stopChild(app.child);
    const replay = await replayWithPgbench(db, script, setup);
    for (const r of [replay, replay.poolSized]) {
      log(
        `pgbench, ${r.clients} clients: median ${r.tps.toFixed(0)} tps (runs ${r.runs.map((x) => x.toFixed(0)).join(', ')}), p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.failed} failed; PostgreSQL ${r.cpu.postgres.toFixed(2)} cores, machine ${(100 * r.cpu.machine).toFixed(0)}% busy`,
      );
    }
    const ratio = api.rps / replay.tps;
    const met = ratio >= 0.5;
    const transactionMet = inside.length <= TRANSACTION_TARGET;
    const section = [
      `${HEADING} (\`npm run bench:nominations\`)`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores shared with other work (load average ${os.loadavg()[0].toFixed(1)} at the end of this run), Node ${process.version}, PostgreSQL at ${new URL(SERVER).host}.`,
      `The server, the job worker and pgbench connect as the app's least-privilege role (\`${db.appRole}\`); the database belongs to the owner role and was migrated as it, as in production.`,
      `${SESSIONS} announced sessions of ${CAPACITY} seats, quotas of ${QUOTA_SEATS} for ${QUOTA_NATIONS.join(', ')} (pool of ${CAPACITY - QUOTA_SEATS * QUOTA_NATIONS.length}), SAU on the pool only;`,
      `${setup.rush.length + setup.waitlisted.length} submitted nominations by the nations' NPOCs, ${setup.waitlisted.length} of them on the waitlist. ${WITH_EMAIL ? 'Every selected person has an e-mail and no account yet, as on a first selection, so the job a selection enqueues also sends them joining instructions and opens their account (with no password until they choose one).' : 'No selected person has an e-mail (`BENCH_PARTICIPANT_EMAILS=0`), so no account is opened.'}`,
      `The rush: ${selects.length} \`POST /api/v1/nominations/:id/transitions {action: select}\` as the registrar (cookie + CSRF), ${IN_FLIGHT} in flight, with ${withdrawals.length} withdrawals by the nations' NPOCs of selections already acknowledged, interleaved. The server runs with \`RABITA_JOBS=off\` and the job worker is started only when the rush ends, so no job competes with the rush; what set-up, warm-up and capture queued was sent before it.`,
      `Baseline: pgbench (\`-M prepared -c ${PGBENCH_CLIENTS} -j 2 -T ${PGBENCH_SECONDS}\`, after ${WARM_UP_SECONDS} s of warm-up; the median of ${PGBENCH_RUNS} runs) on the same database, replaying the ${statements.length} statements one API selection sent to PostgreSQL (captured on the wire through a proxy in front of a second server, in order, with the app's own text and values), on random nominations of the same 20 sessions; plus one lookup of the row to touch.`,
      "Target: the API reaches >= 50% of pgbench's transactions/s. The API's figure is one rush (it uses the nominations up); its latencies are medians (p50) and 99th percentiles of every request.",
      '',
      '| | transactions/s | p50 (ms) | p99 (ms) |',
      '|---|---|---|---|',
      `| API, every transition (${api.requests}) | ${api.rps.toFixed(0)} | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} |`,
      `| API, selections only (${selects.length}) | ${api.selectionsPerSecond.toFixed(0)} | ${api.selectP50.toFixed(1)} | ${api.selectP99.toFixed(1)} |`,
      `| pgbench replay of one selection's SQL, ${PGBENCH_CLIENTS} clients (median; runs ${replay.runs.map((x) => x.toFixed(0)).join(', ')}) | ${replay.tps.toFixed(0)} | ${replay.p50.toFixed(1)} | ${replay.p99.toFixed(1)} |`,
      `| same, ${APP_POOL} clients, the app's pool size (median; runs ${replay.poolSized.runs.map((x) => x.toFixed(0)).join(', ')}) | ${replay.poolSized.tps.toFixed(0)} | ${replay.poolSized.p50.toFixed(1)} | ${replay.poolSized.p99.toFixed(1)} |`,
      `| same, ${PGBENCH_CLIENTS} clients, the audit chain's trigger switched off (median; runs ${replay.unchained.runs.map((x) => x.toFixed(0)).join(', ')}) | ${replay.unchained.tps.toFixed(0)} | ${replay.unchained.p50.toFixed(1)} | ${replay.unchained.p99.toFixed(1)} |`,
      '',
      `The audit chain (every record linked to the one before under one lock, as its transaction commits): the replay reaches ${((100 * replay.tps) / replay.unchained.tps).toFixed(0)}% of its throughput with the chain switched off.`,
      `CPU (cores busy, from /proc): during the rush Node ${cpu.node.toFixed(2)}, PostgreSQL ${cpu.postgres.toFixed(2)}, the load generator ${cpu.self.toFixed(2)}, the machine ${(100 * cpu.machine).toFixed(0)}% busy; during pgbench (${PGBENCH_CLIENTS} clients) PostgreSQL ${replay.cpu.postgres.toFixed(2)}, the machine ${(100 * replay.cpu.machine).toFixed(0)}% busy.`,
      `Ratio API / pgbench: **${(100 * ratio).toFixed(0)}%**, target ${met ? 'met' : `not met (${(100 * (0.5 - ratio)).toFixed(0)} points short)`}; against pgbench with ${APP_POOL} clients: ${((100 * api.rps) / replay.poolSized.tps).toFixed(0)}%.`,
      `Answers: ${api.selected} selected, ${api.noSeat} \`409 no_seat\`, ${api.withdrawn} withdrawn, ${api.other} other; ${check.promotions} waitlisted nominations promoted; ${check.seatsTaken} seats held at the end.`,
      `Checks (SQL, after the rush): seats taken <= capacity and = selected per session, quota taken <= seats and = selected on it, no nation above its quota + pool, pool within its share, every acknowledged selection and withdrawal recorded with exactly one event and one audit record, refused selections left untouched, no duplicate events, the audit chain (${check.auditRecords} records, written under the chain head's lock) unbroken with every hash and link recomputed: **${check.failures.length === 0 ? 'PASS' : `FAIL (${check.failures.length})`}**.`,
      '',
      `One selection's ${statements.length} statements: ${statements.map(describe).join('; ')}.`,
      `Between BEGIN and COMMIT: **${inside.length}** (target <= ${TRANSACTION_TARGET}: ${transactionMet ? 'met' : 'not met'}), on the quota path (a seat from the pool adds one UPDATE of the session):`,
      '',
      ...inside.map((s, i) => `${i + 1}. \`${abbreviate(s)}\``),
      '',
      ...(met
        ? []
        : [
            `Why short of 50%: the statements are no longer what the API pays most for: pgbench sends the same ${statements.length} (the session lookup, BEGIN, the ${inside.length} above, COMMIT, and ${readBack.length} reading the answer back after it). What the API adds is Node's work per request: HTTP and JSON, the cookie session and CSRF checks, validation, Drizzle building statements and mapping rows, pg's protocol work for ${statements.length} round trips, the answer's presentation, ${((1000 * cpu.node * api.seconds) / api.requests).toFixed(1)} ms of CPU per transition. During the rush Node used ${cpu.node.toFixed(2)} cores and PostgreSQL ${cpu.postgres.toFixed(2)}, with the machine ${(100 * cpu.machine).toFixed(0)}% busy: its ${os.cpus().length} cores are shared by PostgreSQL, Node, the load generator (${cpu.self.toFixed(2)} cores) and other work on the host, so the one server process got ${cpu.node >= 0.9 ? 'about one core' : 'less than a core'}, while pgbench's client is one C program. What would close it: more server processes (the server keeps no state between requests; this host's 2 shared cores leave little room for them), and fewer round trips per request${factsAt === -1 ? '' : `: the session facts read (statement ${factsAt + 1} above) repeats what the locked read of the nomination already joined, for every action but a submission`}${readBack.length > 0 ? `; the ${readBack.length} reads after the commit could be answered from what the transaction read and wrote` : ''}.`,
            '',
          ]),
      `E-mail after the rush: the job worker (\`startJobWorker\` of src/server/jobs/worker.ts, in a process of its own as \`rabita worker\` runs it, loaded before the rush and started when it ended; concurrency ${JOB_CONCURRENCY}, \`RABITA_JOB_CONCURRENCY\`, set by \`BENCH_JOB_CONCURRENCY\`; recurring jobs off) sends through a real SMTP server (the \`smtp-server\` package, in the benchmark's process) each \`nominations.announce\` job's e-mails, each by its \`mail.send\` job. Its pool was listening ${mail.startMs.toFixed(0)} ms after the rush ended.`,
      '',
      '| | e-mails | seconds from the end of the rush to the last | e-mails/s |',
      '|---|---|---|---|',
      `| joining instructions (${mail.recipients} recipients) | ${mail.received} of ${mail.owed} owed | ${mail.seconds.toFixed(2)} | ${mailRate.toFixed(1)} |`,
      `| every e-mail the rush set off (also ${mail.otherKinds.join(', ') || 'none'}) | ${mail.allCount} | ${mail.allSeconds.toFixed(2)} | ${(mail.allCount / mail.allSeconds).toFixed(1)} |`,
      '',
      'Earlier figure: no earlier figure (the outbox had not been timed before 2026-12-03).',
      `CPU while sending (cores): the job worker ${mailCpu.worker.toFixed(2)}, PostgreSQL ${mailCpu.postgres.toFixed(2)}, the SMTP server with the benchmark ${mailCpu.self.toFixed(2)}, the machine ${(100 * mailCpu.machine).toFixed(0)}% busy.`,
      `What bounds it: ${JOB_CONCURRENCY} jobs at once took ${((1000 * JOB_CONCURRENCY * mail.allSeconds) / mail.allCount).toFixed(0)} ms of wall time per e-mail each, with the worker using ${mailCpu.worker.toFixed(2)} cores: it mostly waits. The mailer (src/server/features/messages/mailer.ts) opens a new SMTP connection for every message, and the receiving server answers each connection's greeting only after a pause (\`smtp-server\` waits 100 ms to catch clients that talk too early, as many mail servers do), so each message pays a connection and that pause. Nodemailer's pooled transport (\`pool: true\`) keeps connections open and sends the next message on them; more concurrency (\`RABITA_JOB_CONCURRENCY\`) runs more of these waits at once.`,
      `Checks: every joining-instructions e-mail owed (for each nomination selected at the end, one to the person and one to each active NPOC of the nation) received exactly once, counted by recipient and by Message-ID, each Message-ID an outbox row of the rush, no job failed: **${mail.failures.length === 0 ? 'PASS' : `FAIL (${mail.failures.slice(0, 5).join('; ')})`}**.`,
      '',
    ];
    return {
      ratio,
      ratioPool: api.rps / replay.poolSized.tps,
      apiRps: api.rps,
      pgbenchTps: replay.tps,
      chainShare: replay.tps / replay.unchained.tps,
      inside: inside.length,
      mailRate,
      allRate: mail.allCount / mail.allSeconds,
      mailSeconds: mail.seconds,
      section,
      failed: check.failures.length > 0 || mail.failures.length > 0,
    };
  } finally {
    if (app) await stopChild(app.child);
    await worker.exit();
    await sink.close();
    // BENCH_KEEP_DATABASE=1 leaves the database for a look at what the run left.
    if (process.env.BENCH_KEEP_DATABASE === '1') log(`database kept: ${db.url}`);
    else {
      const admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`drop database if exists ${db.name} with (force)`);
      await admin.end();
    }
    log(`total ${((Date.now() - began) / 1000).toFixed(0)} s`);
  }
}

/**
 * BENCH_RUNS whole runs (3 unless told), each on a fresh database, as the host's other work
 * moves single figures a lot; the section shows the run of median ratio, and every run's ratio
 * and e-mail rate beside it.
 */
async function main() {
  const began = Date.now();
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    log(`\n--- run ${i + 1} of ${RUNS}`);
    const run = await runOnce();
    runs.push(run);
    log(
      `run ${i + 1}: API / pgbench ${(100 * run.ratio).toFixed(0)}% (${run.apiRps.toFixed(0)} / ${run.pgbenchTps.toFixed(0)}), against ${APP_POOL} clients ${(100 * run.ratioPool).toFixed(0)}%; ${run.inside} statements in the transaction; joining instructions ${run.mailRate.toFixed(1)}/s; replay with the audit chain ${(100 * run.chainShare).toFixed(0)}% of without${run.failed ? '; CHECKS FAILED' : ''}`,
    );
  }
  const byRatio = [...runs].sort((a, b) => a.ratio - b.ratio);
  const chosen = byRatio[Math.floor(byRatio.length / 2)];
  const pct = (x) => `${(100 * x).toFixed(0)}%`;
  const summary = `Every run (${runs.length}, each whole on a fresh database, ${((Date.now() - began) / 60_000).toFixed(0)} min in all; this section shows the run of median ratio): API / pgbench ${runs.map((r) => `${pct(r.ratio)} (${r.apiRps.toFixed(0)} / ${r.pgbenchTps.toFixed(0)})`).join(', ')}, median **${pct(median(runs.map((r) => r.ratio)))}**; against pgbench with ${APP_POOL} clients ${runs.map((r) => pct(r.ratioPool)).join(', ')}, median ${pct(median(runs.map((r) => r.ratioPool)))}; joining-instructions e-mails/s ${runs.map((r) => r.mailRate.toFixed(1)).join(', ')}, median ${median(runs.map((r) => r.mailRate)).toFixed(1)}; statements in the transaction ${runs.map((r) => r.inside).join(', ')}; the replay with the audit chain against the same without it ${runs.map((r) => pct(r.chainShare)).join(', ')}, median ${pct(median(runs.map((r) => r.chainShare)))}.`;
  const lines = [...chosen.section];
  lines.splice(lines.findIndex((line) => line.startsWith('Ratio API / pgbench')) + 1, 0, summary);
  const section = lines.join('\n');
  writeSection(HEADING, section);
  log(`\n${section}`);
  if (runs.some((r) => r.failed)) process.exitCode = 1;
}

await main();
