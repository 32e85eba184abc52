import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { runRabita } from '../../test/support/rabita-process.js';
import type { Plan } from '../contract/plans.js';

describe('rabita plan', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-plan-cli-'));

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the summary and writes the version; a bad year is a usage error', async () => {
    const env = { DATABASE_URL: db.url, RABITA_MIGRATION_DATABASE_URL: db.adminUrl };
    const out = path.join(dir, 'plan-2031.json');
    // A year with no agreed programme still plans: an empty version, said so.
    const planned = await runRabita(['plan', '2031', '--out', out, '--seconds', '5'], env);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('Plan 2031 version 1');
    expect(planned.stdout).toContain('seats: 0 of 0 planned seats met');
    expect(planned.stdout).toContain(`Written to ${out}`);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as Plan;
    expect(written).toMatchObject({ year: 2031, version: 1, sessions: [] });

    const bad = await runRabita(['plan', '1999'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YEAR must be a year from 2000 to 2100');
  });
});
