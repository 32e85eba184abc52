import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../scripts/build.mjs',
);

/**
 * Builds what the tests start as real processes (`bin/rabita.js` runs dist/), when it is missing
 * or older than its sources: the same step `npm start` takes.
 */
export function buildIfStale(...parts: Array<'server' | 'web'>) {
  const result = spawnSync(process.execPath, [script, '--if-stale', ...parts], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the build failed (${parts.join(', ')})`);
}
