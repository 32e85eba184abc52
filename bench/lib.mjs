// Shared by the benchmarks: child processes that announce readiness, and the figures file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Starts a child process and resolves with it and the first stdout match of `ready`. */
export function startChild(command, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before ready:\n${out}\n${err}`)),
    );
  });
}

/** Replaces one benchmark's section of docs/benchmarks.md, keeping the others. */
export function writeSection(heading, section) {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures are medians measured beside a baseline in the same run; compare ratios, not absolute times.\n';
  const start = current.indexOf(heading);
  if (start === -1) return fs.writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
  const next = current.indexOf('\n## ', start + heading.length);
  fs.writeFileSync(
    file,
    `${current.slice(0, start)}${section}${next === -1 ? '' : current.slice(next)}`,
  );
}
