import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { runRabita } from '../../test/support/rabita-process.js';
import { type SmtpFixture, startSmtpFixture } from '../server/features/messages/smtp-fixture.js';

/** `rabita doctor` with these settings (the data folder: one that exists and can be written). */
const doctor = (env: Record<string, string>) =>
  runRabita(['doctor'], { RABITA_DATA_DIR: '/tmp', LOG_LEVEL: 'warn', ...env });

describe('rabita doctor', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let smtp: SmtpFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpFixture();
  });

  afterAll(async () => {
    await smtp?.close();
    await db?.destroy();
  });

  it('finds nothing to fix on a migrated database with a mail server that answers', async () => {
    const result = await doctor({
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://training.example.org',
      RABITA_TRUST_PROXY: '1',
    });
    expect(result.stdout).toMatch(/^ok {4}database: PostgreSQL \d+/m);
    expect(result.stdout).toMatch(/^ok {4}migrations: the schema is this release’s$/m);
    expect(result.stdout).toMatch(/^ok {4}e-mail: smtp:\/\/127\.0\.0\.1:\d+ accepts connections$/m);
    // The unit suite builds the server only; the web build is the operations suite's business.
    const webBuilt = !/^FAIL {2}web app: not built/m.test(result.stdout);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('FAIL'));
    expect(failures).toEqual(webBuilt ? [] : [expect.stringMatching(/^FAIL {2}web app/)]);
    expect(result.code, result.stdout).toBe(webBuilt ? 0 : 1);
  });

  it('names what is wrong and what to do, without the password', async () => {
    const result = await doctor({
      DATABASE_URL: 'postgres://rabita_app:s3cret-pw@127.0.0.1:1/rabita',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}database: cannot reach postgres:\/\/rabita_app:\*\*\*@127\.0\.0\.1:1\/rabita: .+\n {6}-> check DATABASE_URL/m,
    );
    expect(result.stdout).toMatch(
      /^FAIL {2}e-mail: smtp:\/\/127\.0\.0\.1:1: .+\n {6}-> check SMTP_URL/m,
    );
    expect(result.stdout).toMatch(/^WARN {2}public address: PUBLIC_URL is not set/m);
    expect(result.stdout).not.toContain('s3cret-pw');
    const webBuilt = !/^FAIL {2}web app: not built/m.test(result.stdout);
    expect(result.stdout).toMatch(
      new RegExp(`^${webBuilt ? 2 : 3} to fix, \\d+ to look at\\.$`, 'm'),
    );
  });

  it('says which setting is invalid instead of failing with a stack', async () => {
    const result = await doctor({ RABITA_JOBS: 'sometimes' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}settings: RABITA_JOBS: /m);
    expect(result.stderr).toBe('');
  });
});
