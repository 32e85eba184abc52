import pg from 'pg';

// A nomination surge through nginx, as bench/nominations.mjs runs one against a single server
// (selections by the registrar, withdrawals of acknowledged selections by the nations that
// promote waitlisted nominations), but made to go on through a failure: an answer that is not an
// acknowledgement or a refusal (a 503 while a server or the database is away) is tried again
// until the surge's deadline, as a person would press again. Then the same exactly-once checks.

export const PASSWORD = 'rabita-demo-2026';
const CAPACITY = 30;
const QUOTA_SEATS = 5;
const QUOTA_NATIONS = ['KWT', 'QAT', 'BHR', 'ARE'];
/** Submitted nominations per session and nation: 55 a session. */
const PER_SESSION: Record<string, number> = { KWT: 12, QAT: 12, BHR: 11, ARE: 10, SAU: 10 };
export const NATIONS = Object.keys(PER_SESSION);
const WITHDRAWALS_PER_SESSION = 4;
const IN_FLIGHT = 16;

export class Browser {
  constructor(
    public base: string,
    private cookie: string,
    private csrf: string,
  ) {}

  static async signIn(base: string, email: string) {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in ${email}: ${await response.text()}`);
    const me = (await response.json()) as { csrfToken: string };
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    return new Browser(base, cookie, me.csrfToken);
  }

  async call(method: string, url: string, body?: unknown) {
    const response = await fetch(`${this.base}/api/v1${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'x-csrf-token': this.csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { unparsed: text.slice(0, 200) };
    }
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: parsed as Record<string, unknown> & { code?: string },
    };
  }

  async ok(method: string, url: string, body?: unknown) {
    const answer = await this.call(method, url, body);
    if (![200, 201, 204].includes(answer.status)) {
      throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

export async function rows<T = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

function kuwaitDate(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kuwait' }).format(day);
}

/** A fixed seed keeps the order of a surge the same from run to run. */
function shuffle<T>(items: T[], seed = 7): T[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
}

export interface Nomination {
  id: string;
  code: string;
  nation: string;
}

export interface Actors {
  registrar: Browser;
  npoc: Record<string, Browser>;
}

/** The same signed-in people, talking to another address (one app server, not nginx). */
export function actorsAt(actors: Actors, base: string): Actors {
  const at = (b: Browser) =>
    Object.assign(Object.create(Browser.prototype), b, { base }) as Browser;
  return {
    registrar: at(actors.registrar),
    npoc: Object.fromEntries(Object.entries(actors.npoc).map(([k, b]) => [k, at(b)])),
  };
}

/** The surge's course and people, as bench/nominations.mjs inserts them, and the NPOCs. */
export async function prepareCentre(base: string, appUrl: string, people: number): Promise<Actors> {
  await rows(
    appUrl,
    `insert into activities (code, type, title, discipline_code, provider_code, delivery,
      duration_days, prerequisites, classification, releasability, releasable_to_all,
      evaluation_levels, default_capacity, status)
    values ('CLUSTER-RUSH', 'course', '{"en": "Selection rush course"}', 'CT', 'NIRC',
      'residential', 5,
      '{"rankMin": null, "rankMax": null, "civiliansAllowed": true, "languages": [],
        "clearance": "NONE", "courses": [], "extra": null}',
      'NATO UNCLASSIFIED', '{"all": true, "frameworks": [], "nations": []}', true, '{1}', 30,
      'active')`,
  );
  await rows(
    appUrl,
    `insert into participants (nation_code, family_name_latin, given_names_latin,
       family_name_arabic, given_names_arabic, rank_code, rank_title, email, language_profiles,
       clearance_level, clearance_expires_on)
     select n, 'Family' || i, 'Given' || i, 'العلي', 'سالم', 'OF-3', 'Major',
       'cluster.' || lower(n) || '.' || i || '@' || lower(n) || '.example',
       '[{"language": "en", "profile": "3332"}]', 'NS', '2030-01-01'
     from unnest($1::text[]) as n, generate_series(1, $2::int) as i`,
    [NATIONS, people],
  );
  const admin = await Browser.signIn(base, 'admin@rabita.example');
  const registrar = await Browser.signIn(base, 'registrar@rabita.example');
  const npoc: Record<string, Browser> = {
    KWT: await Browser.signIn(base, 'npoc.kwt@rabita.example'),
    QAT: await Browser.signIn(base, 'npoc.qat@rabita.example'),
  };
  for (const nation of NATIONS.filter((n) => !npoc[n])) {
    const email = `npoc.${nation.toLowerCase()}@cluster.example`;
    await admin.ok('POST', '/users', {
      email,
      displayName: `NPOC ${nation}`,
      roles: ['npoc'],
      nationCode: nation,
      password: PASSWORD,
    });
    npoc[nation] = await Browser.signIn(base, email);
  }
  return { registrar, npoc };
}

let peoplePool: Promise<Record<string, string[]>> | undefined;

/** People nobody has nominated yet, read once and handed out, so no overlap rule gets in the way. */
function freePeople(appUrl: string) {
  peoplePool ??= rows<{ id: string; nation_code: string }>(
    appUrl,
    `select p.id, p.nation_code from participants p
      where p.given_names_latin like 'Given%'
        and not exists (select 1 from nominations n where n.participant_id = p.id)
      order by p.nation_code, p.id`,
  ).then((free) => {
    const byNation: Record<string, string[]> = {};
    for (const row of free)
      byNation[row.nation_code] = [...(byNation[row.nation_code] ?? []), row.id];
    return byNation;
  });
  return peoplePool;
}

export interface SurgeSet {
  codes: string[];
  rush: Nomination[];
  waitlisted: Nomination[];
}

/** Sessions of one surge, their nominations submitted and one per nation waitlisted. */
export async function prepareSurge(
  actors: Actors,
  appUrl: string,
  prefix: string,
  sessions: number,
): Promise<SurgeSet> {
  const { registrar, npoc } = actors;
  const codes = Array.from({ length: sessions }, (_, i) => `${prefix}-${i + 1}`);
  for (const code of codes) {
    await registrar.ok('POST', '/sessions', {
      code,
      activityCode: 'CLUSTER-RUSH',
      startDate: kuwaitDate(60),
      endDate: kuwaitDate(64),
      venueCode: 'KWI-NIRC',
      capacity: CAPACITY,
      nominationOpens: kuwaitDate(-7),
      nominationCloses: kuwaitDate(30),
      quotas: QUOTA_NATIONS.map((nationCode) => ({ nationCode, seats: QUOTA_SEATS })),
    });
    await registrar.ok('POST', `/sessions/${code}/transitions`, { to: 'announced' });
  }
  const people = await freePeople(appUrl);
  const wanted: Array<{ code: string; nation: string }> = [];
  for (const code of codes) {
    for (const [nation, count] of Object.entries(PER_SESSION)) {
      for (let i = 0; i < count; i += 1) wanted.push({ code, nation });
    }
  }
  const created: Nomination[] = [];
  await inParallel(wanted, 8, async (item) => {
    const participantId = people[item.nation]?.pop();
    if (!participantId) throw new Error(`no one left to nominate for ${item.nation}`);
    const nomination = (await (npoc[item.nation] as Browser).ok('POST', '/nominations', {
      sessionCode: item.code,
      participantId,
      submit: true,
    })) as { id: string };
    created.push({ ...item, id: nomination.id });
  });
  const waitlisted: Nomination[] = [];
  const rush: Nomination[] = [];
  for (const code of codes) {
    for (const nation of NATIONS) {
      const mine = created.filter((n) => n.code === code && n.nation === nation);
      waitlisted.push(...mine.slice(0, 1));
      rush.push(...mine.slice(1));
    }
    const ids = waitlisted.filter((n) => n.code === code).map((n) => n.id);
    const { results } = (await registrar.ok('POST', `/sessions/${code}/nominations/bulk`, {
      nominationIds: ids,
      action: 'waitlist',
    })) as { results: Array<{ ok: boolean }> };
    if (results.some((r) => !r.ok)) throw new Error(`waitlisting on ${code} refused`);
  }
  return { codes, rush, waitlisted };
}

export interface Attempt {
  kind: 'select' | 'withdraw';
  id: string;
  code: string;
  status: number;
  /** problem+json's code, or the network error. */
  problem: string | undefined;
  type: string;
  /** Milliseconds from the surge's start to the answer. */
  at: number;
}

export interface SurgeResult {
  attempts: Attempt[];
  seconds: number;
  /** When the failure was set off, in ms from the start (undefined: none). */
  failedAt: number | undefined;
}

const acknowledged = (a: Attempt) => a.status === 200;
/** Answers that settle a request: acknowledged, or refused for a reason of the domain. */
const settled = (a: Attempt) => a.status === 200 || (a.status >= 400 && a.status < 500);

/**
 * Runs the surge. `failure` is set off once `failAfter` selections have been acknowledged; the
 * surge goes on meanwhile. A request without a settled answer is tried again after a short pause
 * (the client's back-off while the service is away), until `deadlineMs`.
 */
export async function surge(
  actors: Actors,
  set: SurgeSet,
  options: { failure?: () => Promise<void>; failAfter?: number; deadlineMs: number },
): Promise<SurgeResult> {
  const { registrar, npoc } = actors;
  type Job = { kind: 'select' | 'withdraw'; nomination: Nomination };
  const jobs: Job[] = shuffle(set.rush.map((nomination) => ({ kind: 'select', nomination })));
  const withdrawn = new Map<string, number>();
  const attempts: Attempt[] = [];
  const started = performance.now();
  const deadline = Date.now() + options.deadlineMs;
  let next = 0;
  let acks = 0;
  let failedAt: number | undefined;
  let failure: Promise<void> | undefined;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < jobs.length) {
        const job = jobs[next] as Job;
        next += 1;
        const { nomination } = job;
        for (;;) {
          if (Date.now() > deadline) {
            const last = attempts
              .slice(-5)
              .map((a) => `${a.status} ${a.problem ?? ''}`)
              .join('; ');
            throw new Error(
              `the surge passed its deadline (${job.kind} ${nomination.id}; last answers: ${last})`,
            );
          }
          const browser = job.kind === 'select' ? registrar : (npoc[nomination.nation] as Browser);
          const body =
            job.kind === 'select'
              ? { action: 'select' }
              : { action: 'withdraw', reason: 'Operational duty' };
          let attempt: Attempt;
          try {
            const answer = await browser.call(
              'POST',
              `/nominations/${nomination.id}/transitions`,
              body,
            );
            attempt = {
              kind: job.kind,
              id: nomination.id,
              code: nomination.code,
              status: answer.status,
              problem: answer.body?.code,
              type: answer.type,
              at: performance.now() - started,
            };
          } catch (error) {
            attempt = {
              kind: job.kind,
              id: nomination.id,
              code: nomination.code,
              status: 0,
              problem: (error as Error).message,
              type: '',
              at: performance.now() - started,
            };
          }
          attempts.push(attempt);
          if (settled(attempt)) break;
          // The service is away: wait a little before pressing again.
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const last = attempts.findLast((a) => a.id === nomination.id && a.kind === job.kind);
        if (last && acknowledged(last) && job.kind === 'select') {
          acks += 1;
          const count = withdrawn.get(nomination.code) ?? 0;
          if (count < WITHDRAWALS_PER_SESSION) {
            withdrawn.set(nomination.code, count + 1);
            jobs.splice(Math.min(jobs.length, next + IN_FLIGHT), 0, {
              kind: 'withdraw',
              nomination,
            });
          }
          if (options.failure && !failure && acks >= (options.failAfter ?? 0)) {
            failedAt = performance.now() - started;
            failure = options.failure();
          }
        }
      }
    }),
  );
  await failure;
  return { attempts, seconds: (performance.now() - started) / 1000, failedAt };
}

export interface Figures {
  requests: number;
  acknowledged: number;
  refused: number;
  /** Answers that were neither (503 while a server or the database was away). */
  failed: number;
  /** Of those, answers that were not a 503 problem+json (a 500, a stack trace, a bare 502). */
  unclean: string[];
  lost: number;
  duplicated: number;
  /** The longest time without any acknowledged answer. */
  secondsWithoutService: number;
  seatsTaken: number;
  promotions: number;
  failures: string[];
}

/**
 * The checks of bench/nominations.mjs, on the database as it is now (the current primary):
 * no seat given twice, seats and quotas equal to the selections, every acknowledged decision
 * stored with exactly one event and one audit record, none stored twice, refusals untouched.
 * A request that failed (503) may or may not have been carried out; if it was, it was carried
 * out once, and its retry was refused.
 */
export async function verifySurge(
  url: string,
  set: SurgeSet,
  result: SurgeResult,
): Promise<Figures> {
  const { codes } = set;
  const { attempts } = result;
  const failures: string[] = [];
  const sessions = await rows<{
    code: string;
    capacity: number;
    seats_taken: number;
    pool_taken: number;
    quota_total: number;
    selected: number;
    from_pool: number;
  }>(
    url,
    `select s.code, s.capacity, s.seats_taken, s.pool_taken, s.quota_total,
       (select count(*)::int from nominations n where n.session_id = s.id and n.status = 'selected') as selected,
       (select count(*)::int from nominations n where n.session_id = s.id and n.status = 'selected' and n.seat_source = 'pool') as from_pool
     from training_sessions s where s.code = any($1)`,
    [codes],
  );
  if (sessions.length !== codes.length)
    failures.push(`${sessions.length} of ${codes.length} sessions found`);
  for (const s of sessions) {
    if (s.seats_taken > s.capacity)
      failures.push(`${s.code}: ${s.seats_taken} seats > ${s.capacity}`);
    if (s.seats_taken !== s.selected)
      failures.push(`${s.code}: seats_taken ${s.seats_taken} but ${s.selected} selected`);
    if (s.pool_taken > s.capacity - s.quota_total || s.pool_taken !== s.from_pool)
      failures.push(`${s.code}: pool_taken ${s.pool_taken}, ${s.from_pool} selected from the pool`);
  }
  const quotas = await rows<{
    code: string;
    nation_code: string;
    seats: number;
    taken: number;
    from_quota: number;
  }>(
    url,
    `select s.code, q.nation_code, q.seats, q.taken,
       (select count(*)::int from nominations n where n.session_id = s.id and n.nation_code = q.nation_code
          and n.status = 'selected' and n.seat_source = 'quota') as from_quota
     from session_quotas q join training_sessions s on s.id = q.session_id where s.code = any($1)`,
    [codes],
  );
  for (const q of quotas) {
    if (q.taken > q.seats || q.taken !== q.from_quota)
      failures.push(
        `${q.code}/${q.nation_code}: quota ${q.taken}/${q.seats}, ${q.from_quota} on it`,
      );
  }
  const state = new Map(
    (
      await rows<{
        id: string;
        status: string;
        selects: number;
        withdraws: number;
        promotes: number;
        select_audits: number;
        withdraw_audits: number;
      }>(
        url,
        `select n.id, n.status,
           (select count(*)::int from nomination_events e where e.nomination_id = n.id and e.action = 'select') as selects,
           (select count(*)::int from nomination_events e where e.nomination_id = n.id and e.action = 'withdraw') as withdraws,
           (select count(*)::int from nomination_events e where e.nomination_id = n.id and e.action = 'promote') as promotes,
           (select count(*)::int from audit_log a where a.entity_id = n.id::text and a.action = 'nomination.select') as select_audits,
           (select count(*)::int from audit_log a where a.entity_id = n.id::text and a.action = 'nomination.withdraw') as withdraw_audits
         from nominations n join training_sessions s on s.id = n.session_id where s.code = any($1)`,
        [codes],
      )
    ).map((r) => [r.id, r]),
  );
  const ackedWithdrawals = new Set(
    attempts.filter((a) => a.kind === 'withdraw' && acknowledged(a)).map((a) => a.id),
  );
  const failedIds = new Set(attempts.filter((a) => !settled(a)).map((a) => a.id));
  const failedWithdrawals = new Set(
    attempts.filter((a) => a.kind === 'withdraw' && !settled(a)).map((a) => a.id),
  );
  let lost = 0;
  let duplicated = 0;
  for (const [id, row] of state) {
    if (
      row.selects > 1 ||
      row.withdraws > 1 ||
      row.promotes > 1 ||
      row.select_audits > 1 ||
      row.withdraw_audits > 1
    ) {
      duplicated += 1;
      failures.push(`nomination ${id} stored twice: ${JSON.stringify(row)}`);
    }
  }
  for (const a of attempts) {
    const row = state.get(a.id);
    if (!row) {
      failures.push(`nomination ${a.id} missing`);
      lost += 1;
      continue;
    }
    if (a.kind === 'select' && acknowledged(a)) {
      // A withdrawal that failed (503) may have been carried out before its answer was lost.
      const expected = ackedWithdrawals.has(a.id)
        ? ['withdrawn']
        : failedWithdrawals.has(a.id)
          ? ['selected', 'withdrawn']
          : ['selected'];
      if (!expected.includes(row.status) || row.selects !== 1 || row.select_audits !== 1) {
        lost += 1;
        failures.push(
          `selection ${a.id} acknowledged, now ${row.status}, ${row.selects} events, ${row.select_audits} audits`,
        );
      }
    }
    if (a.kind === 'withdraw' && acknowledged(a)) {
      if (row.status !== 'withdrawn' || row.withdraws !== 1 || row.withdraw_audits !== 1) {
        lost += 1;
        failures.push(
          `withdrawal ${a.id} acknowledged, now ${row.status}, ${row.withdraws} events`,
        );
      }
    }
    if (
      a.kind === 'select' &&
      a.status === 409 &&
      a.problem === 'no_seat' &&
      !failedIds.has(a.id)
    ) {
      if (row.status !== 'submitted' || row.selects !== 0)
        failures.push(`refused selection ${a.id} is ${row.status} with ${row.selects} events`);
    }
  }
  // Every session's acknowledged selections: each decision acknowledged once only.
  const ackCount = new Map<string, number>();
  for (const a of attempts.filter(acknowledged)) {
    const key = `${a.kind} ${a.id}`;
    ackCount.set(key, (ackCount.get(key) ?? 0) + 1);
  }
  for (const [key, n] of ackCount) if (n > 1) failures.push(`${key} acknowledged ${n} times`);

  const notSettled = attempts.filter((a) => !settled(a));
  const unclean = notSettled
    .filter(
      (a) =>
        a.status !== 503 ||
        !a.type.startsWith('application/problem+json') ||
        !['database_unavailable', 'server_unavailable'].includes(a.problem ?? ''),
    )
    .map((a) => `${a.status} ${a.type} ${a.problem}`);
  const ackTimes = [
    0,
    ...attempts.filter(acknowledged).map((a) => a.at),
    result.seconds * 1000,
  ].sort((x, y) => x - y);
  let gap = 0;
  for (let i = 1; i < ackTimes.length; i += 1)
    gap = Math.max(gap, (ackTimes[i] as number) - (ackTimes[i - 1] as number));
  const promotions = [...state.values()].reduce((sum, r) => sum + r.promotes, 0);
  return {
    requests: attempts.length,
    acknowledged: attempts.filter(acknowledged).length,
    refused: attempts.filter((a) => a.status >= 400 && a.status < 500).length,
    failed: notSettled.length,
    unclean,
    lost,
    duplicated,
    secondsWithoutService: gap / 1000,
    seatsTaken: sessions.reduce((sum, s) => sum + s.seats_taken, 0),
    promotions,
    failures,
  };
}

/** How many events each nomination of the sessions has, for comparing two nodes. */
export async function eventDigest(url: string, codes: string[]) {
  const [row] = await rows<{ events: number; selected: number; seats: number }>(
    url,
    `select (select count(*)::int from nomination_events e join nominations n on n.id = e.nomination_id
               join training_sessions s on s.id = n.session_id where s.code = any($1)) as events,
            (select count(*)::int from nominations n join training_sessions s on s.id = n.session_id
               where s.code = any($1) and n.status = 'selected') as selected,
            (select coalesce(sum(seats_taken), 0)::int from training_sessions where code = any($1)) as seats`,
    [codes],
  );
  return row as { events: number; selected: number; seats: number };
}
