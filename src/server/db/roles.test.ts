import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeUser } from '../../../test/support/factories.js';
import { refreshReportRollups } from '../features/reports/rollups.js';
import { APP_ROLE } from './roles.js';

// The harness connects like the server: as the app role. What a flaw in the app could try
// with that connection must be refused by PostgreSQL itself.
describe('the app role', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Creating a user writes its audit record.
    await makeUser(db.db, ['administrator']);
  });
  afterAll(() => db.destroy());

  const refused = async (statement: string) => {
    await expect(db.pool.query(statement), statement).rejects.toMatchObject({ code: '42501' });
  };

  it('is who the app connects as, without any power over roles or databases', async () => {
    const { rows } = await db.pool.query(
      `select current_user as role, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
         from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      role: APP_ROLE,
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
    });
  });

  it('may append to the audit trail and read it, never rewrite or empty it', async () => {
    const { rows } = await db.pool.query('select count(*)::int as n from audit_log');
    expect(rows[0].n).toBeGreaterThan(0);
    await refused(`update audit_log set action = 'x.undone'`);
    await refused('delete from audit_log');
    await refused('truncate audit_log');
    const after = await db.pool.query('select count(*)::int as n from audit_log');
    expect(after.rows[0].n).toBe(rows[0].n);
  });

  it('may not change the schema', async () => {
    await refused('drop table audit_log');
    await refused('drop table users cascade');
    await refused('truncate users cascade');
    await refused('alter table users add column evil text');
    await refused('create table evil (id int)');
    await refused('drop materialized view report_seat_facts');
    await refused(`create or replace function refresh_report_rollups(concurrent boolean)
                   returns void language sql as 'select null'`);
    await refused('delete from drizzle.__drizzle_migrations');
  });

  it('still refreshes the report roll-ups, through the owner', async () => {
    await refused('refresh materialized view report_seat_facts');
    expect(await refreshReportRollups(db.db)).not.toBeNull();
    expect(await refreshReportRollups(db.db)).not.toBeNull();
  });
});
