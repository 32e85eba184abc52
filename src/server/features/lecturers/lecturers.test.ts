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
import type {
  Assignment,
  Lecturer,
  LecturerConflict,
  LecturerPage,
  MyAssignment,
} from '../../../contract/lecturers.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

describe('lecturers and speakers', () => {
  let t: TestApp;
  let registrar: Browser;
  let director: Browser;
  let npoc: Browser;
  let lecturerUser: { id: string; email: string; password: string };
  let expert: Lecturer;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    director = await signInAs(t, ['course_director']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    lecturerUser = await makeUser(t.db.db, ['instructor']);
    for (const [code, startDate, endDate] of [
      ['LS-1', '2027-03-07', '2027-03-11'],
      ['LS-2', '2027-03-11', '2027-03-15'],
      ['LS-3', '2027-04-04', '2027-04-08'],
      ['LS-4', '2027-05-02', '2027-05-06'],
    ] as const) {
      const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
        ...sessionInput(code, 'CT-BASIC'),
        startDate,
        endDate,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const auditOf = async (action: string) => {
    const { rows } = await t.db.pool.query<{ before: unknown; after: Record<string, unknown> }>(
      'select before, after from audit_log where action = $1 order by id',
      [action],
    );
    return rows;
  };
  const assign = (code: string, body: object) =>
    call(t.app, registrar, 'POST', `/api/v1/sessions/${code}/lecturers`, body);

  it('adds an outside expert with both scripts, sorted periods, audited', async () => {
    const response = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'external',
      nameLatin: 'Dr Amira Haddad',
      nameArabic: 'د. أميرة حداد',
      institution: 'JCBRN Defence COE',
      expertise: ['CBRN', 'crisis management'],
      languages: ['en', 'ar'],
      email: 'A.Haddad@coe.example',
      phone: '+420 973 000 000',
      unavailable: [
        { from: '2027-05-01', to: '2027-05-31', note: 'Exercise' },
        { from: '2027-04-06', to: '2027-04-06' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expert = response.json<Lecturer>();
    expect(expert).toMatchObject({
      nameArabic: 'د. أميرة حداد',
      userId: null,
      unavailable: [
        { from: '2027-04-06', to: '2027-04-06', note: null },
        { from: '2027-05-01', to: '2027-05-31', note: 'Exercise' },
      ],
    });
    const [audit] = await auditOf('lecturer.created');
    expect(audit?.after).toMatchObject({ id: expert.id, email: 'A.Haddad@coe.example' });
  });

  it.each([
    ['no name', { nameLatin: '' }, 'nameLatin'],
    ['an unknown kind', { kind: 'guest' }, 'kind'],
    ['a bad e-mail', { email: 'not-mail' }, 'email'],
    ['a language that is not a code', { languages: ['English'] }, 'languages.0'],
    [
      'a period that ends first',
      { unavailable: [{ from: '2027-02-02', to: '2027-02-01' }] },
      'unavailable.0.to',
    ],
    ['a NUL in a field', { institution: 'a\u0000b' }, 'institution'],
  ])('refuses %s with 400, writing nothing', async (_, overrides, field) => {
    const before = (await auditOf('lecturer.created')).length;
    const response = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'internal',
      nameLatin: 'Someone',
      ...overrides,
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect((await auditOf('lecturer.created')).length).toBe(before);
  });

  it('refuses a second lecturer with the same e-mail in another case (409)', async () => {
    const response = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'internal',
      nameLatin: 'Copy',
      email: 'a.haddad@COE.example',
    });
    expectProblem(response, 409, 'lecturer_email_exists');
  });

  it('links an internal lecturer to a user, and refuses an unknown user', async () => {
    const unknown = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'internal',
      nameLatin: 'Ghost',
      userId: '00000000-0000-4000-8000-000000000001',
    });
    expect(expectProblem(unknown, 400, 'validation_failed').errors?.[0]?.field).toBe('userId');
    const linked = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'internal',
      nameLatin: 'Colonel Yusuf Al-Sabah',
      userId: lecturerUser.id,
    });
    expect(linked.statusCode, linked.body).toBe(201);
  });

  it('lists with search in either script, by kind, a page at a time', async () => {
    const search = async (query: string) =>
      (await call(t.app, director, 'GET', `/api/v1/lecturers?${query}`)).json<LecturerPage>();
    expect((await search('q=haddad')).items.map((l) => l.id)).toEqual([expert.id]);
    expect((await search(`q=${encodeURIComponent('أميرة')}`)).items.map((l) => l.id)).toEqual([
      expert.id,
    ]);
    expect((await search('q=cbrn%20coe')).items).toHaveLength(1);
    expect((await search('q=50%25')).items).toHaveLength(0);
    expect((await search('kind=internal')).items.map((l) => l.nameLatin)).toEqual([
      'Colonel Yusuf Al-Sabah',
    ]);
    const first = await search('limit=1');
    expect(first.items.map((l) => l.nameLatin)).toEqual(['Colonel Yusuf Al-Sabah']);
    const second = await search(`limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((l) => l.nameLatin)).toEqual(['Dr Amira Haddad']);
    expect(second.nextCursor).toBeNull();
    expectProblem(
      await call(t.app, director, 'GET', '/api/v1/lecturers?cursor=bm9wZQ'),
      400,
      'validation_failed',
    );
  });

  it('edits only the fields sent, before and after audited', async () => {
    const response = await call(t.app, registrar, 'PATCH', `/api/v1/lecturers/${expert.id}`, {
      phone: null,
      languages: ['en', 'ar', 'fr'],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Lecturer>()).toMatchObject({ phone: null, nameLatin: 'Dr Amira Haddad' });
    const [audit] = await auditOf('lecturer.updated');
    expect(audit?.before).toMatchObject({ phone: '+420 973 000 000' });
    expectProblem(
      await call(
        t.app,
        registrar,
        'PATCH',
        '/api/v1/lecturers/00000000-0000-4000-8000-000000000009',
        {
          phone: null,
        },
      ),
      404,
      'not_found',
    );
  });

  it('keeps contact data from nations: an NPOC reads no lecturer, a director cannot write', async () => {
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/lecturers'), 403, 'forbidden');
    expectProblem(
      await call(t.app, npoc, 'GET', `/api/v1/lecturers/${expert.id}`),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, npoc, 'GET', '/api/v1/sessions/LS-1/lecturers'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, director, 'POST', '/api/v1/lecturers', {
        kind: 'internal',
        nameLatin: 'X',
      }),
      403,
      'forbidden',
    );
    expectProblem(await call(t.app, null, 'GET', '/api/v1/lecturers'), 401, 'unauthenticated');
    const read = await call(t.app, director, 'GET', `/api/v1/lecturers/${expert.id}`);
    expect(read.json<Lecturer>().email).toBe('A.Haddad@coe.example');
  });

  it('assigns a lecturer with travel, audited, and refuses the same lecturer twice', async () => {
    const response = await assign('LS-1', {
      lecturerId: expert.id,
      role: 'lecturer',
      arrivalAt: '2027-03-06T14:30:00Z',
      arrivalFlight: 'KU 102',
      departureAt: '2027-03-11T20:00:00Z',
      hotel: 'Jumeirah Messilah',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Assignment>()).toMatchObject({
      sessionCode: 'LS-1',
      role: 'lecturer',
      arrivalFlight: 'KU 102',
      conflicts: [],
    });
    expect((await auditOf('lecturer.assigned')).at(-1)?.after).toMatchObject({
      sessionCode: 'LS-1',
      conflictsConfirmed: [],
    });
    expectProblem(
      await assign('LS-1', { lecturerId: expert.id, role: 'speaker' }),
      409,
      'lecturer_assigned',
    );
  });

  it('refuses travel that departs before it arrives', async () => {
    const response = await assign('LS-4', {
      lecturerId: expert.id,
      role: 'lecturer',
      arrivalAt: '2027-05-02T10:00:00Z',
      departureAt: '2027-05-01T10:00:00Z',
      confirmConflicts: true,
    });
    expect(expectProblem(response, 400, 'validation_failed').errors?.[0]?.field).toBe(
      'departureAt',
    );
  });

  it('refuses an overlapping session (one shared day) unless confirmed, then lists the conflict', async () => {
    const refused = await assign('LS-2', { lecturerId: expert.id, role: 'panellist' });
    const problem = expectProblem(refused, 409, 'lecturer_conflict');
    expect((problem as unknown as { conflicts: LecturerConflict[] }).conflicts).toEqual([
      {
        kind: 'session',
        sessionCode: 'LS-1',
        role: 'lecturer',
        startDate: '2027-03-07',
        endDate: '2027-03-11',
      },
    ]);
    expect(problem.detail).toContain('LS-1 (2027-03-07 to 2027-03-11)');
    const none = await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-2/lecturers');
    expect(none.json<Assignment[]>()).toEqual([]);

    const confirmed = await assign('LS-2', {
      lecturerId: expert.id,
      role: 'panellist',
      confirmConflicts: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect((await auditOf('lecturer.assigned')).at(-1)?.after.conflictsConfirmed).toEqual([
      expect.objectContaining({ kind: 'session', sessionCode: 'LS-1' }),
    ]);
    // Both sessions now show the clash to whoever reads them.
    const list = await call(t.app, director, 'GET', '/api/v1/sessions/LS-1/lecturers');
    expect(list.json<Assignment[]>()[0]?.conflicts).toEqual([
      expect.objectContaining({ kind: 'session', sessionCode: 'LS-2', role: 'panellist' }),
    ]);
  });

  it('finds an interpreter booked in two booths at once as it finds a lecturer', async () => {
    const created = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'external',
      nameLatin: 'Rania Khoury',
      nameArabic: 'رانيا خوري',
      institution: 'Conference interpreters, Kuwait',
      languages: ['ar', 'en'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const interpreter = created.json<Lecturer>();
    const first = await assign('LS-1', { lecturerId: interpreter.id, role: 'interpreter' });
    expect(first.statusCode, first.body).toBe(201);
    const refused = await assign('LS-2', { lecturerId: interpreter.id, role: 'interpreter' });
    const problem = expectProblem(refused, 409, 'lecturer_conflict');
    expect((problem as unknown as { conflicts: LecturerConflict[] }).conflicts).toEqual([
      expect.objectContaining({ kind: 'session', sessionCode: 'LS-1', role: 'interpreter' }),
    ]);
    const onLs2 = await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-2/lecturers');
    expect(onLs2.json<Assignment[]>().map((a) => a.lecturer.id)).not.toContain(interpreter.id);
  });

  it('refuses a session in an unavailable period unless confirmed', async () => {
    const refused = await assign('LS-3', { lecturerId: expert.id, role: 'speaker' });
    const problem = expectProblem(refused, 409, 'lecturer_conflict');
    expect((problem as unknown as { conflicts: LecturerConflict[] }).conflicts).toEqual([
      { kind: 'unavailable', from: '2027-04-06', to: '2027-04-06', note: null },
    ]);
    expect(problem.errors?.[0]?.code).toBe('lecturer_unavailable');
    const confirmed = await assign('LS-3', {
      lecturerId: expert.id,
      role: 'speaker',
      confirmConflicts: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  });

  it('does not count a cancelled session', async () => {
    const cancel = await call(t.app, registrar, 'POST', '/api/v1/sessions/LS-2/transitions', {
      to: 'cancelled',
      reason: 'Speaker programme changed',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const list = await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-1/lecturers');
    expect(list.json<Assignment[]>()[0]?.conflicts).toEqual([]);
    // A cancelled session's lecturers no longer change.
    const [assignment] = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-2/lecturers')
    ).json<Assignment[]>();
    expectProblem(
      await call(t.app, registrar, 'DELETE', `/api/v1/sessions/LS-2/lecturers/${assignment?.id}`),
      409,
      'session_not_editable',
    );
  });

  it('changes travel without asking again, and a new role asks again', async () => {
    const [onLs3] = (await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-3/lecturers')).json<
      Assignment[]
    >();
    const url = `/api/v1/sessions/LS-3/lecturers/${onLs3?.id}`;
    const travel = await call(t.app, registrar, 'PATCH', url, { hotel: 'Four Points' });
    expect(travel.statusCode, travel.body).toBe(200);
    expect(travel.json<Assignment>()).toMatchObject({ hotel: 'Four Points', role: 'speaker' });
    expectProblem(
      await call(t.app, registrar, 'PATCH', url, { role: 'moderator' }),
      409,
      'lecturer_conflict',
    );
    const moved = await call(t.app, registrar, 'PATCH', url, {
      role: 'moderator',
      confirmConflicts: true,
    });
    expect(moved.json<Assignment>().role).toBe('moderator');
    expect((await auditOf('lecturer.assignment-updated')).at(-1)?.before).toMatchObject({
      role: 'speaker',
    });
  });

  it('shows a lecturer who signs in their own assignments, and nobody else’s', async () => {
    const [colonel] = (
      await call(t.app, registrar, 'GET', '/api/v1/lecturers?kind=internal')
    ).json<LecturerPage>().items;
    const assigned = await assign('LS-4', { lecturerId: colonel?.id, role: 'moderator' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const me = await signIn(t.app, lecturerUser.email, lecturerUser.password);
    const mine = (await call(t.app, me, 'GET', '/api/v1/me/lecturer-assignments')).json<
      MyAssignment[]
    >();
    expect(mine.map((a) => [a.sessionCode, a.role])).toEqual([['LS-4', 'moderator']]);
    const theirs = await call(t.app, npoc, 'GET', '/api/v1/me/lecturer-assignments');
    expect(theirs.json()).toEqual([]);
  });

  it('links by e-mail until the lecturer has an account of their own', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const created = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'external',
      nameLatin: 'Mail Linked',
      email: user.email.toUpperCase(),
    });
    const lecturer = created.json<Lecturer>();
    expect((await assign('LS-1', { lecturerId: lecturer.id, role: 'speaker' })).statusCode).toBe(
      201,
    );
    const me = await signIn(t.app, user.email, user.password);
    const mine = (await call(t.app, me, 'GET', '/api/v1/me/lecturer-assignments')).json<
      MyAssignment[]
    >();
    expect(mine.map((a) => a.sessionCode)).toEqual(['LS-1']);
  });

  it('takes a lecturer off a session, audited, and answers 404 for one not on it', async () => {
    const [first] = (await call(t.app, registrar, 'GET', '/api/v1/sessions/LS-4/lecturers')).json<
      Assignment[]
    >();
    const url = `/api/v1/sessions/LS-4/lecturers/${first?.id}`;
    expect((await call(t.app, registrar, 'DELETE', url)).statusCode).toBe(204);
    expect((await auditOf('lecturer.unassigned')).at(-1)?.before).toMatchObject({
      sessionCode: 'LS-4',
    });
    expectProblem(await call(t.app, registrar, 'DELETE', url), 404, 'not_found');
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/sessions/NOPE-1/lecturers'),
      404,
      'not_found',
    );
  });
});
