import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { listSessionCertificates } from '../features/certificates/service.js';
import { systemContext } from '../features/context.js';
import { getResults } from '../features/results/service.js';
import { demoMarks, loadDemoHistory } from './history.js';
import { loadDemoCentre } from './load.js';

describe('the demo history', () => {
  let db: TestDatabase;
  const now = new Date('2026-11-26T09:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];
  const counts = () =>
    rows<{ marks: number; results: number; closed: number }>(
      `select (select count(*)::int from attendance_marks) as marks,
              (select count(*)::int from participant_results) as results,
              (select count(*)::int from session_delivery where results_closed_at is not null) as closed`,
    );

  it('closes every past session that has results, with a confirmed result per nomination', async () => {
    const open = await rows<{ code: string }>(
      `select s.code from training_sessions s
        where s.status = 'completed'
          and exists (select 1 from nominations n where n.session_id = s.id and n.result is not null)
          and not exists (select 1 from session_delivery d
                           where d.session_id = s.id and d.results_closed_at is not null
                             and d.results_closed_at < s.end_date + 3 and d.results_closed_by = s.director_id)`,
    );
    expect(open).toEqual([]);
    const disagreeing = await rows<{ id: string }>(
      `select n.id from nominations n
         join training_sessions s on s.id = n.session_id
         join activities a on a.id = s.activity_id and a.kind = 'course'
         left join participant_results r on r.nomination_id = n.id
        where n.result is not null
          and (r.status is distinct from n.result or r.confirmed_at is null or r.confirmed_by is null)`,
    );
    expect(disagreeing).toEqual([]);
    // An event, an exercise or a visit is attended, not graded: no result is confirmed for it.
    const [graded] = await rows<{ n: number }>(
      `select count(*)::int as n from participant_results r
         join nominations n on n.id = r.nomination_id
         join training_sessions s on s.id = n.session_id
         join activities a on a.id = s.activity_id and a.kind <> 'course'`,
    );
    expect(graded?.n).toBe(0);
    // Nothing is made up for sessions without an outcome (running, confirmed, open).
    const [elsewhere] = await rows<{ n: number }>(
      `select count(*)::int as n from attendance_marks m join nominations n on n.id = m.nomination_id
        where n.result is null`,
    );
    expect(elsewhere?.n).toBe(0);
  });

  it('marks every working day: present enough to complete, never present for a no-show', async () => {
    const perNomination = await rows<{
      result: string;
      days: number;
      present: number;
      excused: number;
    }>(
      `select n.result, count(m.day)::int as days,
              count(*) filter (where m.status = 'present')::int as present,
              count(*) filter (where m.status = 'excused')::int as excused
         from nominations n join attendance_marks m on m.nomination_id = n.id
        where n.result is not null group by n.id, n.result`,
    );
    expect(new Set(perNomination.map((r) => r.result))).toEqual(new Set(['completed', 'no-show']));
    for (const r of perNomination) {
      if (r.result === 'no-show') expect(r.present).toBe(0);
      else expect(r.present * 100).toBeGreaterThanOrEqual(80 * (r.days - r.excused));
    }
    // Some who completed missed or were excused a day, so the rosters are not all perfect.
    expect(perNomination.some((r) => r.result === 'completed' && r.present < r.days)).toBe(true);
  });

  it('shows a past session closed, nothing unconfirmed, and certificates for those who completed', async () => {
    const [past] = await rows<{ code: string }>(
      `select s.code from training_sessions s join nominations n on n.session_id = s.id
        where n.result = 'no-show' order by s.start_date desc limit 1`,
    );
    if (!past) throw new Error('the demo has no past session with a no-show');
    await db.db.transaction(async (tx) => {
      const ctx = systemContext(tx, 'test');
      const results = await getResults(ctx, past.code);
      expect(results).toMatchObject({ closed: true, unconfirmed: 0, completionPercent: 80 });
      expect(results.closedByName).toBe('Col. Marco Rossi');
      expect(results.participants.length).toBeGreaterThan(0);
      const outcomes = results.participants.map((p) => p.status);
      expect(outcomes).toContain('no-show');
      expect(outcomes).toContain('completed');
      for (const p of results.participants) {
        expect(p.proposed?.status).toBe(p.status);
        expect(p.attendance.unmarked).toBe(0);
        if (p.status === 'completed')
          expect(p.postTestScore).toBeGreaterThan(p.preTestScore ?? 100);
        else expect(p.preTestScore).toBeNull();
      }
      const certificates = await listSessionCertificates(ctx, past.code);
      const byId = new Map(certificates.rows.map((r) => [r.nominationId, r.result]));
      for (const p of results.participants) expect(byId.get(p.nominationId)).toBe(p.status);
      // Every completion already holds its certificate, issued after the results were closed.
      expect(certificates.issuable).toBe(0);
      for (const row of certificates.rows) {
        if (row.result === 'completed') expect(row.certificate?.revokedAt).toBeNull();
        else expect(row.certificate).toBeNull();
      }
    });
  });

  it('writes nothing twice when run again', async () => {
    const before = await counts();
    await db.db.transaction((tx) => loadDemoHistory(tx, now));
    expect(await counts()).toEqual(before);
    expect(before[0]?.marks).toBeGreaterThan(0);
  });

  it('rosters propose the result under the default rule, short sessions included', () => {
    expect(demoMarks('no-show', 3, 0)).toEqual(['absent', 'absent', 'absent']);
    expect(demoMarks('completed', 5, 1)).toEqual([
      'present',
      'present',
      'absent',
      'present',
      'present',
    ]);
    // Four days at 80%: one absence would be 75%, so nobody who completed misses one.
    expect(demoMarks('completed', 4, 1)).toEqual(['present', 'present', 'present', 'present']);
    expect(demoMarks('completed', 2, 3)).toEqual(['present', 'excused']);
    expect(demoMarks('partially-attended', 5, 0)).toEqual([
      'present',
      'present',
      'absent',
      'absent',
      'absent',
    ]);
  });
});
