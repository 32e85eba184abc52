import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { DEMO_ACCOUNTS, loadDemoCentre } from './load.js';

describe('the demo centre', () => {
  let db: TestDatabase;
  // A Thursday in Kuwait's working week, so the sessions land on known days.
  const now = new Date('2026-11-26T09:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];

  it('has every account, nation and course of the demo facts', async () => {
    const [counts] = await rows<{ users: number; nations: number; activities: number }>(
      `select (select count(*)::int from users) as users, (select count(*)::int from nations) as nations,
              (select count(*)::int from activities) as activities`,
    );
    expect(counts).toEqual({ users: DEMO_ACCOUNTS.length, nations: 10, activities: 20 });
  });

  it('places sessions around the day it is loaded', async () => {
    const byStatus = await rows<{ status: string; n: number }>(
      'select status, count(*)::int as n from training_sessions group by status',
    );
    const count = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
    expect(count('completed')).toBeGreaterThanOrEqual(20);
    expect(count('in-progress')).toBe(1);
    expect(count('announced')).toBeGreaterThanOrEqual(5);
    expect(count('draft')).toBeGreaterThanOrEqual(1);
    const [running] = await rows<{ start_date: string; end_date: string; venue_code: string }>(
      "select start_date, end_date, venue_code from training_sessions where status = 'in-progress'",
    );
    expect(running?.venue_code).toBe('KWI-NIRC');
    expect((running?.start_date ?? '9999') <= '2026-11-26').toBe(true);
    expect((running?.end_date ?? '') >= '2026-11-26').toBe(true);
    const [past] = await rows<{ oldest: string }>(
      'select min(start_date) as oldest from training_sessions',
    );
    expect((past?.oldest ?? '9999') < '2024-06-01').toBe(true);
  });

  it('has an open session whose nominations close within a week, and mobile teams in Iraq and Jordan', async () => {
    const closingSoon = await rows<{ code: string }>(
      `select code from training_sessions where status = 'announced'
       and nomination_deadline between '2026-11-26T09:00:00Z' and '2026-12-03T09:00:00Z'`,
    );
    expect(closingSoon.length).toBeGreaterThanOrEqual(1);
    const venues = await rows<{ venue_code: string }>(
      'select distinct venue_code from training_sessions',
    );
    expect(venues.map((v) => v.venue_code)).toEqual(
      expect.arrayContaining(['KWI-NIRC', 'BGW', 'AMM']),
    );
  });

  it('starts every Kuwait session on a working day of its venue', async () => {
    const days = await rows<{ dow: number }>(
      "select distinct extract(dow from start_date)::int as dow from training_sessions where venue_code = 'KWI-NIRC'",
    );
    for (const { dow } of days) expect([0, 1, 2, 3, 4]).toContain(dow);
  });
});
