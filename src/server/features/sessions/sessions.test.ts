import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Session, SessionInput, SessionSummary } from '../../../contract/sessions.js';
import { systemContext } from '../context.js';
import { createVenue } from '../venues/service.js';
import { makeActivity, ROME, seedSessionBasics, sessionInput } from './test-data.js';

type Page = { items: SessionSummary[]; nextCursor: string | null };

describe('sessions', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let observer: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC', {
      title: { en: 'Counter-terrorism basics', ar: 'أساسيات مكافحة الإرهاب' },
    });
    await makeActivity(t.db.db, 'MD-ONLY', {
      title: { en: 'Mediterranean maritime security' },
      releasability: { frameworks: ['MD'] },
    });
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    observer = await signInAs(t, ['observer']);
    for (const [code, activity, start, end] of [
      ['CT-A-27', 'CT-BASIC', '2027-02-28', '2027-03-04'],
      ['CT-B-27', 'CT-BASIC', '2027-04-04', '2027-04-08'],
      ['MD-A-27', 'MD-ONLY', '2027-03-14', '2027-03-18'],
    ] as const) {
      const created = await create(
        registrar,
        sessionInput(code, activity, { startDate: start, endDate: end }),
      );
      expect(created.statusCode, created.body).toBe(201);
    }
    for (const code of ['CT-A-27', 'MD-A-27']) {
      const moved = await call(t.app, registrar, 'POST', `/api/v1/sessions/${code}/transitions`, {
        to: 'announced',
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  function create(session: Browser | null, body: object) {
    return call(t.app, session, 'POST', '/api/v1/sessions', body);
  }

  async function list(session: Browser, query = ''): Promise<Page> {
    const response = await call(t.app, session, 'GET', `/api/v1/sessions${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }
  const codes = (page: Page) => page.items.map((s) => s.code);

  it('creates a draft session with its venue facts computed, audited', async () => {
    const director = await makeUser(t.db.db, ['course_director']);
    const instructor = await makeUser(t.db.db, ['instructor']);
    const input: SessionInput = sessionInput('CT-C-27', 'CT-BASIC', {
      directorId: director.id,
      instructorIds: [instructor.id],
      quotaReleaseOn: '2027-02-01',
    });
    const response = await create(registrar, input);
    expect(response.statusCode, response.body).toBe(201);
    const session = response.json<Session>();
    expect(session).toMatchObject({
      code: 'CT-C-27',
      activityCode: 'CT-BASIC',
      activityTitle: { en: 'Counter-terrorism basics' },
      status: 'draft',
      venueCode: 'KWI-NIRC',
      timeZone: 'Asia/Kuwait',
      // The end of 10 February in Kuwait (UTC+3).
      nominationDeadline: '2027-02-10T20:59:59.999Z',
      // Sunday 7 to Thursday 11 March, without the Eid holiday on the 10th.
      workingDays: ['2027-03-07', '2027-03-08', '2027-03-09', '2027-03-11'],
      seats: { capacity: 20, quotaTotal: 7, pool: 13, taken: 0, left: 20 },
      quotas: [
        { nationCode: 'KWT', seats: 4 },
        { nationCode: 'QAT', seats: 3 },
      ],
      myQuota: null,
      directorId: director.id,
      directorName: 'Test course_director',
      instructors: [{ id: instructor.id, displayName: 'Test instructor' }],
      allowedTransitions: ['announced', 'cancelled'],
      language: 'en',
    });
    const { rows } = await t.db.pool.query(
      `select actor_id, after from audit_log where action = 'session.created' and entity_id = $1`,
      [session.id],
    );
    expect(rows).toEqual([{ actor_id: registrar.userId, after: session }]);
    const read = await call(t.app, registrar, 'GET', '/api/v1/sessions/CT-C-27');
    expect(read.json<Session>()).toEqual(session);
  });

  it('refuses a duplicate code with 409', async () => {
    expectProblem(
      await create(registrar, sessionInput('CT-A-27', 'CT-BASIC')),
      409,
      'session_exists',
    );
  });

  it.each([
    ['an unknown activity', { activityCode: 'NOPE' }, 'activityCode', 'unknown_activity'],
    ['an unknown venue', { venueCode: 'NOWHERE' }, 'venueCode', 'unknown_venue'],
    [
      'an unknown nation in the quotas',
      {
        quotas: [
          { nationCode: 'KWT', seats: 1 },
          { nationCode: 'XYZ', seats: 1 },
        ],
      },
      'quotas.1.nationCode',
      'unknown_nation',
    ],
    [
      'quotas over capacity',
      {
        capacity: 6,
        quotas: [
          { nationCode: 'KWT', seats: 4 },
          { nationCode: 'QAT', seats: 3 },
        ],
      },
      'quotas',
      'quotas_over_capacity',
    ],
    [
      'a nation twice',
      {
        quotas: [
          { nationCode: 'KWT', seats: 1 },
          { nationCode: 'KWT', seats: 2 },
        ],
      },
      'quotas.1.nationCode',
      'duplicate_quota',
    ],
    ['an end before the start', { endDate: '2027-03-06' }, 'endDate', 'end_before_start'],
    [
      'a window closing after the start',
      { nominationCloses: '2027-03-08' },
      'nominationCloses',
      'window_closes_after_start',
    ],
    [
      'an unknown director',
      { directorId: '00000000-0000-4000-8000-000000000001' },
      'directorId',
      'unknown_user',
    ],
    [
      'an unknown instructor',
      { instructorIds: ['00000000-0000-4000-8000-000000000001'] },
      'instructorIds.0',
      'unknown_user',
    ],
    ['a zero capacity', { capacity: 0 }, 'capacity', 'too_small'],
    ['a bad date', { startDate: '2027-02-30' }, 'startDate', 'invalid_format'],
  ])(
    'refuses %s with 400 naming the field, and writes nothing',
    async (_, overrides, field, code) => {
      const response = await create(registrar, sessionInput('BAD-1', 'CT-BASIC', overrides));
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/sessions/BAD-1'),
        404,
        'not_found',
      );
    },
  );

  it('refuses an inactive director', async () => {
    const gone = await makeUser(t.db.db, ['course_director']);
    await t.db.pool.query('update users set active = false where id = $1', [gone.id]);
    const response = await create(
      registrar,
      sessionInput('BAD-2', 'CT-BASIC', { directorId: gone.id }),
    );
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toEqual(['directorId']);
  });

  it('lets only session managers create, and only signed-in users read', async () => {
    expectProblem(await create(npoc, sessionInput('NPOC-1', 'CT-BASIC')), 403, 'forbidden');
    expectProblem(await create(null, sessionInput('ANON-1', 'CT-BASIC')), 401, 'unauthenticated');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/sessions'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/sessions/CT-A-27'),
      401,
      'unauthenticated',
    );
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/sessions/NOPE-27'), 404, 'not_found');
  });

  it('hides drafts and sessions not released to the nation from a nation-scoped reader', async () => {
    expect(codes(await list(registrar))).toEqual(['CT-A-27', 'CT-C-27', 'MD-A-27', 'CT-B-27']);
    expect(codes(await list(observer))).toEqual(['CT-A-27', 'CT-C-27', 'MD-A-27', 'CT-B-27']);
    expect(codes(await list(npoc))).toEqual(['CT-A-27']);
    for (const code of ['MD-A-27', 'CT-B-27']) {
      expectProblem(await call(t.app, npoc, 'GET', `/api/v1/sessions/${code}`), 404, 'not_found');
    }
    expect(codes(await list(npoc, '?q=MD'))).toEqual([]);
    expect(codes(await list(npoc, '?q=maritime'))).toEqual([]);
    expect(codes(await list(registrar, '?q=maritime'))).toEqual(['MD-A-27']);
    expect(codes(await list(npoc, '?from=2027-03-01&to=2027-03-31'))).toEqual(['CT-A-27']);
    expect(codes(await list(registrar, '?from=2027-03-01&to=2027-03-31'))).toEqual([
      'CT-A-27',
      'CT-C-27',
      'MD-A-27',
    ]);
  });

  it('shows a nation-scoped reader only their own quota', async () => {
    const [summary] = (await list(npoc)).items;
    expect(summary).toMatchObject({
      code: 'CT-A-27',
      myQuota: 4,
      seats: { quotaTotal: 7, pool: 13 },
    });
    const one = (await call(t.app, npoc, 'GET', '/api/v1/sessions/CT-A-27')).json<Session>();
    expect(one).toMatchObject({ quotas: [{ nationCode: 'KWT', seats: 4 }], myQuota: 4 });
    expect(one.allowedTransitions).toEqual([]);
    const qatar = await signInAs(t, ['nominator'], 'QAT');
    const seen = (await call(t.app, qatar, 'GET', '/api/v1/sessions/CT-A-27')).json<Session>();
    expect(seen).toMatchObject({ quotas: [{ nationCode: 'QAT', seats: 3 }], myQuota: 3 });
  });

  it('filters by activity, discipline, status, venue, text and open window', async () => {
    expect(codes(await list(registrar, '?activityCode=MD-ONLY'))).toEqual(['MD-A-27']);
    expect(codes(await list(registrar, '?disciplineCode=CT&status=draft'))).toEqual([
      'CT-C-27',
      'CT-B-27',
    ]);
    expect(codes(await list(registrar, '?venueCode=ROM-NDC'))).toEqual([]);
    expect(codes(await list(registrar, '?q=ct-b-'))).toEqual(['CT-B-27']);
    expect(
      codes(await list(registrar, '?q=%D8%A3%D8%B3%D8%A7%D8%B3%D9%8A%D8%A7%D8%AA')),
    ).toHaveLength(3);
    // As the catalogue matches titles: without the hamza, with the article, with vowel marks.
    for (const typed of ['اساسيات مكافحه', 'الأساسيات', 'أَسَاسِيَّات']) {
      expect(codes(await list(registrar, `?q=${encodeURIComponent(typed)}`))).toHaveLength(3);
    }
    // The windows of these sessions are in 2027: none is open today.
    expect(codes(await list(registrar, '?openForNominations=true'))).toEqual([]);
    await t.db.pool.query(
      `update training_sessions set nomination_opens = current_date - 1 where code = 'CT-A-27'`,
    );
    expect(codes(await list(npoc, '?openForNominations=true'))).toEqual(['CT-A-27']);
    expect(codes(await list(registrar, '?openForNominations=false'))).not.toContain('CT-A-27');
    const bad = await call(t.app, registrar, 'GET', '/api/v1/sessions?status=planned');
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.field).toBe('status');
  });

  it('pages through the list with a cursor in date order', async () => {
    const first = await list(registrar, '?limit=3');
    expect(codes(first)).toEqual(['CT-A-27', 'CT-C-27', 'MD-A-27']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(registrar, `?limit=3&cursor=${first.nextCursor}`);
    expect(codes(second)).toEqual(['CT-B-27']);
    expect(second.nextCursor).toBeNull();
    const bad = await call(t.app, registrar, 'GET', '/api/v1/sessions?cursor=junk');
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.code).toBe('invalid_cursor');
  });

  it('makes a session abroad a mobile training team for its host nation, staff travel included', async () => {
    await t.db.db.transaction((tx) =>
      createVenue(systemContext(tx, 'seed'), {
        ...ROME,
        code: 'DOH',
        name: { en: 'Doha', fr: 'Doha', ar: 'الدوحة' },
        countryCode: 'QAT',
        timeZone: 'Asia/Qatar',
        workingDays: [0, 1, 2, 3, 4],
        holidays: [{ date: '2027-05-11', name: { en: 'A holiday' } }],
      }),
    );
    const director = await makeUser(t.db.db, ['course_director']);
    const instructor = await makeUser(t.db.db, ['instructor']);
    const created = await create(registrar, {
      ...sessionInput('MTT-A-27', 'CT-BASIC', {
        venueCode: 'DOH',
        startDate: '2027-05-09',
        endDate: '2027-05-13',
        directorId: director.id,
        instructorIds: [instructor.id],
      }),
      quotas: undefined,
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json<Session>();
    // The host's officers get every seat; the venue's week, zone and holidays rule its days.
    expect(session).toMatchObject({
      hostNation: { code: 'QAT', name: { en: 'Qatar' } },
      quotas: [{ nationCode: 'QAT', seats: 20 }],
      timeZone: 'Asia/Qatar',
      workingDays: ['2027-05-09', '2027-05-10', '2027-05-12', '2027-05-13'],
    });
    expect(
      (await call(t.app, registrar, 'GET', '/api/v1/sessions/CT-A-27')).json<Session>().hostNation,
    ).toBeNull();
    const announced = await call(
      t.app,
      registrar,
      'POST',
      '/api/v1/sessions/MTT-A-27/transitions',
      {
        to: 'announced',
      },
    );
    expect(announced.statusCode, announced.body).toBe(200);
    const qatar = await signInAs(t, ['npoc'], 'QAT');
    const seen = (await list(qatar, '?q=MTT-A')).items[0];
    expect(seen).toMatchObject({ hostNation: { code: 'QAT' }, myQuota: 20 });

    const atCentre = await create(
      registrar,
      sessionInput('CT-D-27', 'CT-BASIC', { hostNationCode: 'QAT' }),
    );
    expectProblem(atCentre, 400, 'host_nation_at_centre');
    const unknown = await create(
      registrar,
      sessionInput('CT-D-27', 'CT-BASIC', { venueCode: 'DOH', hostNationCode: 'ZZZ' }),
    );
    expect(expectProblem(unknown, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'hostNationCode', code: 'unknown_nation' }),
    ]);

    // The team travels: the director's flight and hotel, as a lecturer's are kept.
    const travel = (userId: string, body: object, who = registrar) =>
      call(t.app, who, 'PUT', `/api/v1/sessions/MTT-A-27/staff-travel/${userId}`, body);
    const recorded = await travel(director.id, {
      arrivalAt: '2027-05-08T10:00:00.000Z',
      arrivalFlight: 'KU 617',
      hotel: 'Sheraton Doha',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expectProblem(
      await travel(director.id, { departureAt: '2027-05-01T10:00:00.000Z' }),
      400,
      'validation_failed',
    );
    expectProblem(await travel(crypto.randomUUID(), { hotel: 'x' }), 404, 'not_found');
    expectProblem(await travel(director.id, { hotel: 'x' }, qatar), 403, 'forbidden');
    const all = await call(t.app, registrar, 'GET', '/api/v1/sessions/MTT-A-27/staff-travel');
    expect(all.json()).toEqual([
      expect.objectContaining({ userId: director.id, role: 'director', hotel: 'Sheraton Doha' }),
      expect.objectContaining({ userId: instructor.id, role: 'instructor', hotel: null }),
    ]);
    const { rows } = await t.db.pool.query(
      `select after from audit_log where action = 'session.staff-travel-recorded'`,
    );
    expect(rows).toHaveLength(1);
  });
});
