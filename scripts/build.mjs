#!/usr/bin/env node
// Builds what ships: the server's TypeScript compiled file by file into dist/ (esbuild, no
// bundling, so paths such as db/migrations stay where the code looks for them) and the web app
// into dist/web (Vite).
//
//   node scripts/build.mjs              build both
//   node scripts/build.mjs --if-stale   build only what is missing or older than its sources
//   node scripts/build.mjs server       one part (server | web)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** The server's source folders; the web app's own code (src/web) is Vite's. */
const SERVER_DIRS = ['cli', 'server', 'contract', 'domain'];
/** Only tests import these. */
const TEST_ONLY = /(\.test|fixtures?|test-data)\.ts$/;
/** Read at run time beside the code that reads them. */
const ASSETS = /\.(json|sql)$/;
const SERVER_STAMP = path.join(dist, '.server-built');
const WEB_INDEX = path.join(dist, 'web', 'index.html');
const WEB_SOURCES = ['src/web', 'src/contract', 'src/domain', 'index.html', 'vite.config.ts'];

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const stale = (output, sources) => {
  const built = newestMtime(output);
  return built === 0 || sources.some((s) => newestMtime(path.join(root, s)) > built);
};

async function buildServer() {
  const { build } = await import('esbuild');
  const sources = SERVER_DIRS.flatMap((dir) => walk(path.join(root, 'src', dir)));
  for (const dir of SERVER_DIRS) fs.rmSync(path.join(dist, dir), { recursive: true, force: true });
  await build({
    entryPoints: sources.filter((f) => f.endsWith('.ts') && !TEST_ONLY.test(f)),
    outdir: dist,
    outbase: path.join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of sources.filter((f) => ASSETS.test(f))) {
    const to = path.join(dist, path.relative(path.join(root, 'src'), file));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(file, to);
  }
  fs.writeFileSync(SERVER_STAMP, `${new Date().toISOString()}\n`);
}

function buildWeb() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the web app did not build');
}

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const parts = args.filter((a) => !a.startsWith('--'));
const wanted = (part) => parts.length === 0 || parts.includes(part);

try {
  if (
    wanted('server') &&
    (!ifStale ||
      stale(
        SERVER_STAMP,
        SERVER_DIRS.map((d) => `src/${d}`),
      ))
  ) {
    const started = Date.now();
    await buildServer();
    console.log(`Built the server into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  if (wanted('web') && (!ifStale || stale(WEB_INDEX, WEB_SOURCES))) {
    console.log('Building the web app into dist/web...');
    buildWeb();
  }
} catch (error) {
  console.error(`build: ${error.message}`);
  process.exit(1);
}
