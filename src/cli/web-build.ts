import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the built web app is: beside the compiled server (dist/cli -> dist/web), or, when the
 * sources run under a test runner, in the checkout's dist/web.
 */
const CANDIDATES = [path.resolve(here, '../web'), path.resolve(here, '../../dist/web')];

/** The web build, or null when there is none (the server then serves the API alone). */
export function existingWebBuild(): string | null {
  return CANDIDATES.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}
