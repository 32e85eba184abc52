import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface InstalledRelease {
  /** The folder it was installed into, as a centre's IT officer would. */
  dir: string;
  /** Its `rabita` command (node_modules/rabita/bin/rabita.js). */
  bin: string;
  tarball: string;
}

/**
 * `npm pack` of this checkout, then `npm install --omit=dev ./rabita-x.y.z.tgz` into an empty
 * folder: the release exactly as it is shipped, with none of the development tools.
 */
export async function installPackedRelease(): Promise<InstalledRelease> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-release-'));
  // Root's embedded PostgreSQL runs as "postgres", who must enter the folder.
  fs.chmodSync(dir, 0o755);
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', dir], {
    cwd: REPO,
    maxBuffer: 16 * 1024 * 1024,
  });
  const name = packed.stdout.trim().split('\n').pop() ?? '';
  const tarball = path.join(dir, name);
  if (!name.endsWith('.tgz') || !fs.existsSync(tarball))
    throw new Error(`npm pack made no tarball:\n${packed.stdout}\n${packed.stderr}`);
  const app = path.join(dir, 'app');
  fs.mkdirSync(app, { mode: 0o755 });
  await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], {
    cwd: app,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { dir: app, bin: path.join(app, 'node_modules', 'rabita', 'bin', 'rabita.js'), tarball };
}
