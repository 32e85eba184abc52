import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The release a centre upgrades from: 0.1.0, which ran its TypeScript through tsx. When a
 * release is cut, set both to the release just made (the commit its tarball was packed from,
 * and the version its package.json carries), so that the next release is tested as an upgrade
 * from it. The previous release's own way of starting (tsx then, dist/
 * now) is its bin/rabita.js's business: the test only runs `node bin/rabita.js serve` there.
 */
export const PREVIOUS_RELEASE = {
  commit: '9b2accbd0b12f30eea843bf0f86368988854693b',
  version: '0.1.0',
} as const;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CheckedOutRelease {
  /** Its bin/rabita.js, to run with serveRabita. */
  bin: string;
  /** How its dependencies came: this checkout's node_modules linked, or its own `npm ci`. */
  dependencies: 'linked' | 'installed';
}

/**
 * The previous release's files from git history, in `dir`. It reuses this checkout's
 * node_modules when every runtime dependency it pins is installed here at that version (a
 * symbolic link, no time), and installs its own otherwise.
 */
export function checkOutPreviousRelease(dir: string): CheckedOutRelease {
  const { commit } = PREVIOUS_RELEASE;
  const archive = spawnSync('git', ['archive', '--format=tar', commit], {
    cwd: root,
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0)
    throw new Error(
      `git cannot read the previous release ${commit} (a shallow clone? "git fetch --unshallow"): ${archive.stderr}`,
    );
  fs.mkdirSync(dir, { recursive: true });
  run('tar', ['-x', '-C', dir], archive.stdout);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const bin = path.join(dir, 'bin', 'rabita.js');
  if (
    Object.entries(manifest.dependencies).every(([name, version]) => installed(name) === version)
  ) {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return { bin, dependencies: 'linked' };
  }
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], undefined, dir);
  return { bin, dependencies: 'installed' };
}

function installed(name: string): string | undefined {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
}

function run(command: string, args: string[], input?: Buffer, cwd = root) {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}
