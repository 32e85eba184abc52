import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { makePerson } from '../nominations/test-fixtures.js';
import { deliveredSession, seatedNomination } from '../results/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { trainedPeople } from './queries.js';
import { refreshRollupsIfDue } from './refresh-job.js';
import { countSourceChanges, readRollupState, refreshReportRollups } from './rollups.js';

const ALL = { kind: 'all' } as const;

describe('report roll-ups', () => {
  let t: TestApp;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-ROLL');
    sessionId = await deliveredSession(t.db.db, 'ROLL-27', 'CT-ROLL');
  });

  afterAll(async () => {
    await t?.close();
  });

  const submittedNomination = async (nation: string) => {
    const id = await seatedNomination(
      t.db.db,
      sessionId,
      await makePerson(t.db.db, nation),
      nation,
    );
    await t.db.db.execute(sql`update nominations set submitted_at = now() where id = ${id}`);
  };
  const kuwaitNominated = async () =>
    (await trainedPeople(t.db.db, ALL, { groupBy: 'nation' })).find((r) => r.key === 'KWT')
      ?.nominated ?? 0;

  it('shows a change only once refreshed, and records when and how long that took', async () => {
    await refreshReportRollups(t.db.db);
    const before = await kuwaitNominated();
    await submittedNomination('KWT');
    expect(await kuwaitNominated()).toBe(before);

    const refreshed = await refreshReportRollups(t.db.db, () => new Date('2027-03-12T10:00:00Z'));
    expect(refreshed?.refreshedAt.toISOString()).toBe('2027-03-12T10:00:00.000Z');
    expect(await kuwaitNominated()).toBe(before + 1);
    expect(await readRollupState(t.db.db)).toEqual(refreshed);
  });

  it('lets only one server refresh at a time', async () => {
    const whileHeld = await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${0x7265706f})`);
      // Another connection tries while this one holds the lock.
      return refreshReportRollups(t.db.db);
    });
    expect(whileHeld).toBeNull();
    expect(await refreshReportRollups(t.db.db)).not.toBeNull();
  });

  it('counts changes to the source tables from the statistics PostgreSQL keeps', async () => {
    const before = await countSourceChanges(t.db.db);
    await submittedNomination('QAT');
    // The statistics reach other connections when the writer goes idle, within seconds.
    await expect
      .poll(() => countSourceChanges(t.db.db), { timeout: 30_000 })
      .toBeGreaterThan(before);
  });

  it('is refreshed by the report job when a source changed', async () => {
    await refreshReportRollups(t.db.db);
    const last = await readRollupState(t.db.db);
    const before = await kuwaitNominated();
    await submittedNomination('KWT');
    // The statistics that tell the job a source changed reach it within seconds.
    await expect
      .poll(
        async () => {
          await refreshRollupsIfDue(t.db.db);
          return kuwaitNominated();
        },
        { timeout: 30_000 },
      )
      .toBe(before + 1);
    const now = await readRollupState(t.db.db);
    expect(now?.refreshedAt.getTime()).toBeGreaterThan(last?.refreshedAt.getTime() ?? 0);
  });
});
