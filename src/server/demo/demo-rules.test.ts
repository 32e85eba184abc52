import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import type { Prerequisites, Releasability } from '../../contract/catalogue.js';
import type { Quota } from '../../contract/sessions.js';
import { agendaTimeProblem, spansOverlap, wallClockAt } from '../../domain/agenda.js';
import {
  type ClearanceLevel,
  evaluateEligibility,
  hardFailures,
} from '../../domain/eligibility.js';
import { isReleasableTo } from '../../domain/releasability.js';
import { quotaProblems } from '../../domain/seats.js';
import { dateIn, workingDaysBetween } from '../../domain/venue-calendar.js';
import { verifyCertificateId } from '../features/certificates/verification.js';
import { DEMO_AGENDA_ACTIVITY } from './agenda.js';
import { loadDemoCentre } from './load.js';
import { GOAL_COURSES } from './programmes.js';
import { ISLAMIC_CALENDAR, ramadanOverlaps } from './venues.js';

/**
 * The demo tells one story: every record it loads is checked here with the product's own rules
 * (eligibility, seats, the venue calendar, certificate verification), as if each decision had
 * been taken through the application on its day. Each test lists every breach it finds.
 */
describe('the demo centre obeys the rules it teaches', () => {
  let db: TestDatabase;
  // The day the demo is said to be loaded: a Saturday, outside Kuwait's working week.
  const now = new Date('2026-12-05T09:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoCentre(db.db, now);
  });
  afterAll(() => db.destroy());

  const rows = async <T>(text: string) => (await db.pool.query(text)).rows as T[];

  interface SessionRow {
    id: string;
    code: string;
    status: string;
    start: string;
    end: string;
    venue: string;
    working: number[];
    holidays: { date: string }[];
    timeZone: string;
    country: string | null;
    capacity: number;
    seatsTaken: number;
    poolTaken: number;
    quotaTotal: number;
    opens: string;
    closes: string;
    activity: string;
    prerequisites: Prerequisites;
    releasability: Releasability;
    directorId: string | null;
  }

  const sessions = () =>
    rows<SessionRow>(
      `select s.id, s.code, s.status, s.start_date::text as start, s.end_date::text as "end",
              s.venue_code as venue, v.working_days as working, v.holidays, v.time_zone as "timeZone",
              v.country_code as country, s.capacity, s.seats_taken as "seatsTaken",
              s.pool_taken as "poolTaken", s.quota_total as "quotaTotal",
              s.nomination_opens::text as opens, s.nomination_closes::text as closes,
              a.code as activity, a.prerequisites, a.releasability, s.director_id as "directorId"
         from training_sessions s join venues v on v.code = s.venue_code
         join activities a on a.id = s.activity_id order by s.start_date, s.code`,
    );

  it('selects only people the eligibility rules admit, as on the day they were nominated', async () => {
    const byId = new Map((await sessions()).map((s) => [s.id, s]));
    const frameworks = new Map(
      (
        await rows<{ code: string; framework: string }>(
          'select code, framework_code as framework from nations',
        )
      ).map((n) => [n.code, n.framework]),
    );
    const nominated = await rows<{
      id: string;
      sessionId: string;
      nation: string;
      status: string;
      result: string | null;
      submitted: Date | null;
      person: string;
      name: string;
      rankCode: string;
      languageProfiles: { language: string; profile: string }[];
      clearanceLevel: ClearanceLevel;
      clearanceExpiresOn: string | null;
    }>(
      `select n.id, n.session_id as "sessionId", n.nation_code as nation, n.status, n.result,
              coalesce(n.submitted_at, n.invited_at) as submitted, p.id as person,
              p.given_names_latin || ' ' || p.family_name_latin as name, p.rank_code as "rankCode",
              p.language_profiles as "languageProfiles", p.clearance_level as "clearanceLevel",
              p.clearance_expires_on::text as "clearanceExpiresOn"
         from nominations n join participants p on p.id = n.participant_id
        where n.status in ('selected', 'submitted', 'waitlisted')`,
    );
    // What each person had completed, by the day it ended.
    const completions = await rows<{ person: string; activity: string; end: string }>(
      `select n.participant_id as person, a.code as activity, s.end_date::text as "end"
         from nominations n join training_sessions s on s.id = n.session_id
         join activities a on a.id = s.activity_id where n.result = 'completed'`,
    );
    // A centre's invitation by name is checked as of the day it was sent, as a nomination is
    // as of the day it was submitted.
    const breaches: string[] = [];
    for (const n of nominated) {
      const session = byId.get(n.sessionId) as SessionRow;
      if (!n.submitted) {
        breaches.push(`${session.code} ${n.name}: ${n.status} but never submitted`);
        continue;
      }
      const submittedOn = dateIn(n.submitted, session.timeZone);
      const eligibility = evaluateEligibility({
        person: n,
        prerequisites: session.prerequisites,
        sessionStartDate: session.start,
        sessionEndDate: session.end,
        today: submittedOn,
        window: { opens: session.opens, closes: session.closes },
        releasable: isReleasableTo(session.releasability, {
          code: n.nation,
          frameworkCode: frameworks.get(n.nation) ?? '',
        }),
        completedActivityCodes: completions
          .filter((c) => c.person === n.person && c.end < session.start)
          .map((c) => c.activity),
        // Overlaps are checked on their own below, over every pair.
        overlapping: [],
      });
      for (const fail of hardFailures(eligibility)) {
        breaches.push(
          `${session.code} ${n.name} (${n.status}): ${fail.rule} ${JSON.stringify(fail.params)}`,
        );
      }
    }
    expect(nominated.length).toBeGreaterThan(100);
    expect(breaches).toEqual([]);
  });

  it('never has one person selected on two sessions at once', async () => {
    const pairs = await rows<{ name: string; a: string; b: string }>(
      `select p.given_names_latin || ' ' || p.family_name_latin as name, s1.code as a, s2.code as b
         from nominations x
         join nominations y on y.participant_id = x.participant_id and x.id < y.id
         join participants p on p.id = x.participant_id
         join training_sessions s1 on s1.id = x.session_id
         join training_sessions s2 on s2.id = y.session_id
        where x.status = 'selected' and y.status = 'selected'
          and s1.start_date <= s2.end_date and s2.start_date <= s1.end_date
        order by 1, 2`,
    );
    expect(pairs.map((p) => `${p.name}: ${p.a} and ${p.b}`)).toEqual([]);
  });

  it('never has a director or instructor on two sessions at once, and staffs every session', async () => {
    const clashes = await rows<{ who: string; a: string; b: string }>(
      `with staff as (
         select id as session_id, director_id as user_id from training_sessions
          where director_id is not null
         union all select session_id, user_id from session_instructors)
       select u.display_name as who, s1.code as a, s2.code as b
         from staff x join staff y on x.user_id = y.user_id and x.session_id < y.session_id
         join users u on u.id = x.user_id
         join training_sessions s1 on s1.id = x.session_id
         join training_sessions s2 on s2.id = y.session_id
        where s1.start_date <= s2.end_date and s2.start_date <= s1.end_date
          and s1.status <> 'cancelled' and s2.status <> 'cancelled'`,
    );
    expect(clashes.map((c) => `${c.who}: ${c.a} and ${c.b}`)).toEqual([]);
    const unstaffed = await rows<{ code: string }>(
      `select code from training_sessions s where director_id is null
          or not exists (select 1 from session_instructors i where i.session_id = s.id)`,
    );
    expect(unstaffed.map((s) => s.code)).toEqual([]);
    // Several teams share the work: no one directs most of the sessions.
    const [spread] = await rows<{ directors: number; instructors: number; most: number }>(
      `select (select count(distinct director_id)::int from training_sessions) as directors,
              (select count(distinct user_id)::int from session_instructors) as instructors,
              (select max(n)::int from (select count(*) as n from training_sessions group by director_id) d) as most`,
    );
    expect(spread?.directors).toBeGreaterThanOrEqual(4);
    expect(spread?.instructors).toBeGreaterThanOrEqual(4);
    const [total] = await rows<{ n: number }>('select count(*)::int as n from training_sessions');
    expect(spread?.most ?? 0).toBeLessThan((total?.n ?? 0) / 2);
  });

  it('keeps seats within capacity and quotas, with counters that match the nominations', async () => {
    const all = await sessions();
    const quotas = await rows<{
      sessionId: string;
      nationCode: string;
      seats: number;
      taken: number;
    }>(
      `select session_id as "sessionId", nation_code as "nationCode", seats, taken from session_quotas`,
    );
    const given = await rows<{ sessionId: string; nation: string; source: string; n: number }>(
      `select session_id as "sessionId", nation_code as nation, coalesce(seat_source, 'pool') as source,
              count(*)::int as n from nominations where status = 'selected' group by 1, 2, 3`,
    );
    const breaches: string[] = [];
    for (const s of all) {
      const own = quotas.filter((q) => q.sessionId === s.id);
      const mine = given.filter((g) => g.sessionId === s.id);
      const quotaTaken = new Map(
        mine.filter((g) => g.source === 'quota').map((g) => [g.nation, g.n] as const),
      );
      const poolTaken = mine.filter((g) => g.source !== 'quota').reduce((a, g) => a + g.n, 0);
      const taken = mine.reduce((a, g) => a + g.n, 0);
      const problems = quotaProblems(
        s.capacity,
        own.map((q): Quota => ({ nationCode: q.nationCode, seats: q.seats })),
        taken,
        { quotaTaken, poolTaken },
      );
      for (const p of problems) breaches.push(`${s.code}: ${p.message}`);
      if (taken > s.capacity) breaches.push(`${s.code}: ${taken} selected for ${s.capacity} seats`);
      if (s.seatsTaken !== taken)
        breaches.push(`${s.code}: counter ${s.seatsTaken}, ${taken} selected`);
      if (s.poolTaken !== poolTaken) {
        breaches.push(`${s.code}: pool counter ${s.poolTaken}, ${poolTaken} from the pool`);
      }
      for (const q of own) {
        const used = quotaTaken.get(q.nationCode) ?? 0;
        if (q.taken !== used) {
          breaches.push(`${s.code} ${q.nationCode}: quota counter ${q.taken}, ${used} selected`);
        }
      }
      for (const [nation] of quotaTaken) {
        if (!own.some((q) => q.nationCode === nation)) {
          breaches.push(`${s.code}: ${nation} seated from a quota it does not have`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('holds every session on working days of its venue, never on a holiday or in Ramadan', async () => {
    const breaches: string[] = [];
    for (const s of await sessions()) {
      const on = (day: string) => workingDaysBetween(day, day, s.working, s.holidays).length === 1;
      if (!on(s.start))
        breaches.push(`${s.code} starts on ${s.start}, not a working day at ${s.venue}`);
      if (!on(s.end)) breaches.push(`${s.code} ends on ${s.end}, not a working day at ${s.venue}`);
      if (
        s.country &&
        ['KWT', 'IRQ', 'JOR'].includes(s.country) &&
        ramadanOverlaps(s.start, s.end)
      ) {
        breaches.push(`${s.code} (${s.start} to ${s.end}) runs in Ramadan at ${s.venue}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('keeps the Islamic dates of the venue calendars on the Umm al-Qura calendar', () => {
    const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
      timeZone: 'UTC',
      month: 'numeric',
      day: 'numeric',
    });
    const of = (day: string) =>
      hijri
        .formatToParts(new Date(`${day}T12:00:00Z`))
        .filter((p) => p.type === 'month' || p.type === 'day')
        .map((p) => Number(p.value));
    for (const year of ISLAMIC_CALENDAR) {
      expect(of(year.ramadanStarts), `Ramadan ${year.year}`).toEqual([9, 1]);
      expect(of(year.eidAlFitr), `Eid al-Fitr ${year.year}`).toEqual([10, 1]);
      expect(of(year.eidAlAdha), `Eid al-Adha ${year.year}`).toEqual([12, 10]);
    }
  });

  it('spreads sessions over the years, every month of the past year included', async () => {
    const months = await rows<{ month: string }>(
      `select distinct to_char(start_date, 'YYYY-MM') as month from training_sessions
        where start_date between '2025-12-01' and '2026-11-30' order by 1`,
    );
    // Ramadan and the summer break leave a few months empty; most months have a course.
    expect(months.length).toBeGreaterThanOrEqual(8);
    const years = await rows<{ year: number }>(
      'select distinct extract(year from start_date)::int as year from training_sessions order by 1',
    );
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('seats different people on different sessions, in cohorts of realistic size', async () => {
    const cohorts = await rows<{ code: string; people: string[] }>(
      `select s.code, array_agg(n.participant_id::text order by n.participant_id) as people
         from training_sessions s join nominations n on n.session_id = s.id
        where s.status = 'completed' and n.status = 'selected' group by s.code`,
    );
    expect(cohorts.length).toBeGreaterThanOrEqual(20);
    const shapes = new Set(cohorts.map((c) => c.people.join(',')));
    expect(shapes.size).toBe(cohorts.length);
    const sizes = cohorts.map((c) => c.people.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6);
    expect(new Set(sizes).size).toBeGreaterThan(3);
  });

  it('certifies every completion with a certificate that verifies', async () => {
    const missing = await rows<{ code: string; name: string }>(
      `select s.code, p.given_names_latin || ' ' || p.family_name_latin as name
         from nominations n join training_sessions s on s.id = n.session_id
         join participants p on p.id = n.participant_id
        where n.status = 'selected' and n.result = 'completed'
          and not exists (select 1 from certificates c where c.nomination_id = n.id and c.revoked_at is null)`,
    );
    expect(missing.map((m) => `${m.code} ${m.name}`)).toEqual([]);
    const stray = await rows<{ id: string }>(
      `select c.id from certificates c join nominations n on n.id = c.nomination_id
        where n.status <> 'selected' or n.result is distinct from 'completed'`,
    );
    expect(stray).toEqual([]);
    const issued = await rows<{ id: string; issued: Date; end: string; code: string }>(
      `select c.id, c.issued_at as issued, s.end_date::text as "end", s.code
         from certificates c join nominations n on n.id = c.nomination_id
         join training_sessions s on s.id = n.session_id`,
    );
    expect(issued.length).toBeGreaterThan(100);
    const breaches: string[] = [];
    for (const c of issued) {
      const verdict = await verifyCertificateId(db.db, c.id);
      if (verdict.status !== 'valid') breaches.push(`${c.code} ${c.id}: ${verdict.status}`);
      if (c.issued.toISOString().slice(0, 10) <= c.end || c.issued > now) {
        breaches.push(`${c.code} ${c.id}: issued ${c.issued.toISOString()}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('gives the demo participant completed courses and a session to come', async () => {
    const mine = await rows<{ end: string; status: string; result: string | null }>(
      `select s.end_date::text as "end", s.status, n.result
         from nominations n join training_sessions s on s.id = n.session_id
         join participants p on p.id = n.participant_id join users u on u.id = p.user_id
        where u.email = 'participant@rabita.example' and n.status = 'selected'`,
    );
    const today = now.toISOString().slice(0, 10);
    expect(mine.filter((m) => m.result === 'completed').length).toBeGreaterThan(0);
    const toCome = mine.filter(
      (m) => m.end > today && !['cancelled', 'completed'].includes(m.status),
    );
    expect(toCome.length).toBeGreaterThan(0);
  });

  it('puts Iraqi and Jordanian officers on the mobile training teams at home', async () => {
    const byVenue = await rows<{ venue: string; nation: string; n: number }>(
      `select s.venue_code as venue, n.nation_code as nation, count(*)::int as n
         from nominations n join training_sessions s on s.id = n.session_id
        where n.status = 'selected' and s.venue_code in ('BGW', 'AMM') group by 1, 2`,
    );
    const count = (venue: string, nation: string) =>
      byVenue.find((r) => r.venue === venue && r.nation === nation)?.n ?? 0;
    expect(count('BGW', 'IRQ')).toBeGreaterThanOrEqual(6);
    expect(count('AMM', 'JOR')).toBeGreaterThanOrEqual(6);
  });

  it('names the host nation of each mobile team, whose quota is every seat it planned', async () => {
    const teams = await rows<{ code: string; venue: string; host: string | null; quotas: string }>(
      `select s.code, s.venue_code as venue, s.host_nation_code as host,
              coalesce(string_agg(q.nation_code || ':' || q.seats, ',' order by q.nation_code), '') as quotas
         from training_sessions s left join session_quotas q on q.session_id = s.id
        where s.venue_code in ('BGW', 'AMM') group by s.id order by s.code`,
    );
    expect(teams.length).toBeGreaterThan(0);
    const wrong = teams.filter((team) => {
      const host = team.venue === 'BGW' ? 'IRQ' : 'JOR';
      return (
        team.host !== host || !/^[A-Z]{3}:\d+$/.test(team.quotas) || !team.quotas.startsWith(host)
      );
    });
    expect(wrong.map((w) => `${w.code} host ${w.host} quotas ${w.quotas}`)).toEqual([]);
    const elsewhere = await rows<{ code: string }>(
      `select code from training_sessions where host_nation_code is not null
          and venue_code not in ('BGW', 'AMM')`,
    );
    expect(elsewhere).toEqual([]);
  });

  it('keeps the dialogue event to attendance: no results, no tests, attendance certificates', async () => {
    const graded = await rows<{ code: string; n: number }>(
      `select s.code, count(r.*)::int as n
         from training_sessions s join activities a on a.id = s.activity_id
         join nominations n on n.session_id = s.id
         join participant_results r on r.nomination_id = n.id
        where a.kind <> 'course' group by s.code`,
    );
    expect(graded).toEqual([]);
    const tested = await rows<{ code: string }>(
      `select code from activities where kind <> 'course' and 2 = any(evaluation_levels)`,
    );
    expect(tested).toEqual([]);
    const dialogue = await rows<{ code: string; attended: number; award: string | null }>(
      `select s.code, count(m.*)::int as attended, min(c.payload->>'award') as award
         from training_sessions s join activities a on a.id = s.activity_id
         join nominations n on n.session_id = s.id
         left join attendance_marks m on m.nomination_id = n.id and m.status = 'present'
         left join certificates c on c.nomination_id = n.id
        where a.code = 'DLG-GULF' and s.status = 'completed' group by s.code`,
    );
    expect(dialogue.length).toBeGreaterThan(0);
    for (const event of dialogue) {
      expect(event.attended).toBeGreaterThan(0);
      expect(event.award).toBe('attendance');
    }
  });

  it('gives seats on events and visits by invitation only, one head to each delegation', async () => {
    const nominated = await rows<{ code: string; status: string }>(
      `select s.code, n.status from nominations n
         join training_sessions s on s.id = n.session_id join activities a on a.id = s.activity_id
        where a.kind in ('event', 'visit') and n.invited_at is null`,
    );
    expect(nominated).toEqual([]);
    const invited = await rows<{ code: string; status: string; n: number }>(
      `select s.code, n.status, count(*)::int as n from nominations n
         join training_sessions s on s.id = n.session_id join activities a on a.id = s.activity_id
        where a.code = 'DLG-GULF' group by 1, 2`,
    );
    // Past dialogues accepted, the one open now with answers still awaited.
    expect(invited.some((r) => r.status === 'selected')).toBe(true);
    expect(invited.some((r) => r.status === 'invited')).toBe(true);
    const twoHeads = await rows<{ code: string; nation: string }>(
      `select s.code, n.nation_code as nation from nominations n
         join training_sessions s on s.id = n.session_id
        where n.event_role = 'head-of-delegation' and n.status in ('invited', 'selected')
        group by 1, 2 having count(*) > 1`,
    );
    expect(twoHeads).toEqual([]);
  });

  it('publishes the dialogue event’s agenda inside its days, no speaker or room in two places', async () => {
    const [event] = await rows<{
      id: string;
      start: string;
      end: string;
      timeZone: string;
      venue: string;
    }>(
      `select s.id, s.start_date::text as start, s.end_date::text as "end",
              v.time_zone as "timeZone", s.venue_code as venue
         from training_sessions s join activities a on a.id = s.activity_id
         join venues v on v.code = s.venue_code
        where a.code = '${DEMO_AGENDA_ACTIVITY}' and s.agenda_published_at is not null`,
    );
    expect(event).toBeDefined();
    if (!event) return;
    interface ItemRow {
      id: string;
      sessionId: string;
      startsAt: Date;
      endsAt: Date;
      roomId: string | null;
      roomVenue: string | null;
      speakers: string[];
      start: string;
      end: string;
      timeZone: string;
    }
    const items = await rows<ItemRow>(
      `select i.id, i.session_id as "sessionId", i.starts_at as "startsAt", i.ends_at as "endsAt",
              i.room_id as "roomId", r.venue_code as "roomVenue",
              coalesce(array_agg(sp.lecturer_id::text) filter (where sp.lecturer_id is not null),
                       '{}') as speakers,
              s.start_date::text as start, s.end_date::text as "end", v.time_zone as "timeZone"
         from agenda_items i join training_sessions s on s.id = i.session_id
         join venues v on v.code = s.venue_code
         left join venue_rooms r on r.id = i.room_id
         left join agenda_item_speakers sp on sp.item_id = i.id
        where s.status <> 'cancelled'
        group by i.id, r.venue_code, s.start_date, s.end_date, v.time_zone`,
    );
    const ours = items.filter((i) => i.sessionId === event.id);
    expect(ours.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ours.flatMap((i) => i.speakers)).size).toBeGreaterThanOrEqual(3);
    expect(ours.some((i) => i.roomId !== null)).toBe(true);
    const breaches: string[] = [];
    for (const item of items) {
      const local = {
        startsAt: wallClockAt(item.startsAt, item.timeZone),
        endsAt: wallClockAt(item.endsAt, item.timeZone),
      };
      const problem = agendaTimeProblem(local, { startDate: item.start, endDate: item.end });
      if (problem) breaches.push(`${item.id} ${local.startsAt}–${local.endsAt}: ${problem}`);
      if (item.roomId && item.roomVenue !== event.venue && item.sessionId === event.id) {
        breaches.push(`${item.id}: a room of another venue`);
      }
    }
    for (const [i, a] of items.entries()) {
      for (const b of items.slice(i + 1)) {
        if (!spansOverlap(a, b)) continue;
        const shared = a.speakers.filter((s) => b.speakers.includes(s));
        if (shared.length > 0) breaches.push(`${a.id} and ${b.id} share speakers ${shared}`);
        if (a.roomId && a.roomId === b.roomId) breaches.push(`${a.id} and ${b.id} share a room`);
      }
    }
    // Nor an item in a room another session booked for its whole days.
    const bookedElsewhere = await rows<{ item: string; code: string }>(
      `select i.id as item, s.code
         from agenda_items i join session_room_bookings b on b.room_id = i.room_id
         join training_sessions s on s.id = b.session_id and s.id <> i.session_id
         join venues v on v.code = s.venue_code
        where s.status <> 'cancelled'
          and i.starts_at < ((s.end_date + 1)::timestamp at time zone v.time_zone)
          and i.ends_at > (s.start_date::timestamp at time zone v.time_zone)`,
    );
    breaches.push(...bookedElsewhere.map((r) => `${r.item} in the room booked by ${r.code}`));
    // Every speaker is on the session, and one who is also staff teaches nowhere else those days.
    const unassigned = await rows<{ lecturer: string }>(
      `select distinct sp.lecturer_id as lecturer
         from agenda_item_speakers sp join agenda_items i on i.id = sp.item_id
        where not exists (select 1 from session_lecturers a
                           where a.session_id = i.session_id and a.lecturer_id = sp.lecturer_id)`,
    );
    breaches.push(...unassigned.map((u) => `${u.lecturer} speaks but is not on the session`));
    const busyStaff = await rows<{ name: string; code: string }>(
      `with staff as (select id as session_id, director_id as user_id from training_sessions
                       union all select session_id, user_id from session_instructors)
       select l.name_latin as name, o.code
         from session_lecturers a join lecturers l on l.id = a.lecturer_id
         join training_sessions s on s.id = a.session_id
         join staff x on x.user_id = l.user_id and x.session_id <> s.id
         join training_sessions o on o.id = x.session_id
        where o.status <> 'cancelled' and o.start_date <= s.end_date and o.end_date >= s.start_date`,
    );
    breaches.push(...busyStaff.map((b) => `${b.name} also teaches ${b.code} those days`));
    expect(breaches).toEqual([]);
  });

  it('fills each programme goal with courses of its own topic', async () => {
    const lines = await rows<{ goal: string; course: string }>(
      `select g.title->>'en' as goal, a.code as course
         from programme_goals g join planned_activities l on l.goal_id = g.id
         join activities a on a.id = l.activity_id`,
    );
    expect(lines.length).toBeGreaterThan(10);
    const breaches = lines
      .filter((l) => !(GOAL_COURSES[l.goal] ?? []).includes(l.course))
      .map((l) => `${l.goal}: ${l.course}`);
    expect(breaches).toEqual([]);
  });
  it('loads exactly what the README says it loads', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const said = (pattern: RegExp) => Number(pattern.exec(readme.replace(/\s+/g, ' '))?.[1]);
    const [loaded] = await rows<{
      nations: number;
      institutions: number;
      courses: number;
      sessions: number;
      people: number;
      peopleNations: number;
      completions: number;
      certificates: number;
      staff: number;
      agendaItems: number;
      outsideSpeakers: number;
    }>(
      `select (select count(*)::int from nations) as nations,
              (select count(*)::int from institutions) as institutions,
              (select count(*)::int from activities) as courses,
              (select count(*)::int from training_sessions) as sessions,
              (select count(*)::int from participants) as people,
              (select count(distinct nation_code)::int from participants) as "peopleNations",
              (select count(*)::int from nominations where result = 'completed') as completions,
              (select count(*)::int from certificates) as certificates,
              (select count(*)::int from users where email like '%@visiting.rabita.example') as staff,
              (select count(*)::int from agenda_items) as "agendaItems",
              (select count(*)::int from lecturers where kind = 'external') as "outsideSpeakers"`,
    );
    expect({
      nations: said(/\((\d+) partner nations/),
      institutions: said(/(\d+) institutions/),
      courses: said(/the (\d+) courses of the demo catalogue/),
      sessions: said(/(\d+) sessions placed around today/),
      people: said(/(\d+) people of \d+ nations/),
      peopleNations: said(/people of (\d+) nations/),
      completions: said(/(\d+) completions/),
      certificates: said(/(\d+) signed certificates/),
      staff: said(/(\d+) visiting directors and instructors/),
      agendaItems: said(/(\d+) items on Kuwait's clock/),
      outsideSpeakers: said(/(\d+) outside speakers/),
    }).toEqual(loaded);
  });
});
