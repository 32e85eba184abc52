import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports, resolved to a path under src/ when relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(([, spec = '']) =>
    spec.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), spec)) : spec,
  );
}

// The direction of dependencies, checked on every run (STYLE.md: pure rules stay pure).
const RULES: { layer: string; mayNotImport: RegExp; why: string }[] = [
  {
    layer: 'domain',
    mayNotImport: /^(server|web|cli)\/|^node:|^pg$|^drizzle|^fastify/,
    why: 'domain rules are pure: no I/O, no framework',
  },
  {
    layer: 'contract',
    mayNotImport: /^(server|web|cli|domain)\/|^node:/,
    why: 'the contract is shared by server and web',
  },
  {
    layer: 'web',
    mayNotImport: /^(server|cli)\/|^node:|^pg$|^drizzle/,
    why: 'the browser never loads server code',
  },
  {
    layer: 'server',
    mayNotImport: /^(web|cli)\//,
    why: 'the server does not depend on the web app or the CLI',
  },
];

describe('dependency direction', () => {
  for (const rule of RULES) {
    it(`${rule.layer}/ does not import what it must not (${rule.why})`, () => {
      const offending = sourceFiles(path.join(src, rule.layer)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => rule.mayNotImport.test(spec))
          .map((spec) => `${path.relative(src, file)} -> ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
