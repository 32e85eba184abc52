import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { CalendarFeed } from '../../../contract/sessions.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

describe('calendar feed', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC', {
      title: { en: 'Counter-terrorism basics', ar: 'أساسيات مكافحة الإرهاب' },
    });
    await makeActivity(t.db.db, 'MD-ONLY', { releasability: { frameworks: ['MD'] } });
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    const plan: [string, string, string, string[]][] = [
      ['CT-A-27', 'CT-BASIC', '2027-02-28', ['announced']],
      ['CT-N-27', 'CT-BASIC', '2027-04-04', ['announced', 'nominations-closed']],
      ['CT-D-27', 'CT-BASIC', '2027-05-02', []],
      ['CT-X-27', 'CT-BASIC', '2027-05-09', ['announced', 'cancelled']],
      ['MD-A-27', 'MD-ONLY', '2027-03-14', ['announced']],
    ];
    for (const [code, activity, start, moves] of plan) {
      const input = sessionInput(code, activity, { startDate: start, endDate: start });
      const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', input);
      expect(created.statusCode, created.body).toBe(201);
      for (const to of moves) {
        const url = `/api/v1/sessions/${code}/transitions`;
        const moved = await call(t.app, registrar, 'POST', url, { to, reason: 'test' });
        expect(moved.statusCode, moved.body).toBe(200);
      }
    }
  });
  afterAll(() => t.close());

  async function feedOf(session: Browser): Promise<string> {
    const response = await call(t.app, session, 'GET', '/api/v1/calendar/feed');
    expect(response.statusCode, response.body).toBe(200);
    const feed = response.json<CalendarFeed>();
    if (!feed.url) throw new Error('the first request should issue the address');
    return new URL(feed.url).pathname;
  }

  async function eventsAt(path: string): Promise<VEvent[]> {
    const response = await t.app.inject({ method: 'GET', url: path });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = ical.sync.parseICS(response.body);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    return events.sort((a, b) => a.uid.localeCompare(b.uid));
  }
  const summaries = (events: VEvent[]) => events.map((e) => String(e.summary)).sort();

  it('issues the address once, then tells since when the feed exists', async () => {
    const first = await call(t.app, npoc, 'GET', '/api/v1/calendar/feed');
    const feed = first.json<CalendarFeed>();
    expect(feed.url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/v1\/calendar\/[\w-]{43}\.ics$/);
    const second = (await call(t.app, npoc, 'GET', '/api/v1/calendar/feed')).json<CalendarFeed>();
    expect(second).toEqual({ url: null, createdAt: feed.createdAt });
    const { rows } = await t.db.pool.query<{ token_hash: string }>(
      'select token_hash from calendar_feeds where user_id = $1',
      [npoc.userId],
    );
    // Only the hash is stored, never the token itself.
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(feed.url).not.toContain(rows[0]?.token_hash);
  });

  it("gives a nation's reader all-day events of the sessions it may see", async () => {
    const path = await rotated(npoc);
    const response = await t.app.inject({ method: 'GET', url: path });
    expect(response.body).toContain('X-WR-CALNAME:Rabita');
    expect(response.body).toContain('DTSTART;VALUE=DATE:20270228');
    expect(response.body).toContain('DTEND;VALUE=DATE:20270301');
    const events = await eventsAt(path);
    // No draft, nothing of an activity not released to Kuwait; the cancelled one says so.
    expect(summaries(events)).toEqual([
      'CT-A-27 · Counter-terrorism basics',
      'CT-N-27 · Counter-terrorism basics',
      'CT-X-27 · Counter-terrorism basics',
      'Nominations close: CT-A-27',
    ]);
    const cancelled = events.find((e) => e.summary === 'CT-X-27 · Counter-terrorism basics');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(String(cancelled?.description)).toContain('Cancelled: test');
    const main = events.find((e) => e.summary === 'CT-A-27 · Counter-terrorism basics');
    expect(main).toMatchObject({ location: 'NATO-ICI Regional Centre' });
    expect(main?.uid).toMatch(/^[0-9a-f-]{36}@rabita$/);
    expect(main?.start.dateOnly).toBe(true);
    expect(String(main?.description)).toContain(
      'Nominations close: 2027-02-10, end of day (Asia/Kuwait)',
    );
    expect(String(main?.description)).toContain('Seats left: 20');
    const deadline = events.find((e) => e.summary === 'Nominations close: CT-A-27');
    expect(deadline?.start.dateOnly).toBe(true);
    expect(response.body).toContain('DTSTART;VALUE=DATE:20270210');
  });

  it('shows centre staff every published session, never drafts, and cancellations as such', async () => {
    const events = await eventsAt(await feedOf(registrar));
    expect(summaries(events)).toEqual([
      'CT-A-27 · Counter-terrorism basics',
      'CT-N-27 · Counter-terrorism basics',
      'CT-X-27 · Counter-terrorism basics',
      'MD-A-27 · Course MD-ONLY',
      'Nominations close: CT-A-27',
      'Nominations close: MD-A-27',
    ]);
  });

  it("titles events in the user's language, falling back to English", async () => {
    const user = await makeUser(t.db.db, ['observer']);
    await t.db.pool.query(`update users set locale = 'ar' where id = $1`, [user.id]);
    const events = await eventsAt(await feedOf(await signIn(t.app, user.email, user.password)));
    expect(summaries(events)).toContain('CT-A-27 · أساسيات مكافحة الإرهاب');
    expect(summaries(events)).toContain('MD-A-27 · Course MD-ONLY');
  });

  it('updates a moved session in place: same UID, a higher SEQUENCE, the new dates', async () => {
    const path = await feedOf(await signInAs(t, ['observer']));
    const main = (events: VEvent[]) =>
      events.find((e) => e.summary === 'CT-N-27 · Counter-terrorism basics');
    const before = main(await eventsAt(path));
    expect(before?.sequence).toBe(0);
    const moved = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/CT-N-27', {
      startDate: '2027-04-11',
      endDate: '2027-04-11',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = main(await eventsAt(path));
    expect(after?.uid).toBe(before?.uid);
    expect(after?.sequence).toBe(1);
    expect(after?.start.toISOString().slice(0, 10)).toBe('2027-04-11');
    // A change that does not concern those attending leaves the sequence as it was.
    await call(t.app, registrar, 'PATCH', '/api/v1/sessions/CT-N-27', { capacity: 21 });
    expect(main(await eventsAt(path))?.sequence).toBe(1);
  });

  async function rotated(session: Browser): Promise<string> {
    const response = await call(t.app, session, 'POST', '/api/v1/calendar/feed/rotate');
    expect(response.statusCode, response.body).toBe(200);
    const url = response.json<CalendarFeed>().url;
    if (!url) throw new Error('a rotation should give the new address');
    return new URL(url).pathname;
  }

  it('makes the old address stop working when rotated', async () => {
    const user = await makeUser(t.db.db, ['nominator'], 'QAT');
    const session = await signIn(t.app, user.email, user.password);
    const old = await feedOf(session);
    expect((await eventsAt(old)).length).toBe(4);
    const fresh = await rotated(session);
    expect(fresh).not.toBe(old);
    expectProblem(await t.app.inject({ method: 'GET', url: old }), 404, 'not_found');
    expect((await eventsAt(fresh)).length).toBe(4);
    const { rows } = await t.db.pool.query(
      `select action from audit_log where entity_id = $1 and action like 'calendar_feed.%' order by id`,
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'calendar_feed.created' },
      { action: 'calendar_feed.rotated' },
    ]);
  });

  it('answers 404 for an unknown token, a name without .ics, and an inactive user', async () => {
    const unknown = `/api/v1/calendar/${'A'.repeat(43)}.ics`;
    expectProblem(await t.app.inject({ method: 'GET', url: unknown }), 404, 'not_found');
    const user = await makeUser(t.db.db, ['observer']);
    const path = await feedOf(await signIn(t.app, user.email, user.password));
    expectProblem(
      await t.app.inject({ method: 'GET', url: path.replace(/\.ics$/, '') }),
      404,
      'not_found',
    );
    await t.db.pool.query('update users set active = false where id = $1', [user.id]);
    expectProblem(await t.app.inject({ method: 'GET', url: path }), 404, 'not_found');
  });

  it('needs a signed-in user to issue or rotate a feed', async () => {
    expectProblem(await call(t.app, null, 'GET', '/api/v1/calendar/feed'), 401, 'unauthenticated');
    const rotate = await call(t.app, null, 'POST', '/api/v1/calendar/feed/rotate');
    expectProblem(rotate, 401, 'unauthenticated');
  });
});
