// Start-up benchmark: cold first start (initdb + migrate + demo), warm start, and memory after
// start, each beside a baseline from the same run (a bare Node HTTP server; the embedded
// PostgreSQL's own initdb + start). The packed release, installed as a centre installs it, and
// the sources run through tsx (as releases up to 0.1.0 ran) start on the same data folder, so
// the compiled build is compared with both. Writes the figures into docs/benchmarks.md.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, root, writeSection } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Spawns a command under /usr/bin/time -v, waits for `ready` on stdout, reads RSS, stops it. */
function timedStart(command, args, env, ready) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', command, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    let readyMs = null;
    let rssKb = null;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (readyMs === null && ready.test(stdout)) {
        readyMs = Number(process.hrtime.bigint() - started) / 1e6;
        rssKb = treeRssKb(child.pid);
        // Signal the measured program, not /usr/bin/time, so time reports its usage and exits.
        for (const pid of childrenOf(child.pid)) process.kill(pid, 'SIGTERM');
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', () => {
      if (readyMs === null) return reject(new Error(`never became ready:\n${stdout}\n${stderr}`));
      const maxRss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ readyMs, rssKb, maxRssKb: maxRss });
    });
  });
}

function processTree() {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  return children;
}

function childrenOf(pid) {
  return processTree().get(pid) ?? [];
}

/** Resident memory of a process and all its descendants (Node + PostgreSQL), from /proc. */
function treeRssKb(pid) {
  const children = processTree();
  const rss = (p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const walk = (p) => rss(p) + (children.get(p) ?? []).reduce((sum, c) => sum + walk(c), 0);
  return {
    total: walk(pid),
    node: (children.get(pid) ?? []).map(rss).reduce((a, b) => Math.max(a, b), 0),
  };
}

/** `npm pack` + `npm install --omit=dev` into a folder of its own; its `rabita` command. */
function installPackedRelease(tmp) {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: root });
  const tarball = path.join(tmp, out.toString().trim().split('\n').pop());
  const dir = path.join(tmp, 'release');
  fs.mkdirSync(dir, { mode: 0o755 });
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: dir });
  return path.join(dir, 'node_modules', 'rabita', 'bin', 'rabita.js');
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-bench-'));
  fs.chmodSync(tmp, 0o755);
  process.stdout.write('packing and installing the release...\n');
  const packedBin = installPackedRelease(tmp);
  const baseline = { node: [], pg: [] };
  const rabita = { cold: [], warm: [], rssAfterStart: [], nodeRss: [], maxRss: [] };
  const packed = { warm: [], nodeRss: [] };
  const sources = { warm: [], nodeRss: [] };
  const bareServer =
    "require('node:http').createServer().listen(0,'127.0.0.1',()=>console.log('listening'))";
  const barePg = `import('${path.join(root, 'src/server/db/embedded.ts')}').then(async(m)=>{await m.startEmbeddedPostgres(process.argv[1]);console.log('pg ready')})`;
  for (let i = 0; i < RUNS; i++) {
    const dir = path.join(tmp, `run-${i}`);
    baseline.node.push((await timedStart('node', ['-e', bareServer], {}, /listening/)).readyMs);
    const pgDir = path.join(tmp, `pg-${i}`);
    baseline.pg.push(
      (await timedStart('node', ['--import', 'tsx', '-e', barePg, pgDir], {}, /pg ready/)).readyMs,
    );
    const env = { RABITA_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'warn' };
    const cold = await timedStart(
      'node',
      ['bin/rabita.js', 'serve'],
      env,
      /Password for every demo account/,
    );
    rabita.cold.push(cold.readyMs);
    const warm = await timedStart('node', ['bin/rabita.js', 'serve'], env, /Rabita is running/);
    rabita.warm.push(warm.readyMs);
    rabita.rssAfterStart.push(warm.rssKb.total);
    rabita.nodeRss.push(warm.maxRssKb);
    const fromPack = await timedStart('node', [packedBin, 'serve'], env, /Rabita is running/);
    packed.warm.push(fromPack.readyMs);
    packed.nodeRss.push(fromPack.maxRssKb);
    const throughTsx = await timedStart(
      'node',
      ['--import', 'tsx', 'src/cli/main.ts', 'serve'],
      env,
      /Rabita is running/,
    );
    sources.warm.push(throughTsx.readyMs);
    sources.nodeRss.push(throughTsx.maxRssKb);
    process.stdout.write(
      `run ${i + 1}/${RUNS}: cold ${cold.readyMs.toFixed(0)} ms, warm ${warm.readyMs.toFixed(0)} ms, packed ${fromPack.readyMs.toFixed(0)} ms, tsx ${throughTsx.readyMs.toFixed(0)} ms\n`,
    );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const mb = (kb) => (kb / 1024).toFixed(0);
  const row = (name, value, base, baseName) =>
    `| ${name} | ${value} | ${baseName} | ${base} | ${(Number.parseFloat(value) / Number.parseFloat(base)).toFixed(1)}x |`;
  const section = [
    '## Start-up (`npm run bench:start`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.version}; median of ${RUNS} runs.`,
    'Ready = the line that says the server is listening (cold: after the demo banner). Every start runs',
    'compiled JavaScript from dist/ (`npm start` builds it once on a fresh clone: about 0.5 s for the',
    'server and 15 s for the web app), except the last rows: the same sources run through tsx, as',
    'releases up to 0.1.0 ran. Warm starts include the embedded PostgreSQL starting on its folder.',
    'Goals: warm start <= 3x the bare Node server, the Node process <= 120 MB.',
    '',
    '| measure | Rabita | baseline | baseline value | ratio |',
    '|---|---|---|---|---|',
    row(
      'cold first start: initdb + migrate + demo (ms)',
      median(rabita.cold).toFixed(0),
      median(baseline.pg).toFixed(0),
      'embedded PostgreSQL initdb + start alone (ms)',
    ),
    row(
      'warm start (ms)',
      median(rabita.warm).toFixed(0),
      median(baseline.node).toFixed(0),
      'bare Node HTTP server start (ms)',
    ),
    row(
      'warm start of the packed release, installed with `npm install --omit=dev` (ms)',
      median(packed.warm).toFixed(0),
      median(baseline.node).toFixed(0),
      'bare Node HTTP server start (ms)',
    ),
    row(
      'warm start, sources through tsx as 0.1.0 ran (ms)',
      median(sources.warm).toFixed(0),
      median(rabita.warm).toFixed(0),
      'compiled warm start (ms)',
    ),
    `| RSS after start, Node + PostgreSQL processes (MB) | ${mb(median(rabita.rssAfterStart))} | | | |`,
    `| Max RSS of the Node process, \`/usr/bin/time -v\` (MB) | ${mb(median(rabita.nodeRss))} | | | |`,
    `| Max RSS of the Node process, packed release (MB) | ${mb(median(packed.nodeRss))} | | | |`,
    `| Max RSS of the Node process, sources through tsx (MB) | ${mb(median(sources.nodeRss))} | | | |`,
    '',
  ].join('\n');
  writeSection('## Start-up', section);
  process.stdout.write(`\n${section}\n`);
}

await main();
