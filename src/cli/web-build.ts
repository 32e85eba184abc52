import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(root, 'dist', 'web');

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/**
 * Builds the web app when the build is missing or older than its sources, so that
 * `npm ci && npm start` works on a fresh clone. Without Vite (a production install that
 * ships dist/web), the existing build is served as it is.
 */
export function ensureWebBuilt(log: (line: string) => void): string | null {
  const index = path.join(WEB_ROOT, 'index.html');
  // The web app imports the contract and a few pure rules of the domain as well as its own code.
  const sources = ['src/web', 'src/contract', 'src/domain', 'index.html', 'vite.config.ts'].map(
    (p) => path.join(root, p),
  );
  const built = newestMtime(index);
  if (built > 0 && sources.every((s) => newestMtime(s) <= built)) return WEB_ROOT;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) return built > 0 ? WEB_ROOT : null;
  log('Building the web app (first start, or its sources changed)...');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    log('The web app did not build; serving the API only.');
    return built > 0 ? WEB_ROOT : null;
  }
  return WEB_ROOT;
}

/** The web build as it is, without checking its sources. */
export function existingWebBuild(): string | null {
  return fs.existsSync(path.join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null;
}
