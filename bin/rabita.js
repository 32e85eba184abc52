#!/usr/bin/env node
// The `rabita` command: runs the compiled server in dist/ (npm run build makes it).
import { existsSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  // Node 20 ran out of support in April 2026: it still runs, with a word at start (runServe).
  process.stderr.write(`rabita: Node ${process.versions.node} is too old; use Node 22 or 24.\n`);
  process.exit(1);
}
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('rabita: this copy is not built yet; run "npm run build" first.\n');
  process.exit(1);
}
await import(main.href);
