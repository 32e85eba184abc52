import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { seedPartners } from '../../test/support/factories.js';
import { runRabita } from '../../test/support/rabita-process.js';

describe('rabita webhooks', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const rabita = (args: string[]) => runRabita(['webhooks', ...args], env);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    env = { DATABASE_URL: db.url, RABITA_MIGRATION_DATABASE_URL: db.adminUrl };
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('adds an endpoint with its secret shown once, lists it, tests it and lists the delivery', async () => {
    const empty = await rabita(['list']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('No webhook endpoints');

    const added = await rabita([
      'add',
      'https://hooks.kuwait.example/rabita',
      '--event',
      'nomination.decided',
      '--event',
      'session.cancelled',
      '--nation',
      'KWT',
      '--description',
      'Kuwait MoD registry',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Signing secret \(shown once; give it to the receiver\): whsec_/);
    const id = added.stdout.split(/\s+/)[0] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await rabita(['list']);
    expect(listed.stdout).toContain('https://hooks.kuwait.example/rabita  (nation KWT, enabled;');
    expect(listed.stdout).not.toContain('whsec_');

    const tested = await rabita(['test', id]);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/^msg_\S+ {2}\S+ {2}webhook\.test {2}pending, 0 attempts/);
    const deliveries = await rabita(['deliveries', id, '--status', 'pending']);
    expect(deliveries.stdout).toContain('webhook.test');

    const audit = await db.pool.query(
      `select action from audit_log where entity_id = $1 order by id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.tested',
    ]);
  });

  it('refuses bad arguments (exit 2) and unknown records (exit 1), writing nothing', async () => {
    const plain = await rabita(['add', 'http://hooks.example.org/x', '--event', 'session.changed']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('must use https');
    const noEvent = await rabita(['add', 'https://hooks.example.org/x']);
    expect(noEvent.code).toBe(2);
    const badId = await rabita(['deliveries', 'not-an-id']);
    expect(badId.code).toBe(2);
    const unknown = await rabita(['resend', 'msg_0000000000000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^rabita: .*not found/i);
    const count = await db.pool.query('select count(*)::int as n from webhook_endpoints');
    expect(count.rows[0].n).toBe(1);
  });
});
