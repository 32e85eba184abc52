import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/database.js';
import { recordAudits } from '../record.js';
import { exportCheckpoints, signAuditCheckpoint } from './checkpoints.js';
import { loadSigningKey, publicKeyOnly } from './signing-key.js';
import { verifyAuditChain } from './verify.js';

const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-audit-key-')), 'key.pem');
const key = loadSigningKey(keyFile, { create: true });

let db: TestDatabase | null = null;
afterEach(async () => {
  await db?.destroy();
  db = null;
});

/** `count` records written by the app, `perTransaction` to a transaction, `inFlight` at once. */
async function write(t: TestDatabase, count: number, perTransaction = 1, inFlight = 1) {
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const first = next;
      next += perTransaction;
      await t.db.transaction((tx) =>
        recordAudits(
          { tx, actor: null, requestId: `req-${first}` },
          Array.from({ length: Math.min(perTransaction, count - first) }, (_, i) => ({
            action: 'test.written',
            entityType: 'thing',
            entityId: String(first + i),
            after: { n: first + i, name: 'مُحَمَّد', nested: { b: 1, a: [true, null] } },
          })),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: inFlight }, writer));
}

/** Runs SQL as the database's superuser: what someone with direct access could do. */
async function tamper(t: TestDatabase, ...statements: string[]) {
  const client = new pg.Client({ connectionString: t.adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function idAt(t: TestDatabase, seq: number): Promise<string> {
  const { rows } = await t.pool.query<{ id: string }>(
    'select id::text as id from audit_log where chain_seq = $1',
    [seq],
  );
  if (!rows[0]) throw new Error(`no record at place ${seq}`);
  return rows[0].id;
}

async function fresh(records = 10) {
  db = await createTestDatabase();
  await write(db, records);
  return db;
}

describe('the audit chain', () => {
  it('chains every record, one after the other, even from concurrent writers', async () => {
    const t = await fresh(0);
    await write(t, 400, 3, 16);
    const { rows } = await t.pool.query<{ n: string; min: string; max: string }>(
      'select count(*)::text as n, min(chain_seq)::text as min, max(chain_seq)::text as max from audit_log',
    );
    expect(rows[0]).toEqual({ n: '400', min: '1', max: '400' });
    const report = await verifyAuditChain(t.db, { key });
    expect(report).toMatchObject({ intact: true, records: 400, headSeq: '400', problem: null });
  });

  it('checks one consistent snapshot while records are being written', async () => {
    const t = await fresh(200);
    const writing = write(t, 300, 2, 4);
    const reports = await Promise.all([
      verifyAuditChain(t.db, { key, batchSize: 50 }),
      verifyAuditChain(t.db, { key, batchSize: 7 }),
    ]);
    await writing;
    for (const report of reports) {
      expect(report.intact, report.problem?.message).toBe(true);
      expect(report.records).toBe(Number(report.headSeq));
    }
    expect((await verifyAuditChain(t.db, { key })).records).toBe(500);
  });

  it('keeps a rolled-back record out of the chain', async () => {
    const t = await fresh(3);
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudits({ tx, actor: null, requestId: 'r' }, [
          { action: 'test.undone', entityType: 'thing', entityId: 'x' },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await write(t, 2);
    expect(await verifyAuditChain(t.db, { key })).toMatchObject({ intact: true, records: 5 });
  });

  it('names a record edited in the database', async () => {
    const t = await fresh();
    const id = await idAt(t, 4);
    await tamper(t, `update audit_log set after = '{"n": 99}' where chain_seq = 4`);
    const report = await verifyAuditChain(t.db, { key });
    expect(report.problem).toMatchObject({ kind: 'edited', seq: '4', recordId: id });
    expect(report.problem?.message).toContain(`#${id}`);
    expect(report.records).toBe(3);
  });

  it('names where a record was deleted, in the middle and at the end', async () => {
    const t = await fresh();
    const next = await idAt(t, 6);
    await tamper(t, 'delete from audit_log where chain_seq = 5');
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'deleted',
      seq: '5',
      recordId: next,
    });

    await tamper(t, 'delete from audit_log where chain_seq >= 5');
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'deleted',
      seq: '5',
      recordId: null,
    });
  });

  it('names a record deleted with the places after it renumbered', async () => {
    const t = await fresh();
    const after = await idAt(t, 6);
    await tamper(
      t,
      'delete from audit_log where chain_seq = 5',
      'update audit_log set chain_seq = chain_seq + 1000 where chain_seq > 5',
      'update audit_log set chain_seq = chain_seq - 1001 where chain_seq > 1000',
    );
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'deleted',
      seq: '5',
      recordId: after,
    });
  });

  it('names a record inserted between two others, even with a valid hash', async () => {
    const t = await fresh();
    await tamper(
      t,
      'update audit_log set chain_seq = chain_seq + 1000 where chain_seq > 3',
      'update audit_log set chain_seq = chain_seq - 999 where chain_seq > 1000',
      'alter table audit_log disable trigger audit_log_chain',
      `insert into audit_log (id, at, action, entity_type, entity_id, chain_seq, prev_hash, hash)
       select 9999, now(), 'forged', 'thing', 'x', 4, hash,
              audit_record_hash(9999, now(), null, 'forged', 'thing', 'x', null, null, null, hash)
       from audit_log where chain_seq = 3`,
      'alter table audit_log enable trigger audit_log_chain',
    );
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'inserted',
      seq: '4',
      recordId: '9999',
    });
  });

  it('names a record written with the chain switched off', async () => {
    const t = await fresh();
    await tamper(
      t,
      'alter table audit_log disable trigger audit_log_chain',
      `insert into audit_log (id, action, entity_type, entity_id) values (8888, 'slipped', 'thing', 'x')`,
      'alter table audit_log enable trigger audit_log_chain',
    );
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'unchained',
      recordId: '8888',
    });
  });

  it('names records swapped in order', async () => {
    const t = await fresh();
    const moved = await idAt(t, 4);
    await tamper(
      t,
      'update audit_log set chain_seq = 1000 where chain_seq = 3',
      'update audit_log set chain_seq = 3 where chain_seq = 4',
      'update audit_log set chain_seq = 4 where chain_seq = 1000',
    );
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'reordered',
      seq: '3',
      recordId: moved,
    });
  });

  it('catches a rewrite that recomputed every hash, by the signed checkpoint', async () => {
    const t = await fresh();
    const signed = await signAuditCheckpoint(t.db, key);
    expect(signed).toMatchObject({ signedSeq: '10', report: { intact: true } });
    await write(t, 5);
    // An edit, then every hash after it recomputed so that each link holds again.
    await tamper(
      t,
      `update audit_log set after = '{"n": 99}' where chain_seq = 4`,
      `do $$ declare r record; prev text; h text;
       begin
         select hash into prev from audit_log where chain_seq = 3;
         for r in select * from audit_log where chain_seq >= 4 order by chain_seq loop
           h := audit_record_hash(r.id, r.at, r.actor_id, r.action, r.entity_type,
                  r.entity_id, r.before, r.after, r.request_id, prev);
           update audit_log set prev_hash = prev, hash = h where id = r.id;
           prev := h;
         end loop;
         update audit_chain_head set hash = prev;
       end $$`,
    );
    expect((await verifyAuditChain(t.db, { key: null })).problem).toMatchObject({
      kind: 'rewritten',
      seq: '10',
    });
    // Rewriting the checkpoint's hash too leaves only its signature to catch it.
    await tamper(
      t,
      'update audit_checkpoints set hash = (select hash from audit_log where chain_seq = 10)',
    );
    expect((await verifyAuditChain(t.db, { key: null })).intact).toBe(true);
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'bad-signature',
      seq: '10',
    });
  });

  it('refuses a forged checkpoint signature and checks exports with the public key alone', async () => {
    const t = await fresh();
    await signAuditCheckpoint(t.db, key);
    const [exported] = await exportCheckpoints(t.db);
    expect(exported).toMatchObject({ seq: '10', keyId: key.keyId });
    const auditor = publicKeyOnly(exported?.publicKey ?? '');
    expect((await verifyAuditChain(t.db, { key: auditor })).intact).toBe(true);

    await tamper(t, `update audit_checkpoints set signed_at = signed_at + interval '1 second'`);
    expect((await verifyAuditChain(t.db, { key })).problem).toMatchObject({
      kind: 'bad-signature',
      seq: '10',
    });
  });

  it('signs only a chain that holds, and only when it grew', async () => {
    const t = await fresh();
    expect((await signAuditCheckpoint(t.db, key)).signedSeq).toBe('10');
    expect((await signAuditCheckpoint(t.db, key)).signedSeq).toBeNull();
    await write(t, 2);
    await tamper(t, `update audit_log set entity_id = 'changed' where chain_seq = 11`);
    const outcome = await signAuditCheckpoint(t.db, key);
    expect(outcome.signedSeq).toBeNull();
    expect(outcome.report.problem).toMatchObject({ kind: 'edited', seq: '11' });
    const { rows } = await t.pool.query('select intact, source from audit_verifications');
    expect(rows).toEqual([{ intact: false, source: 'schedule' }]);
  });

  it('leaves the app no way to move the head or rewrite a checkpoint', async () => {
    const t = await fresh(2);
    await expect(t.pool.query('update audit_chain_head set seq = 1')).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.pool.query('delete from audit_checkpoints')).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.pool.query('delete from audit_log')).rejects.toThrow(/permission denied/);
  });
});
