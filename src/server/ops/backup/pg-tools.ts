import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { BackupError } from './errors.js';

/** The major version of a PostgreSQL client tool on PATH; refuses, in one line, a missing one. */
export async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  try {
    const { stdout } = await promisify(execFile)(tool, ['--version']);
    return Number(/\(PostgreSQL\) (\d+)/.exec(stdout)?.[1] ?? 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BackupError(
        `${tool} is not installed; a database given by DATABASE_URL is backed up with PostgreSQL's own tools: install its client tools (e.g. "apt install postgresql-client")`,
      );
    throw new BackupError(`${tool} --version failed: ${(error as Error).message}`);
  }
}

/**
 * Runs pg_dump or pg_restore against a URL, the password passed in the environment rather than
 * on the command line (where any local user could read it). Rejects with the tool's first
 * error line.
 */
export function runTool(
  tool: 'pg_dump' | 'pg_restore',
  url: string,
  args: string[],
  whileRunning?: () => void,
): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${parsed.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    const timer = whileRunning ? setInterval(whileRunning, 1000) : null;
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      reject(new BackupError(`${tool} could not run: ${error.message}`));
    });
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      if (code === 0) return resolve();
      const line =
        stderr
          .split('\n')
          .map((l) => l.trim())
          .find((l) => /error/i.test(l)) ?? stderr.trim().split('\n')[0];
      reject(
        new BackupError(
          `${tool} failed: ${(line || `exit status ${code}`).replace(/^pg_(dump|restore): /, '')}`,
        ),
      );
    });
  });
}

/** The URL with its password left out, to name a database in a message. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
