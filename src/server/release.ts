import fs from 'node:fs';

/**
 * This release's version, from the package.json it ships with: two folders up from here in the
 * sources (src/server) and in the build (dist/server) alike.
 */
export function releaseVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}
