// Reports benchmark: an alliance-scale dataset (60 nations, 300 institutions, 20,000 activities,
// 200,000 sessions, 1,000,000 people, 5,000,000 nominations with their outcomes) streamed into a
// fresh database with COPY, then every dashboard and report query timed cold and warm, each with
// its EXPLAIN (ANALYZE, BUFFERS), beside a `select count(*) from nominations` from the same run.
//
// BENCH_SCALE=1 is the full size (the default); BENCH_SCALE=0.1 is a quick run of a tenth.
// BENCH_KEEP=1 keeps the database afterwards; BENCH_RUNS sets the warm runs (20), BENCH_BUDGET_MS
// the time after which a slow query's warm runs stop (30 s, at least 5 runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { median, root, startChild, writeSection } from './lib.mjs';

const SERVER =
  process.env.RABITA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const KEEP = process.env.BENCH_KEEP === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** A query slower than the target stops its warm runs after this long (and at least 5 runs). */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 30_000);
const MIN_RUNS = 5;
const TARGET_MS = 200;
const HEADING = '## Reports';

const NATIONS = 60;
const INSTITUTIONS = 300;
const DISCIPLINES = 24;
const VENUES = 12;
const ACTIVITIES = Math.round(20_000 * SCALE);
const SESSIONS = Math.round(200_000 * SCALE);
const PEOPLE = Math.round(1_000_000 * SCALE);
/** 25 a session: 5,000,000 at full scale. */
const PER_SESSION = 25;
/** Sessions ending before this day are delivered (completed or cancelled); later ones are open. */
const TODAY = '2026-11-26';
const FIRST_YEAR = 2019;
const YEARS = 10;
/** Each nation's programme: objectives x goals x planned activities. */
const OBJECTIVES = 3;
const GOALS = 3;
const PLANNED = 10;

const log = (line) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Deterministic data

/** Ordered, readable uuids: a table prefix and a counter, so the primary keys load in order. */
const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ID = {
  activity: 'a0000000',
  session: 'b0000000',
  person: 'c0000000',
  nomination: 'd0000000',
  programme: 'e0000000',
  objective: 'e1000000',
  goal: 'e2000000',
  planned: 'e3000000',
  template: 'f0000000',
  invitation: 'f1000000',
};

/** A small seeded generator (mulberry32): the same dataset on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** XAA, XAB, ...: three letters like an ISO code, none of them a real one. */
const nationCode = (i) => `X${letters[Math.floor(i / 26)]}${letters[i % 26]}`;
const disciplineCode = (i) => `D${String(i).padStart(2, '0')}`;
const institutionCode = (i) => `INST${String(i).padStart(3, '0')}`;
const venueCode = (i) => `VEN-${String(i).padStart(2, '0')}`;
const FRAMEWORKS = ['ICI', 'MD', 'PATG', 'PIP'];

const DAY = 86_400_000;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const csv = (value) => (value === null || value === undefined ? '' : String(value));
const quote = (text) => `"${text.replaceAll('"', '""')}"`;
const jsonCell = (value) => quote(JSON.stringify(value));

/** A person's nation: fixed by their number, so a nomination's nation is its person's. */
const personNation = (p) => p % NATIONS;
/** Nomination j of session s names person ((s*25+j)*7919) mod PEOPLE: distinct within a session. */
const personOf = (s, j) => Number((BigInt(s * PER_SESSION + j) * 7919n) % BigInt(PEOPLE));

// ---------------------------------------------------------------------------------------------
// COPY through psql's stdin, with backpressure

class CopyStream {
  constructor(url, table, columns) {
    this.table = table;
    this.rows = 0;
    this.buffer = [];
    this.size = 0;
    this.child = spawn(
      'psql',
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-c',
        `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`,
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    this.error = '';
    this.child.stderr.on('data', (chunk) => {
      this.error += chunk;
    });
    this.done = new Promise((resolve, reject) => {
      this.child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`COPY ${table}: ${this.error}`)),
      );
    });
  }

  /** Queues one CSV line; returns a promise to await when psql's pipe is full, else null. */
  push(line) {
    this.buffer.push(line);
    this.rows += 1;
    this.size += line.length;
    if (this.size < 1 << 20) return null;
    return this.flush();
  }

  flush() {
    if (this.buffer.length === 0) return null;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    if (this.child.stdin.write(chunk)) return null;
    return new Promise((resolve) => this.child.stdin.once('drain', resolve));
  }

  async end() {
    await this.flush();
    this.child.stdin.end();
    await this.done;
  }
}

/** One line on stderr, redrawn: rows, percent and rows/s. */
class Progress {
  constructor(label, total) {
    this.label = label;
    this.total = total;
    this.started = performance.now();
    this.shown = 0;
  }

  tick(done, rowsWritten) {
    const now = performance.now();
    if (now - this.shown < 250 && done < this.total) return;
    this.shown = now;
    const fraction = this.total === 0 ? 1 : done / this.total;
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = rowsWritten / ((now - this.started) / 1000 || 1);
    process.stderr.write(
      `\r${this.label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(
        fraction * 100
      )
        .toFixed(1)
        .padStart(
          5,
        )}%  ${rowsWritten.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s   `,
    );
    if (done >= this.total) process.stderr.write('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Database

async function sql(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function createDatabase() {
  const name = `rabita_bench_reports_${Date.now()}`;
  await sql(SERVER, `create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await startChild(
    'node',
    ['bin/rabita.js', 'migrate'],
    { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
    /Migrations applied/,
  );
  return { name, url: url.toString() };
}

const LOADED = [
  'training_sessions',
  'session_quotas',
  'participants',
  'nominations',
  'participant_results',
  'survey_invitations',
  'survey_responses',
];

/**
 * Takes the foreign keys and secondary indexes off the big tables for the load and gives back
 * the statements that put them back: PostgreSQL then validates every foreign key in one join
 * and builds each index in one sort, instead of one lookup and one insertion per row.
 */
async function dropForLoad(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const keys = (
      await client.query(
        `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
         from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1)`,
        [LOADED],
      )
    ).rows;
    const indexes = (
      await client.query(
        `select i.indexname, i.indexdef from pg_indexes i
         where i.schemaname = 'public' and i.tablename = any($1)
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        [LOADED],
      )
    ).rows;
    for (const k of keys) await client.query(`alter table ${k.tbl} drop constraint ${k.conname}`);
    for (const i of indexes) await client.query(`drop index ${i.indexname}`);
    return [
      ...indexes.map((i) => i.indexdef),
      ...keys.map((k) => `alter table ${k.tbl} add constraint ${k.conname} ${k.def}`),
    ];
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Generation

async function generateReference(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into frameworks (code, name) select f, jsonb_build_object('en', f) from unnest($1::text[]) f`,
      [FRAMEWORKS],
    );
    await client.query(
      `insert into nations (code, name, framework_code, status, host)
       select c, jsonb_build_object('en', 'Nation ' || c, 'ar', 'دولة ' || c), ($2::text[])[1 + (i - 1) % 4], 'partner', i = 1
       from unnest($1::text[]) with ordinality as t(c, i)`,
      [Array.from({ length: NATIONS }, (_, i) => nationCode(i)), FRAMEWORKS],
    );
    await client.query(
      `insert into disciplines (code, name)
       select c, jsonb_build_object('en', 'Discipline ' || c) from unnest($1::text[]) c`,
      [Array.from({ length: DISCIPLINES }, (_, i) => disciplineCode(i))],
    );
    await client.query(
      `insert into institutions (code, name, city, country_code, host)
       select c, jsonb_build_object('en', 'Institution ' || c), 'City', ($2::text[])[1 + (i - 1) % $3], i = 1
       from unnest($1::text[]) with ordinality as t(c, i)`,
      [
        Array.from({ length: INSTITUTIONS }, (_, i) => institutionCode(i)),
        Array.from({ length: NATIONS }, (_, i) => nationCode(i)),
        NATIONS,
      ],
    );
    await client.query(
      `insert into venues (code, name, kind, city, country_code, time_zone, working_days, holidays)
       select c, jsonb_build_object('en', 'Venue ' || c), 'centre', 'City', 'XAA', 'Asia/Kuwait',
         '{0,1,2,3,4}', '[]'
       from unnest($1::text[]) c`,
      [Array.from({ length: VENUES }, (_, i) => venueCode(i))],
    );
    await client.query(
      `insert into survey_templates (id, code, title, level, questions, anonymous)
       values ($1, 'BENCH-L1', '{"en": "Reaction"}', 1, $2, false)`,
      [
        uuid(ID.template, 1),
        JSON.stringify(
          ['relevance', 'instruction', 'organisation'].map((id) => ({
            id,
            kind: 'scale',
            text: { en: id },
            required: true,
          })),
        ),
      ],
    );
  } finally {
    await client.end();
  }
}

/** Activities through COPY too (20,000 rows, each with a generated search vector). */
async function generateActivities(url) {
  const out = new CopyStream(url, 'activities', [
    'id',
    'code',
    'type',
    'title',
    'discipline_code',
    'provider_code',
    'delivery',
    'duration_days',
    'prerequisites',
    'classification',
    'releasability',
    'releasable_to_all',
    'evaluation_levels',
    'default_capacity',
    'status',
  ]);
  const progress = new Progress('activities', ACTIVITIES);
  const prerequisites = jsonCell({
    rankMin: null,
    rankMax: null,
    civiliansAllowed: true,
    languages: [],
    clearance: 'NONE',
    courses: [],
    extra: null,
  });
  const releasability = jsonCell({ all: true, frameworks: [], nations: [] });
  for (let a = 0; a < ACTIVITIES; a += 1) {
    const line = [
      uuid(ID.activity, a),
      `ACT-${String(a).padStart(5, '0')}`,
      a % 7 === 0 ? 'seminar' : 'course',
      jsonCell({ en: `Activity ${a}`, ar: `نشاط ${a}` }),
      disciplineCode(a % DISCIPLINES),
      institutionCode((a * 31) % INSTITUTIONS),
      'residential',
      1 + (a % 10),
      prerequisites,
      'NATO UNCLASSIFIED',
      releasability,
      't',
      '"{1}"',
      30,
      'active',
    ].join(',');
    const wait = out.push(line);
    if (wait) await wait;
    progress.tick(a + 1, a + 1);
  }
  await out.end();
  return { activities: ACTIVITIES };
}

async function generatePeople(url) {
  const out = new CopyStream(url, 'participants', [
    'id',
    'nation_code',
    'family_name_latin',
    'given_names_latin',
    'rank_code',
    'language_profiles',
    'clearance_level',
  ]);
  const progress = new Progress('people', PEOPLE);
  const profiles = jsonCell([{ language: 'en', profile: '3332' }]);
  const ranks = ['OF-1', 'OF-2', 'OF-3', 'OF-4', 'OR-6', 'CIV'];
  for (let p = 0; p < PEOPLE; p += 1) {
    const wait = out.push(
      `${uuid(ID.person, p)},${nationCode(personNation(p))},Family${p % 5003},Given${p},${ranks[p % ranks.length]},${profiles},NONE`,
    );
    if (wait) await wait;
    progress.tick(p + 1, p + 1);
  }
  await out.end();
  return { participants: PEOPLE };
}

/** Each nation's agreed 2026-2029 programme; returns nation|activity -> planned activity. */
async function generateProgrammes(url) {
  const rand = random(99);
  const programmes = [];
  const objectives = [];
  const goals = [];
  const planned = [];
  const byNationActivity = new Map();
  let o = 0;
  let g = 0;
  let pa = 0;
  for (let n = 0; n < NATIONS; n += 1) {
    const programme = uuid(ID.programme, n);
    programmes.push([programme, nationCode(n)]);
    for (let i = 0; i < OBJECTIVES; i += 1, o += 1) {
      objectives.push([uuid(ID.objective, o), programme, i + 1]);
      for (let j = 0; j < GOALS; j += 1, g += 1) {
        goals.push([uuid(ID.goal, g), uuid(ID.objective, o), j + 1]);
        for (let k = 0; k < PLANNED; k += 1, pa += 1) {
          const activity = Math.floor(rand() * ACTIVITIES);
          const first = 2026 + Math.floor(rand() * 4);
          const id = uuid(ID.planned, pa);
          planned.push([id, uuid(ID.goal, g), uuid(ID.activity, activity), first, 2 + (pa % 8)]);
          byNationActivity.set(n * ACTIVITIES + activity, {
            id,
            years: [first, Math.min(first + 1, 2029)],
          });
        }
      }
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into programmes (id, nation_code, title, start_year, end_year, status, agreed_at)
       select id, nation, jsonb_build_object('en', 'Programme ' || nation), 2026, 2029, 'agreed',
         '2026-01-15'
       from unnest($1::uuid[], $2::text[]) as t(id, nation)`,
      [programmes.map((r) => r[0]), programmes.map((r) => r[1])],
    );
    await client.query(
      `insert into programme_objectives (id, programme_id, position, title)
       select id, p, pos, jsonb_build_object('en', 'Objective ' || pos)
       from unnest($1::uuid[], $2::uuid[], $3::int[]) as t(id, p, pos)`,
      [objectives.map((r) => r[0]), objectives.map((r) => r[1]), objectives.map((r) => r[2])],
    );
    await client.query(
      `insert into programme_goals (id, objective_id, position, title)
       select id, o, pos, jsonb_build_object('en', 'Goal ' || pos)
       from unnest($1::uuid[], $2::uuid[], $3::int[]) as t(id, o, pos)`,
      [goals.map((r) => r[0]), goals.map((r) => r[1]), goals.map((r) => r[2])],
    );
    await client.query(
      `insert into planned_activities (id, goal_id, activity_id, years, seats_planned, priority)
       select id, g, a, array(select generate_series(y, least(y + 1, 2029))), seats, 1 + seats % 3
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[]) as t(id, g, a, y, seats)`,
      [0, 1, 2, 3, 4].map((c) => planned.map((r) => r[c])),
    );
  } finally {
    await client.end();
  }
  return {
    map: byNationActivity,
    counts: {
      programmes: programmes.length,
      programme_objectives: objectives.length,
      programme_goals: goals.length,
      planned_activities: planned.length,
    },
  };
}

/**
 * Sessions with their quotas, nominations, results and level-1 answers, in one pass: a session's
 * seat counters are those of the nominations written beside it, so every CHECK holds.
 */
async function generateDelivery(url, plannedMap) {
  const sessions = new CopyStream(url, 'training_sessions', [
    'id',
    'code',
    'activity_id',
    'start_date',
    'end_date',
    'venue_code',
    'capacity',
    'seats_taken',
    'pool_taken',
    'quota_total',
    'nomination_opens',
    'nomination_closes',
    'nomination_deadline',
    'status',
  ]);
  const quotas = new CopyStream(url, 'session_quotas', [
    'session_id',
    'nation_code',
    'seats',
    'taken',
  ]);
  const nominations = new CopyStream(url, 'nominations', [
    'id',
    'session_id',
    'participant_id',
    'nation_code',
    'status',
    'priority',
    'submitted_at',
    'decided_at',
    'seat_source',
    'eligibility',
    'result',
    'planned_activity_id',
  ]);
  const results = new CopyStream(url, 'participant_results', [
    'nomination_id',
    'proposed_status',
    'status',
    'pre_test_score',
    'post_test_score',
    'confirmed_at',
  ]);
  const invitations = new CopyStream(url, 'survey_invitations', [
    'id',
    'session_id',
    'nomination_id',
    'template_id',
    'level',
    'respondent',
    'sent_at',
    'closes_at',
    'answered_at',
  ]);
  const responses = new CopyStream(url, 'survey_responses', [
    'session_id',
    'template_id',
    'level',
    'respondent',
    'invitation_id',
    'answers',
    'submitted_at',
  ]);
  const streams = [sessions, quotas, nominations, results, invitations, responses];
  const eligibility = jsonCell({ lines: [], eligible: true });
  const template = uuid(ID.template, 1);
  const progress = new Progress('delivery', SESSIONS);
  const today = Date.parse(TODAY);
  let nominationId = 0;
  let linked = 0;
  const push = async (stream, line) => {
    const wait = stream.push(line);
    if (wait) await wait;
  };

  for (let s = 0; s < SESSIONS; s += 1) {
    const rand = random(s + 1);
    const activity = s % ACTIVITIES;
    const duration = 1 + (activity % 10);
    const startMs = EPOCH + Math.floor(rand() * YEARS * 365) * DAY;
    const endMs = startMs + (duration - 1) * DAY;
    const year = new Date(startMs).getUTCFullYear();
    const past = endMs < today;
    const cancelled = past && rand() < 0.04;
    const status = cancelled
      ? 'cancelled'
      : past
        ? 'completed'
        : startMs - today < 60 * DAY
          ? 'confirmed'
          : 'announced';
    const capacity = 24 + Math.floor(rand() * 13);
    const sessionId = uuid(ID.session, s);
    const decided = new Date(startMs - 25 * DAY).toISOString();

    // Three nations hold four seats each; the rest of the capacity is the pool.
    const quota = new Map();
    for (let j = 0; j < 3; j += 1) quota.set(personNation(personOf(s, j)), { seats: 4, taken: 0 });
    let quotaTotal = 0;
    for (const q of quota.values()) quotaTotal += q.seats;
    let poolTaken = 0;

    for (let j = 0; j < PER_SESSION; j += 1) {
      const person = personOf(s, j);
      const nation = personNation(person);
      const roll = rand();
      let nomination = cancelled
        ? 'withdrawn'
        : roll < 0.68
          ? 'selected'
          : roll < 0.8
            ? 'rejected'
            : roll < 0.9
              ? 'withdrawn'
              : roll < 0.95
                ? 'declined'
                : past
                  ? 'rejected'
                  : 'waitlisted';
      if (!past && !cancelled && status === 'announced' && roll >= 0.68) nomination = 'submitted';
      let source = null;
      if (nomination === 'selected') {
        const q = quota.get(nation);
        if (q && q.taken < q.seats) {
          q.taken += 1;
          source = 'quota';
        } else if (poolTaken + quotaTotal < capacity) {
          poolTaken += 1;
          source = 'pool';
        } else {
          nomination = past ? 'rejected' : 'waitlisted';
        }
      }
      let result = null;
      if (status === 'completed' && nomination === 'selected') {
        const r = rand();
        result =
          r < 0.8
            ? 'completed'
            : r < 0.86
              ? 'partially-attended'
              : r < 0.9
                ? 'failed'
                : r < 0.98
                  ? 'no-show'
                  : 'withdrawn';
      }
      const plan = plannedMap.get(nation * ACTIVITIES + activity);
      const planned = plan?.years.includes(year) ? plan.id : undefined;
      if (planned) linked += 1;
      const id = uuid(ID.nomination, nominationId);
      nominationId += 1;
      const undecided = nomination === 'submitted' || nomination === 'waitlisted';
      await push(
        nominations,
        `${id},${sessionId},${uuid(ID.person, person)},${nationCode(nation)},${nomination},${j % 3 === 0 ? 1 : ''},${new Date(startMs - 45 * DAY).toISOString()},${undecided ? '' : decided},${csv(source)},${eligibility},${csv(result)},${csv(planned)}`,
      );
      // Tested activities (one in five) keep a confirmed result with pre- and post-test scores.
      if (result && activity % 5 === 0) {
        const pre = 40 + Math.floor(rand() * 40);
        const post = Math.min(100, pre + Math.floor(rand() * 30));
        await push(
          results,
          `${id},${result},${result},${pre},${post},${new Date(endMs + 3 * DAY).toISOString()}`,
        );
      }
      // Everyone who attended is invited to the level-1 survey; about half answer, through
      // their invitation, so a nation's readers can see their own people's answers.
      if (result && result !== 'no-show') {
        const invitation = uuid(ID.invitation, invitations.rows);
        const sent = new Date(endMs + DAY).toISOString();
        const answered = rand() < 0.5;
        await push(
          invitations,
          `${invitation},${sessionId},${id},${template},1,participant,${sent},${new Date(endMs + 31 * DAY).toISOString()},${answered ? sent : ''}`,
        );
        if (answered) {
          const answer = () => 1 + Math.min(4, Math.floor(rand() * 2 + rand() * 3.2));
          await push(
            responses,
            `${sessionId},${template},1,participant,${invitation},${jsonCell({ relevance: answer(), instruction: answer(), organisation: answer() })},${sent}`,
          );
        }
      }
    }

    let quotaTaken = 0;
    for (const [nation, q] of quota) {
      quotaTaken += q.taken;
      await push(quotas, `${sessionId},${nationCode(nation)},${q.seats},${q.taken}`);
    }
    const opens = isoDay(startMs - 90 * DAY);
    const closes = isoDay(startMs - 30 * DAY);
    await push(
      sessions,
      `${sessionId},BS-${String(s).padStart(6, '0')},${uuid(ID.activity, activity)},${isoDay(startMs)},${isoDay(endMs)},${venueCode(s % VENUES)},${capacity},${poolTaken + quotaTaken},${poolTaken},${quotaTotal},${opens},${closes},${closes}T23:59:59Z,${status}`,
    );
    progress.tick(
      s + 1,
      streams.reduce((sum, stream) => sum + stream.rows, 0),
    );
  }
  for (const stream of streams) await stream.end();
  return {
    counts: Object.fromEntries(streams.map((stream) => [stream.table, stream.rows])),
    linked,
  };
}

async function generate(url) {
  const started = performance.now();
  const steps = [];
  const step = async (label, work) => {
    const t = performance.now();
    const value = await work();
    steps.push({ label, ms: performance.now() - t });
    return value;
  };
  await step('reference data', () => generateReference(url));
  const restore = await step('drop foreign keys and indexes', () => dropForLoad(url));
  const activities = await step('activities (COPY)', () => generateActivities(url));
  const people = await step('participants (COPY)', () => generatePeople(url));
  const programmes = await step('programmes', () => generateProgrammes(url));
  const delivery = await step('sessions, quotas, nominations, results, answers (COPY)', () =>
    generateDelivery(url, programmes.map),
  );
  await step('indexes built, foreign keys validated', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("set maintenance_work_mem = '512MB'");
    for (const statement of restore) {
      process.stderr.write(`\r${statement.slice(0, 100).padEnd(100)}`);
      await client.query(statement);
    }
    process.stderr.write('\n');
    await client.end();
  });
  await step('vacuum analyze', () => sql(url, 'vacuum analyze'));
  // The reports read roll-ups that the server refreshes when their sources change: time the
  // first computation and a later refresh (CONCURRENTLY, as the server does it).
  await step('report roll-ups: first computation', () => refreshRollups(url));
  await step('report roll-ups: a later refresh, concurrently', () => refreshRollups(url));
  await step('analyze the roll-ups', () =>
    sql(
      url,
      'analyze report_nomination_facts, report_seat_facts, report_evaluation_facts, report_nation_evaluation_facts',
    ),
  );
  const counts = {
    ...people,
    ...activities,
    ...programmes.counts,
    ...delivery.counts,
  };
  return {
    ms: performance.now() - started,
    steps,
    counts,
    linked: delivery.linked,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** Runs the application's own roll-up refresh (src/server/features/reports/rollups.ts). */
async function refreshRollups(url) {
  const { register } = await import('tsx/esm/api');
  register();
  const { refreshReportRollups } = await import(`${root}/src/server/features/reports/rollups.ts`);
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const state = await refreshReportRollups(drizzle(client));
    if (!state) throw new Error('the roll-ups are being refreshed by another process');
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The queries

/**
 * The report queries of the application when they exist (REPORT_QUERIES in
 * src/server/features/reports/queries.ts), each run through Drizzle with its SQL captured for
 * EXPLAIN; otherwise the representative aggregates below, in plain SQL.
 */
async function loadQueries() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    const module = await import(`${root}/src/server/features/reports/queries.ts`);
    if (!Array.isArray(module.REPORT_QUERIES)) throw new Error('no REPORT_QUERIES export');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const schema = await import(`${root}/src/server/db/schema/index.ts`);
    return {
      source: 'application',
      queries: module.REPORT_QUERIES.map((query) => ({
        name: query.name,
        async run(client, scope, captured) {
          const db = drizzle(client, {
            schema,
            logger: captured
              ? { logQuery: (text, params) => captured.push({ text, params }) }
              : false,
          });
          return query.run(db, scope, {});
        },
      })),
    };
  } catch (error) {
    log(
      `application report queries not available (${error.message.split('\n')[0]}); timing the bench's own aggregates`,
    );
    return { source: 'bench', queries: OWN_QUERIES.map(plainQuery) };
  }
}

const plainQuery = ({ name, text }) => ({
  name,
  async run(client, scope, captured) {
    const params = [scope.kind === 'nation' ? scope.nationCode : null];
    captured?.push({ text, params });
    return (await client.query(text, params)).rows;
  },
});

/** $1 is the nation scope: null for everyone. */
const OWN_QUERIES = [
  {
    name: 'trained per nation and year',
    text: `select n.nation_code, extract(year from s.start_date)::int as year, count(*) as trained
      from nominations n join training_sessions s on s.id = n.session_id
      where n.status = 'selected' and n.result in ('completed', 'partially-attended')
        and ($1::text is null or n.nation_code = $1)
      group by 1, 2 order by 1, 2`,
  },
  {
    name: 'trained per discipline and year',
    text: `select a.discipline_code, extract(year from s.start_date)::int as year, count(*) as trained
      from nominations n join training_sessions s on s.id = n.session_id
        join activities a on a.id = s.activity_id
      where n.status = 'selected' and n.result in ('completed', 'partially-attended')
        and ($1::text is null or n.nation_code = $1)
      group by 1, 2 order by 1, 2`,
  },
  {
    name: 'trained per provider and year',
    text: `select a.provider_code, extract(year from s.start_date)::int as year, count(*) as trained
      from nominations n join training_sessions s on s.id = n.session_id
        join activities a on a.id = s.activity_id
      where n.status = 'selected' and n.result in ('completed', 'partially-attended')
        and ($1::text is null or n.nation_code = $1)
      group by 1, 2 order by 1, 2`,
  },
  {
    name: 'fill rate per year',
    text: `select extract(year from s.start_date)::int as year, sum(s.capacity) as seats,
        sum(s.seats_taken) as taken,
        round(sum(s.seats_taken)::numeric / nullif(sum(s.capacity), 0), 3) as fill_rate
      from training_sessions s
      where s.status = 'completed'
        and ($1::text is null or exists (select 1 from session_quotas q
          where q.session_id = s.id and q.nation_code = $1))
      group by 1 order by 1`,
  },
  {
    name: 'no-show and completion rates per year',
    text: `select extract(year from s.start_date)::int as year, count(*) as selected,
        round(avg((n.result = 'no-show')::int), 3) as no_show_rate,
        round(avg((n.result = 'completed')::int), 3) as completion_rate
      from nominations n join training_sessions s on s.id = n.session_id
      where n.status = 'selected' and s.status = 'completed'
        and ($1::text is null or n.nation_code = $1)
      group by 1 order by 1`,
  },
  {
    name: 'evaluation means per discipline',
    text: `select a.discipline_code, count(*) as answers,
        round(avg((r.answers ->> 'relevance')::numeric), 2) as relevance,
        round(avg((r.answers ->> 'instruction')::numeric), 2) as instruction,
        round(avg((r.answers ->> 'organisation')::numeric), 2) as organisation
      from survey_responses r join training_sessions s on s.id = r.session_id
        join activities a on a.id = s.activity_id
      where r.level = 1
        and ($1::text is null or exists (select 1 from nominations n
          where n.session_id = s.id and n.nation_code = $1 and n.status = 'selected'))
      group by 1 order by 1`,
  },
  {
    name: 'programme delivery per goal',
    text: `select p.nation_code, g.id as goal, sum(pa.seats_planned) as planned,
        coalesce(sum(x.offered), 0) as offered, coalesce(sum(x.nominated), 0) as nominated,
        coalesce(sum(x.selected), 0) as selected, coalesce(sum(x.completed), 0) as completed
      from programmes p join programme_objectives o on o.programme_id = p.id
        join programme_goals g on g.objective_id = o.id
        join planned_activities pa on pa.goal_id = g.id
        left join lateral (
          select (select coalesce(sum(q.seats), 0) from session_quotas q
                    join training_sessions s on s.id = q.session_id
                   where s.activity_id = pa.activity_id and q.nation_code = p.nation_code
                     and extract(year from s.start_date)::int = any(pa.years)) as offered,
                 count(*) as nominated,
                 count(*) filter (where n.status = 'selected') as selected,
                 count(*) filter (where n.result = 'completed') as completed
          from nominations n where n.planned_activity_id = pa.id
        ) x on true
      where p.status in ('agreed', 'active') and ($1::text is null or p.nation_code = $1)
      group by 1, 2 order by 1, 2`,
  },
];

const BASELINE = plainQuery({
  name: 'baseline: select count(*) from nominations',
  text: 'select count(*) from nominations where $1::text is null or true',
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function time(url, query, scope) {
  // Cold: a new connection with nothing cached in it (plans, catalogue); PostgreSQL's shared
  // buffers and the OS page cache stay warm, as they cannot be emptied from a client.
  const fresh = new pg.Client({ connectionString: url });
  await fresh.connect();
  await fresh.query('discard all');
  let t = performance.now();
  await query.run(fresh, scope);
  const cold = performance.now() - t;
  await fresh.end();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const warm = [];
  try {
    const started = performance.now();
    for (let i = 0; i < RUNS; i += 1) {
      t = performance.now();
      await query.run(client, scope);
      warm.push(performance.now() - t);
      if (warm.length >= MIN_RUNS && performance.now() - started > BUDGET_MS) break;
    }
    const captured = [];
    await query.run(client, scope, captured);
    const plans = [];
    for (const { text, params } of captured) {
      const rows = (await client.query(`explain (analyze, buffers) ${text}`, params)).rows;
      plans.push({ text, plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    warm.sort((a, b) => a - b);
    return { cold, median: median(warm), p95: percentile(warm, 95), runs: warm.length, plans };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

/** The analysis of the last full-scale run, kept beside the script so a rerun keeps it. */
function notes() {
  const file = path.join(root, 'bench', 'reports-notes.md');
  return SCALE === 1 && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
}

const fmt = (n) => n.toLocaleString('en');
const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());

function section({ generation, source, rows, nation, when }) {
  const counts = Object.entries(generation.counts)
    .map(([table, count]) => `| ${table} | ${fmt(count)} |`)
    .join('\n');
  const steps = generation.steps
    .map((s) => `| ${s.label} | ${(s.ms / 1000).toFixed(1)} s |`)
    .join('\n');
  const table = (scope) =>
    rows
      .filter((r) => r.scope === scope)
      .map(
        (r) =>
          `| ${r.name} | ${ms(r.cold)} | ${ms(r.median)} | ${ms(r.p95)} | ${r.runs} | ${
            r.baseline
              ? 'baseline'
              : r.p95 < TARGET_MS
                ? 'yes'
                : `no (${ms(r.p95 - TARGET_MS)} ms over)`
          } |`,
      )
      .join('\n');
  const head =
    '| Query | Cold (ms) | Warm median (ms) | Warm p95 (ms) | Warm runs | p95 < 200 ms |\n|---|--:|--:|--:|--:|---|';
  const plans = rows
    .map(
      (r) =>
        `<details><summary>${r.name} (${r.scope})</summary>\n\n${r.plans
          .map((p) => `\`\`\`sql\n${p.text.trim()}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``)
          .join('\n\n')}\n\n</details>`,
    )
    .join('\n\n');
  const missed = rows.filter((r) => !r.baseline && r.p95 >= TARGET_MS);
  return `${HEADING}

\`npm run bench:reports\` (scale ${SCALE}${SCALE === 1 ? ', the full alliance size' : ''}), ${when}, on
${os.cpus().length} cores shared with other work, PostgreSQL ${generation.server}. The dataset is
streamed into a fresh database through \`COPY ... FROM STDIN\` (CSV written by Node, piped to
\`psql\`), with the big tables' foreign keys and secondary indexes taken off for the load and put
back afterwards, so PostgreSQL validates every foreign key and builds every index itself.
Every CHECK of the schema holds row by row (seat counters equal the selected nominations beside
them, quota seats taken within the quota, \`seat_source\` set exactly on selected nominations).
${fmt(generation.linked)} nominations serve a planned activity of their nation's programme.

| Table | Rows |
|---|--:|
${counts}

Roll-ups the reports read (materialized views, migration 0007): ${generation.rollups
    .map((r) => `\`${r.name}\` ${fmt(Number(r.rows))} rows`)
    .join(', ')}.

Generation: **${(generation.ms / 1000).toFixed(0)} s** for ${fmt(generation.rows)} rows
(${fmt(Math.round(generation.rows / (generation.ms / 1000)))} rows/s overall).

| Step | Time |
|---|--:|
${steps}

Queries: ${
    source === 'application'
      ? '`REPORT_QUERIES` of `src/server/features/reports/queries.ts`, run through Drizzle'
      : "the bench's own representative aggregates (the application's `REPORT_QUERIES` were not available when this ran)"
  }. Cold is one run on a new connection after \`DISCARD ALL\` (nothing
cached in the connection; PostgreSQL's shared buffers and the OS page cache cannot be emptied
from a client, so "cold" is not a cold disk); warm is the median and p95 of ${RUNS} runs on one
connection (fewer, at least ${MIN_RUNS}, for a query whose runs pass ${BUDGET_MS / 1000} s in all; the p95 of
so few runs is their slowest). The baseline, \`select count(*) from nominations\`, is measured the same way in the same run.
In the plans, \`$1\`, \`$2\`, ... are the one nation's code (${nation}) where a query has one, then the
reader's locale (en).

Observer (every nation):

${head}
${table('all')}

One nation (${nation}):

${head}
${table('nation')}

${
  missed.length === 0
    ? 'Every query meets the 200 ms p95 target.'
    : `Over the target: ${missed.map((r) => `${r.name} (${r.scope}, p95 ${ms(r.p95)} ms)`).join('; ')}. See the plans below.`
}

${notes()}

${plans}
`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { name, url } = await createDatabase();
  log(`database ${name} (scale ${SCALE})`);
  try {
    const generation = await generate(url);
    generation.server = (await sql(url, 'show server_version'))[0].server_version;
    generation.rollups = await sql(
      url,
      `select v.name, (xpath('/row/c/text()', query_to_xml('select count(*) as c from ' || v.name, false, true, '')))[1]::text::bigint as rows
         from unnest(array['report_nomination_facts', 'report_seat_facts', 'report_evaluation_facts', 'report_nation_evaluation_facts']) as v(name)`,
    );
    log(
      `generated ${fmt(generation.rows)} rows in ${(generation.ms / 1000).toFixed(1)} s (${fmt(Math.round(generation.rows / (generation.ms / 1000)))} rows/s)`,
    );
    const { source, queries } = await loadQueries();
    const nation = nationCode(1);
    const rows = [];
    for (const [scopeName, scope] of [
      ['all', { kind: 'all' }],
      ['nation', { kind: 'nation', nationCode: nation }],
    ]) {
      for (const query of [BASELINE, ...queries]) {
        if (query === BASELINE && scopeName === 'nation') continue;
        const r = await time(url, query, scope);
        rows.push({ ...r, name: query.name, scope: scopeName, baseline: query === BASELINE });
        log(
          `${scopeName.padEnd(6)} ${query.name.padEnd(44)} cold ${ms(r.cold).padStart(6)}  median ${ms(r.median).padStart(6)}  p95 ${ms(r.p95).padStart(6)} ms`,
        );
      }
    }
    writeSection(
      HEADING,
      section({
        generation,
        source,
        rows,
        nation,
        when: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      }),
    );
    log('written to docs/benchmarks.md');
  } finally {
    if (!KEEP) await sql(SERVER, `drop database ${name} with (force)`);
    else log(`kept ${url}`);
  }
}

await main();
