import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import type { Locale } from '../../contract/common.js';
import { gapsIn } from '../features/messages/message-gaps.js';
import { runDueJobs } from '../jobs/run-due.js';
import { DEMO_ACCOUNTS, loadDemoCentre } from './load.js';

describe('the demo centre', () => {
  let db: TestDatabase;
  // A Thursday in Kuwait's working week, so the sessions land on known days.
  const now = new Date('2026-11-26T09:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
    // The news of the demo's decisions is written by their jobs, as a server's worker would.
    await runDueJobs({ db: db.db, url: db.url });
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];

  it('has every account, nation and course of the demo facts', async () => {
    const [counts] = await rows<{ users: number; nations: number; activities: number }>(
      `select (select count(*)::int from users where not 'participant' = any(roles)
                 and email not like '%@visiting.rabita.example') as users, (select count(*)::int from nations) as nations,
              (select count(*)::int from activities) as activities`,
    );
    // Selected participants with an e-mail get accounts of their own besides the staff ones.
    expect(counts).toEqual({ users: DEMO_ACCOUNTS.length, nations: 10, activities: 20 });
  });

  // The demo's decisions go through the code that really sends e-mails, with lifelike records.
  it('queues every e-mail whole, in its reader’s language', async () => {
    const mails = await rows<{ event: string; locale: Locale; subject: string; body: string }>(
      'select event, locale, subject, body from outbox_messages order by id',
    );
    expect(mails.map((m) => m.event)).toContain('joining-instructions');
    for (const mail of mails) {
      expect(gapsIn(mail, mail.locale), `${mail.event} / ${mail.locale}`).toEqual([]);
    }
  });

  it('never has one person direct or teach two sessions at once', async () => {
    const clashes = await rows<{ a: string; b: string }>(
      `with staff as (
         select id as session_id, director_id as user_id from training_sessions
          where director_id is not null
         union all select session_id, user_id from session_instructors)
       select s1.code as a, s2.code as b
         from staff x join staff y on x.user_id = y.user_id and x.session_id < y.session_id
         join training_sessions s1 on s1.id = x.session_id
         join training_sessions s2 on s2.id = y.session_id
        where s1.start_date <= s2.end_date and s2.start_date <= s1.end_date`,
    );
    expect(clashes).toEqual([]);
    const [unstaffed] = await rows<{ n: number }>(
      'select count(*)::int as n from training_sessions where director_id is null',
    );
    expect(unstaffed?.n).toBe(0);
  });

  it('never has one person selected on two sessions at once', async () => {
    const pairs = await rows<{ person: string; a: string; b: string }>(
      `select x.participant_id as person, s1.code as a, s2.code as b
         from nominations x
         join nominations y on y.participant_id = x.participant_id and x.id < y.id
         join training_sessions s1 on s1.id = x.session_id
         join training_sessions s2 on s2.id = y.session_id
        where x.status = 'selected' and y.status = 'selected'
          and s1.start_date <= s2.end_date and s2.start_date <= s1.end_date`,
    );
    expect(pairs).toEqual([]);
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

  it('has people for every ICI nation, in both scripts, with varied English and clearances', async () => {
    const perNation = await rows<{ nation_code: string; n: number }>(
      'select nation_code, count(*)::int as n from participants group by nation_code',
    );
    const count = (code: string) => perNation.find((r) => r.nation_code === code)?.n ?? 0;
    for (const code of ['KWT', 'QAT', 'BHR', 'ARE']) expect(count(code)).toBeGreaterThanOrEqual(8);
    expect(perNation.length).toBeGreaterThan(4);
    const [missing] = await rows<{ n: number }>(
      `select count(*)::int as n from participants
       where family_name_arabic is null or given_names_arabic is null
          or email !~ ('^[a-z]+\\.[a-z]+@' || lower(nation_code) || '\\.example$')`,
    );
    expect(missing?.n).toBe(0);
    // Qatar has field officers on both sides of a 3222 English requirement.
    const qatar = await rows<{ profile: string }>(
      `select p->>'profile' as profile from participants, jsonb_array_elements(language_profiles) p
       where nation_code = 'QAT' and rank_code in ('OF-3', 'OF-4') and p->>'language' = 'en'`,
    );
    expect(qatar.map((r) => r.profile)).toEqual(expect.arrayContaining(['3332', '2211']));
    const [clearances] = await rows<{ soon: number; expired: number; civilians: number }>(
      `select count(*) filter (where clearance_expires_on between '2026-11-26' and '2026-12-31')::int as soon,
              count(*) filter (where clearance_expires_on < '2026-11-26')::int as expired,
              count(*) filter (where rank_code = 'CIV')::int as civilians
       from participants`,
    );
    expect(clearances).toMatchObject({ soon: 1, expired: 2 });
    expect(clearances?.civilians).toBeGreaterThanOrEqual(4);
    const [audited] = await rows<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'participant.created'",
    );
    expect(audited?.n).toBe(perNation.reduce((sum, r) => sum + r.n, 0));
  });

  it('has training history and nominations in every state that needs a decision', async () => {
    const states = await rows<{ status: string; n: number }>(
      'select status, count(*)::int as n from nominations group by status',
    );
    const count = Object.fromEntries(states.map((r) => [r.status, r.n]));
    expect(count.selected).toBeGreaterThan(20);
    expect(count.submitted).toBeGreaterThan(0);
    // Kept waiting while seats are free only where a registrar paused promotion.
    expect(count.waitlisted).toBeGreaterThanOrEqual(4);
    const [paused] = await rows<{ n: number }>(
      'select count(*)::int as n from training_sessions where promotion_paused',
    );
    expect(paused?.n).toBe(1);
    expect(count.proposed).toBe(1);
    const [completed] = await rows<{ n: number }>(
      "select count(*)::int as n from nominations where result = 'completed'",
    );
    expect(completed?.n).toBeGreaterThan(10);
    // The seat counters agree with the selected nominations on every session.
    const drift = await rows<{ code: string }>(
      `select s.code from training_sessions s
        where s.seats_taken <> (select count(*) from nominations n where n.session_id = s.id and n.status = 'selected')
           or s.pool_taken + s.quota_total > s.capacity`,
    );
    expect(drift).toEqual([]);
  });
});
