import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RabitaProcess,
  runRabita,
  serveRabita,
  startRabitaWorker,
  until,
} from '../support/rabita-process.js';
import { Cluster, REPO } from './support/cluster.js';
import { checkJoining, queueLeft, startSmtpSink } from './support/mail.js';
import {
  type Actors,
  actorsAt,
  eventDigest,
  type Figures,
  prepareCentre,
  prepareSurge,
  rows,
  type SurgeSet,
  surge,
  verifySurge,
} from './support/surge.js';

// deploy/cluster on this machine: etcd, three PostgreSQL 15 nodes under Patroni with synchronous
// replication, HAProxy to the primary, two Rabita servers behind nginx. Nomination surges go
// through nginx while an app server, then the primary, is killed with SIGKILL; the old primary
// then rejoins as a replica. Every acknowledged decision must be stored exactly once, seats must
// hold, and every e-mail owed must arrive once. The figures go to docs/benchmarks.md.

type Server = RabitaProcess & { kill(signal: NodeJS.Signals): void };

let cluster: Cluster;
let appUrl = '';
let dataDir = '';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const servers: Array<Server | undefined> = [undefined, undefined];
let actors: Actors;
type SurgeName = 'single' | 'baseline' | 'app' | 'primary';
const sets: Record<SurgeName, SurgeSet> = {} as never;
const figures: Partial<Record<SurgeName, Figures & { seconds: number }>> = {};
const facts: Record<string, string | number> = {};
let since: Date;
let oldLeader = '';
let newLeader = '';
const began = Date.now();
const step = (what: string) =>
  process.stdout.write(`cluster test: ${what} at ${((Date.now() - began) / 1000).toFixed(1)} s\n`);

const killAll = () => {
  for (const server of servers) server?.kill('SIGKILL');
  cluster?.killEverythingNow();
};

function appEnv(port: number): Record<string, string> {
  return {
    DATABASE_URL: appUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    RABITA_JOBS: 'off',
    RABITA_DATA_DIR: dataDir,
    RABITA_TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
  };
}

/** Every server started, for their output after the run. */
const everyServer: Server[] = [];

async function startServer(index: number) {
  const server = await serveRabita(appEnv(cluster.appPorts[index] as number), 60_000);
  servers[index] = server;
  everyServer.push(server);
}

/** Runs the job worker until a selection's jobs are all done (none failed). */
async function drainQueue() {
  const worker = await startRabitaWorker({
    DATABASE_URL: appUrl,
    SMTP_URL: sink.url,
    RABITA_DATA_DIR: dataDir,
    RABITA_JOB_CONCURRENCY: '16',
    LOG_LEVEL: 'warn',
  });
  try {
    const left = await until(
      'the job queue to empty',
      async () => {
        const queue = await queueLeft(appUrl);
        return queue.left === queue.failed ? queue : undefined;
      },
      180_000,
    );
    return left;
  } finally {
    const exited = worker.exited;
    worker.kill('SIGTERM');
    await exited;
  }
}

beforeAll(async () => {
  process.once('exit', killAll);
  cluster = await Cluster.render(3);
  dataDir = path.join(cluster.dir, 'rabita');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  cluster.startEtcd();
  await until(
    'etcd',
    async () => {
      const answer = await fetch(`http://127.0.0.1:${cluster.etcdPort}/health`).catch(() => null);
      return answer?.ok;
    },
    30_000,
  );
  for (const node of cluster.nodes) cluster.startNode(node);
  oldLeader = await cluster.waitForHealthy(2, 120_000);
  step(`${oldLeader} leads`);
  cluster.startHaproxy();
  await cluster.waitForPrimaryPort(30_000);

  // Roles, database and migrations as cluster.sh sets them up, through HAProxy.
  execFileSync(
    'bash',
    [path.join(REPO, 'deploy', 'cluster', 'cluster.sh'), 'init-db', cluster.dir],
    {
      env: { ...process.env, PRIMARY_PORT: String(cluster.primaryPort) },
      stdio: 'pipe',
    },
  );
  const env = Object.fromEntries(
    fs
      .readFileSync(path.join(cluster.dir, 'rabita.env'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  appUrl = env.DATABASE_URL as string;
  step('database migrated');
  // Loaded without waiting for the standby at each commit: the demo is set-up, not under test.
  const demoUrl = `${appUrl}?options=${encodeURIComponent('-c synchronous_commit=local')}`;
  const demo = await runRabita(
    ['demo'],
    { DATABASE_URL: demoUrl, LOG_LEVEL: 'warn', RABITA_DATA_DIR: dataDir },
    120_000,
  );
  if (demo.code !== 0) throw new Error(`rabita demo: ${demo.stdout}\n${demo.stderr}`);

  step('demo centre loaded');
  sink = await startSmtpSink();
  await Promise.all([startServer(0), startServer(1)]);
  cluster.startNginx();
  await until(
    'nginx to reach the app servers',
    async () => (await fetch(`${cluster.nginxUrl}/readyz`).catch(() => null))?.ok,
    30_000,
  );
  step('app servers behind nginx');
  actors = await prepareCentre(cluster.nginxUrl, appUrl, 120);
  [sets.single, sets.baseline, sets.app, sets.primary] = await Promise.all([
    prepareSurge(actors, appUrl, 'ONE', 2),
    prepareSurge(actors, appUrl, 'BASE', 2),
    prepareSurge(actors, appUrl, 'APPKILL', 2),
    prepareSurge(actors, appUrl, 'PGKILL', 2),
  ]);
  step('nominations submitted');
  // What the set-up queued is sent now, so that afterwards the queue holds the surges' work.
  await drainQueue();
  sink.forget();
  since = new Date();
  step('set-up e-mails sent');
  facts.setUpSeconds = Math.round((Date.now() - began) / 1000);
}, 400_000);

afterAll(async () => {
  for (const server of servers) {
    if (!server) continue;
    const exited = server.exited;
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await sink?.close();
  everyServer.forEach((server, i) => {
    fs.writeFileSync(path.join(cluster.dir, `app-${i}.log`), server.output());
  });
  await cluster?.stop();
  if (process.env.RABITA_CLUSTER_KEEP !== '1') cluster?.remove();
  process.off('exit', killAll);
}, 120_000);

function expectClean(f: Figures) {
  expect(f.failures).toEqual([]);
  expect(f.unclean).toEqual([]);
  expect(f.lost).toBe(0);
  expect(f.duplicated).toBe(0);
  expect(f.acknowledged).toBeGreaterThan(0);
}

describe('the cluster of deploy/cluster', () => {
  it('carries a surge straight to one app server, the single-server figure', async () => {
    const one = actorsAt(actors, `http://127.0.0.1:${cluster.appPorts[0]}`);
    const result = await surge(one, sets.single, { deadlineMs: 120_000 });
    const f = await verifySurge(appUrl, sets.single, result);
    figures.single = { ...f, seconds: result.seconds };
    expectClean(f);
    expect(f.failed).toBe(0);
  });

  it('carries a nomination surge through nginx across two app servers exactly once', async () => {
    const result = await surge(actors, sets.baseline, { deadlineMs: 120_000 });
    const f = await verifySurge(appUrl, sets.baseline, result);
    figures.baseline = { ...f, seconds: result.seconds };
    expectClean(f);
    expect(f.failed).toBe(0);
    expect(f.seatsTaken).toBeLessThanOrEqual(2 * 30);
  });

  it('loses nothing acknowledged when one app server is killed mid-surge', async () => {
    const victim = servers[0] as Server;
    const result = await surge(actors, sets.app, {
      failAfter: 30,
      deadlineMs: 120_000,
      failure: async () => {
        victim.kill('SIGKILL');
        await victim.exited;
      },
    });
    const f = await verifySurge(appUrl, sets.app, result);
    figures.app = { ...f, seconds: result.seconds };
    expectClean(f);
    // nginx went on with the other server: the surge ended with the victim dead.
    expect(victim.pid).toBeGreaterThan(0);
    await startServer(0);
  });

  it('fails over to a replica when the primary is killed mid-surge, losing nothing acknowledged', async () => {
    let killedAt = 0;
    const result = await surge(actors, sets.primary, {
      failAfter: 30,
      deadlineMs: 150_000,
      failure: async () => {
        killedAt = performance.now();
        await cluster.killNode(oldLeader);
        step(`${oldLeader} killed`);
        await cluster.waitForPrimaryPort(90_000);
        facts.promotionSeconds = (performance.now() - killedAt) / 1000;
        step('a primary behind HAProxy again');
      },
    });
    newLeader = await cluster.waitForHealthy(1, 90_000, oldLeader);
    expect(newLeader).not.toBe(oldLeader);
    // Checked on the new primary itself, not only through HAProxy.
    const onNewPrimary = cluster.superuserUrl(newLeader, 'rabita');
    const [recovery] = await rows<{ r: boolean }>(onNewPrimary, 'select pg_is_in_recovery() as r');
    expect(recovery?.r).toBe(false);
    const f = await verifySurge(onNewPrimary, sets.primary, result);
    figures.primary = { ...f, seconds: result.seconds };
    expectClean(f);
    expect(f.failed).toBeGreaterThan(0);
  });

  it('takes the old primary back as a replica of the new one', async () => {
    const started = performance.now();
    cluster.startNode(oldLeader);
    await until(
      `${oldLeader} to stream from ${newLeader}`,
      async () => {
        const members = await cluster.members();
        const leader = members.find((m) => m.role === 'leader');
        const old = members.find((m) => m.name === oldLeader);
        return (
          leader?.name === newLeader &&
          old &&
          old.role !== 'leader' &&
          ['running', 'streaming'].includes(old.state) &&
          old.timeline === leader.timeline
        );
      },
      120_000,
    );
    const onOld = cluster.superuserUrl(oldLeader, 'rabita');
    const codes = Object.values(sets).flatMap((s) => s.codes);
    const primaryDigest = await eventDigest(cluster.superuserUrl(newLeader, 'rabita'), codes);
    await until(
      `${oldLeader} to hold what the new primary holds`,
      async () => {
        const [r] = await rows<{ r: boolean }>(onOld, 'select pg_is_in_recovery() as r').catch(
          () => [],
        );
        if (!r?.r) return false;
        const digest = await eventDigest(onOld, codes);
        return JSON.stringify(digest) === JSON.stringify(primaryDigest);
      },
      60_000,
    );
    facts.rejoinSeconds = (performance.now() - started) / 1000;
  });

  it('sends every e-mail the surges owe exactly once', async () => {
    const queue = await drainQueue();
    expect(queue.failed).toBe(0);
    const codes = Object.values(sets).flatMap((s) => s.codes);
    const mail = await checkJoining(appUrl, codes, since, sink.received);
    facts.mailOwed = mail.owed;
    facts.mailReceived = mail.received;
    facts.mailDuplicated = mail.duplicated;
    expect(mail.failures).toEqual([]);
    expect(mail.owed).toBeGreaterThan(0);
    writeFigures();
  });
});

/** The run's figures, as a section of docs/benchmarks.md (replacing the previous run's). */
function writeFigures() {
  const rowOf = (name: string, f: (Figures & { seconds: number }) | undefined) =>
    f
      ? `| ${name} | ${f.requests} | ${f.acknowledged} | ${f.refused} | ${f.failed} | ${f.lost} | ${f.duplicated} | ${f.secondsWithoutService.toFixed(1)} | ${((f.acknowledged + f.refused) / f.seconds).toFixed(0)} |`
      : `| ${name} | not measured | | | | | | | |`;
  const patroni = execFileSync('patroni', ['--version']).toString().trim();
  const section = [
    '## Failover (`npm run test:cluster`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores shared with other work, Node ${process.version}, everything on this one machine (loopback ports): etcd, three PostgreSQL 15 nodes under ${patroni} with synchronous replication (one synchronous standby), HAProxy routing to the primary by Patroni's \`/primary\` check, two \`rabita serve\` (jobs off) behind nginx; deploy/cluster's files, with Patroni's timings lowered for the test (ttl 10 s, loop_wait 1 s, retry_timeout 4 s; production 30 / 10 / 10).`,
    'Each surge: 2 announced sessions of 30 seats (quotas of 5 for four nations), 110 submitted nominations, 10 waitlisted; the registrar selects the rest, 16 requests in flight, and the nations withdraw 4 acknowledged selections per session (freed seats promote waitlisted nominations). The first surge goes straight to one app server (the single-server figure), the others through nginx. A request answered 503 is tried again after 200 ms until it is acknowledged or refused. "Failed" counts the 503 answers (each a problem+json: `database_unavailable` from Rabita, `server_unavailable` from nginx); "lost" acknowledged decisions not stored; "duplicated" decisions stored twice; "without service" the longest time between two acknowledged answers; "decisions settled per second" the acknowledged and refused answers over the whole surge (on 2 shared cores, the synchronous commit to a standby on the same disk sets the pace more than the app servers do; a surge settles in under a second, so the rates compare the two paths, one server against two behind nginx, not what a larger host would carry).',
    '',
    '| surge | requests | acknowledged | refused (409) | failed (503) | lost | duplicated | longest without service (s) | decisions settled per second |',
    '|---|---|---|---|---|---|---|---|---|',
    rowOf('single server: straight to one app server, nothing fails', figures.single),
    rowOf('baseline: two app servers behind nginx, nothing fails', figures.baseline),
    rowOf('kill -9 of one app server after 30 selections', figures.app),
    rowOf(`kill -9 of the primary (Patroni and PostgreSQL) after 30 selections`, figures.primary),
    '',
    `From the primary's kill to a writable primary behind HAProxy: **${Number(facts.promotionSeconds ?? Number.NaN).toFixed(1)} s** (Patroni's leader lock expires after its ttl, then the synchronous standby is promoted). The old primary, started again, rejoined as a replica of the new one holding the same nominations after ${Number(facts.rejoinSeconds ?? Number.NaN).toFixed(1)} s.`,
    `Seats after each surge equal the selections, no session or quota over its seats; every acknowledged selection and withdrawal has exactly one event and one audit record on the new primary. E-mails (the job worker started after the surges, as in \`bench:nominations\`): ${facts.mailReceived} joining-instructions e-mails received of ${facts.mailOwed} owed, ${facts.mailDuplicated} duplicated.`,
    `The whole test, set-up (${facts.setUpSeconds} s: cluster, migrations, demo centre, nominations) included: ${Math.round((Date.now() - began) / 1000)} s.`,
    '',
  ].join('\n');
  const file = path.join(REPO, 'docs', 'benchmarks.md');
  const current = fs.readFileSync(file, 'utf8');
  const heading = '## Failover';
  const start = current.indexOf(heading);
  if (start === -1) {
    fs.writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf('\n## ', start + heading.length);
  fs.writeFileSync(
    file,
    `${current.slice(0, start)}${section}${next === -1 ? '' : current.slice(next)}`,
  );
}
