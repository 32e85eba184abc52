import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import type { Programme } from '../../contract/programmes.js';
import { systemContext } from '../features/context.js';
import { getProgramme } from '../features/programmes/service.js';
import { loadDemoCentre } from './load.js';

describe('the demo programmes', () => {
  let db: TestDatabase;
  const now = new Date('2026-11-26T09:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];

  it('gives each ICI member an active programme and Saudi Arabia a draft', async () => {
    const list = await rows<{ nation_code: string; status: string; version: number }>(
      'select nation_code, status, version from programmes order by nation_code',
    );
    expect(list.map((p) => [p.nation_code, p.status])).toEqual([
      ['ARE', 'active'],
      ['BHR', 'active'],
      ['KWT', 'active'],
      ['QAT', 'active'],
      ['SAU', 'draft'],
    ]);
  });

  it('shows real movement, some lines lagging, and links nominations to planned activities', async () => {
    const [kwt] = await rows<{ id: string }>("select id from programmes where nation_code = 'KWT'");
    const programme: Programme = await db.db.transaction((tx) =>
      getProgramme(systemContext(tx, 'test'), kwt?.id ?? ''),
    );
    expect(programme.objectives).toHaveLength(2);
    expect(programme.objectives.map((o) => o.goals.length)).toEqual([2, 3]);
    expect(programme.progress.offered).toBeGreaterThan(0);
    expect(programme.progress.selected).toBeGreaterThan(0);
    expect(programme.progress.completed).toBeGreaterThan(0);
    expect(programme.progress.lagReasons.length).toBeGreaterThan(0);
    const [linked] = await rows<{ n: number }>(
      "select count(*)::int as n from nominations where planned_activity_id is not null and nation_code = 'KWT'",
    );
    expect(linked?.n).toBeGreaterThan(0);
  });
});
