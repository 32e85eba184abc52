import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../../../test/support/app.js';
import { seedPartners } from '../../../../../test/support/factories.js';
import type { AuditChainStatus } from '../../../../contract/audit.js';
import { runDueJobs } from '../../../jobs/run-due.js';
import { loadSigningKey, publicKeyOnly } from './signing-key.js';
import { verifyAuditChain } from './verify.js';

const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-audit-key-')), 'key.pem');

describe('the audit chain through the API', () => {
  let t: TestApp;
  let admin: Session;
  let registrar: Session;
  const key = loadSigningKey(keyFile, { create: true });

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  const status = async () => {
    const response = await call(t.app, admin, 'GET', '/api/v1/audit/chain');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditChainStatus>();
  };
  const runJobs = () =>
    runDueJobs({
      db: t.db.db,
      url: t.db.url,
      auditKey: key,
      only: ['audit.verify', 'audit.checkpoint'],
    });

  it('reports a chain never checked, then the check asked for on the page', async () => {
    const before = await status();
    expect(before.lastCheck).toBeNull();
    expect(Number(before.headSeq)).toBeGreaterThan(0);

    const asked = await call(t.app, admin, 'POST', '/api/v1/audit/chain/checks');
    expect(asked.statusCode, asked.body).toBe(202);
    await runJobs();
    const after = await status();
    expect(after.lastCheck).toMatchObject({ intact: true, source: 'web', problem: null });
    // The request itself is in the chain, and was checked.
    expect(after.lastCheck?.records).toBe(Number(after.headSeq));
    const { rows } = await t.db.pool.query(
      `select actor_id from audit_log where action = 'audit.check_requested'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('exports signed checkpoints an auditor can check with the public key alone', async () => {
    await t.db.pool.query(`select graphile_worker.add_job('audit.checkpoint', '{}'::json)`);
    await runJobs();
    const response = await call(t.app, admin, 'GET', '/api/v1/audit/checkpoints');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const exported = response.json<{ checkpoints: { seq: string; publicKey: string }[] }>();
    expect(exported.checkpoints).toHaveLength(1);
    const auditor = publicKeyOnly(exported.checkpoints[0]?.publicKey ?? '');
    const report = await verifyAuditChain(t.db.db, { key: auditor });
    expect(report).toMatchObject({ intact: true, checkpoints: 1 });
    expect((await status()).lastCheckpoint?.seq).toBe(exported.checkpoints[0]?.seq);
  });

  it('shows a record edited in the database as the page reads it', async () => {
    const admin_ = new pg.Client({ connectionString: t.db.adminUrl });
    await admin_.connect();
    const { rows } = await admin_.query<{ id: string }>(
      `update audit_log set entity_id = 'changed' where chain_seq = 2 returning id::text as id`,
    );
    await admin_.end();
    await call(t.app, admin, 'POST', '/api/v1/audit/chain/checks');
    await runJobs();
    const { lastCheck } = await status();
    expect(lastCheck?.intact).toBe(false);
    expect(lastCheck?.problem).toMatchObject({ kind: 'edited', seq: '2', recordId: rows[0]?.id });
  });

  it('is for those who read the audit trail only', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/audit/chain'],
      ['POST', '/api/v1/audit/chain/checks'],
      ['GET', '/api/v1/audit/checkpoints'],
    ] as const) {
      const response = await call(t.app, registrar, method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
