import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type {
  Participant,
  ParticipantDetail,
  ParticipantInput,
  PossibleDuplicateProblem,
} from '../../../contract/participants.js';
import { systemContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

type Page = { items: Participant[]; nextCursor: string | null };

const FAHAD: ParticipantInput = {
  nationCode: 'KWT',
  familyNameLatin: 'Al-Mutairi',
  givenNamesLatin: 'Fahad Nasser',
  familyNameArabic: 'المطيري',
  givenNamesArabic: 'فهد ناصر',
  service: 'Kuwait Army',
  rankCode: 'OF-3',
  rankTitle: 'Major',
  email: 'fahad.almutairi@kwt.example',
  languageProfiles: [{ language: 'en', profile: '3222' }],
  clearanceLevel: 'NS',
  clearanceExpiresOn: '2028-06-30',
  dateOfBirth: '1985-04-12',
};

const AHMED: ParticipantInput = {
  nationCode: 'KWT',
  familyNameLatin: 'Al-Enezi',
  givenNamesLatin: 'Ahmed',
  familyNameArabic: 'العنزي',
  givenNamesArabic: 'أحمد',
  rankCode: 'OR-7',
  email: 'ahmed.alenezi@kwt.example',
  dateOfBirth: '1990-01-20',
};

const MARYAM: ParticipantInput = {
  nationCode: 'QAT',
  familyNameLatin: 'Al-Kuwari',
  givenNamesLatin: 'Maryam',
  familyNameArabic: 'الكواري',
  givenNamesArabic: 'مريم',
  rankCode: 'CIV',
  email: 'maryam.alkuwari@qat.example',
  dateOfBirth: '1988-09-02',
};

describe('participants', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;
  let nominatorKwt: Browser;
  let observer: Browser;
  let director: Browser;
  let person: Browser;
  let instructor: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC', {
      title: { en: 'Counter-terrorism basics', ar: 'أساسيات مكافحة الإرهاب' },
    });
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    nominatorKwt = await signInAs(t, ['nominator'], 'KWT');
    observer = await signInAs(t, ['observer']);
    director = await signInAs(t, ['course_director']);
    person = await signInAs(t, ['participant'], 'KWT');
    instructor = await signInAs(t, ['instructor']);
    for (const [key, input] of [
      ['fahad', FAHAD],
      ['ahmed', AHMED],
      ['maryam', MARYAM],
    ] as const) {
      const response = await create(registrar, input);
      expect(response.statusCode, response.body).toBe(201);
      ids[key] = response.json<Participant>().id;
    }
  });
  afterAll(() => t.close());

  function create(session: Browser | null, body: object) {
    return call(t.app, session, 'POST', '/api/v1/participants', body);
  }
  async function list(session: Browser, query = ''): Promise<Page> {
    const response = await call(t.app, session, 'GET', `/api/v1/participants${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }
  const names = (page: Page) => page.items.map((p) => p.familyNameLatin);
  const search = (session: Browser, q: string) =>
    list(session, `?q=${encodeURIComponent(q)}`).then(names);
  const audits = async (action: string, id: string) =>
    (
      await t.db.pool.query(
        'select actor_id, before, after from audit_log where action = $1 and entity_id = $2',
        [action, id],
      )
    ).rows;

  describe('create', () => {
    it('registers a person, answers 201 with the record, and audits it', async () => {
      const response = await create(npocKwt, {
        ...AHMED,
        familyNameLatin: 'Al-Rashidi',
        givenNamesLatin: 'Salem',
        familyNameArabic: 'الرشيدي',
        givenNamesArabic: 'سالم',
        email: 'salem.alrashidi@kwt.example',
        languageProfiles: [
          { language: 'en', profile: '2211' },
          { language: 'fr', profile: '1000' },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json<ParticipantDetail>();
      expect(created).toMatchObject({
        nationCode: 'KWT',
        familyNameLatin: 'Al-Rashidi',
        givenNamesArabic: 'سالم',
        rankCode: 'OR-7',
        rankTitle: null,
        clearanceLevel: 'NONE',
        clearanceExpiresOn: null,
        hasAccount: false,
        history: [],
      });
      expect(created.languageProfiles).toEqual([
        { language: 'en', profile: '2211' },
        { language: 'fr', profile: '1000' },
      ]);
      const [audit] = await audits('participant.created', created.id);
      expect(audit).toMatchObject({ actor_id: npocKwt.userId, before: null });
      const { history: _, ...record } = created;
      expect(audit.after).toEqual(record);
    });

    it('lets a nominator register a person of their own nation', async () => {
      const response = await create(nominatorKwt, {
        ...AHMED,
        familyNameLatin: 'Al-Hajri',
        familyNameArabic: 'الهاجري',
        email: null,
      });
      expect(response.statusCode, response.body).toBe(201);
    });

    it.each([
      ['no family name', { familyNameLatin: '' }, 'familyNameLatin'],
      ['a rank that is not a NATO code', { rankCode: 'Major' }, 'rankCode'],
      [
        'a bad language profile',
        { languageProfiles: [{ language: 'en', profile: '32' }] },
        'languageProfiles.0.profile',
      ],
      ['a bad e-mail', { email: 'not-an-email' }, 'email'],
      ['an unknown clearance', { clearanceLevel: 'TOP' }, 'clearanceLevel'],
      ['an unknown field', { nickname: 'Abu Nasser' }, 'nickname'],
      ['a bad date of birth', { dateOfBirth: '1985-02-30' }, 'dateOfBirth'],
    ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
      const problem = expectProblem(
        await create(registrar, { ...AHMED, email: 'x@kwt.example', ...overrides }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each([
      [
        'the same language twice',
        {
          languageProfiles: [
            { language: 'en', profile: '2222' },
            { language: 'en', profile: '3333' },
          ],
        },
        'languageProfiles.1.language',
        'duplicate_language',
      ],
      [
        'an expiry without a clearance',
        { clearanceExpiresOn: '2027-01-01' },
        'clearanceExpiresOn',
        'expiry_without_clearance',
      ],
      ['an unknown nation', { nationCode: 'XYZ' }, 'nationCode', 'unknown_nation'],
    ])('refuses %s with 400 and writes nothing', async (_, overrides, field, code) => {
      const before = await list(registrar, '?limit=200');
      const problem = expectProblem(
        await create(registrar, { ...AHMED, email: 'nobody@kwt.example', ...overrides }),
        400,
        'validation_failed',
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
      expect((await list(registrar, '?limit=200')).items).toHaveLength(before.items.length);
    });

    it('answers 401 without a session and 403 to roles that may not manage people', async () => {
      expectProblem(await create(null, MARYAM), 401, 'unauthenticated');
      for (const session of [observer, director, person, instructor]) {
        expectProblem(
          await create(session, { ...MARYAM, email: 'm@qat.example' }),
          403,
          'forbidden',
        );
      }
    });

    it('treats another nation as not found for a nation-scoped user', async () => {
      const problem = expectProblem(
        await create(npocKwt, { ...MARYAM, email: 'other@qat.example' }),
        404,
        'not_found',
      );
      expect(problem.detail).toContain('QAT');
      expectProblem(
        await create(npocKwt, { ...MARYAM, nationCode: 'XYZ', email: 'other@x.example' }),
        404,
        'not_found',
      );
      expect(await search(registrar, 'other@')).toEqual([]);
    });
  });

  describe('duplicates', () => {
    const dateOnly = (overrides: Partial<ParticipantInput>) => ({
      ...FAHAD,
      email: null,
      ...overrides,
    });

    it.each([
      [
        'the same e-mail in another case',
        {
          ...FAHAD,
          email: 'Fahad.AlMutairi@KWT.example',
          dateOfBirth: null,
          familyNameLatin: 'Other',
        },
        'email',
      ],
      [
        'the same Latin names without accents, case or hyphen, and the same birth date',
        dateOnly({
          familyNameLatin: 'al mutairi',
          givenNamesLatin: 'FAHAD NÂSSER',
          familyNameArabic: null,
          givenNamesArabic: null,
        }),
        'latin_name',
      ],
      [
        'the same Arabic names spelled with another alef, and the same birth date',
        dateOnly({
          familyNameLatin: 'Almutery',
          givenNamesLatin: 'Fahd',
          givenNamesArabic: 'فهد ناصر',
          familyNameArabic: 'ألمطيري',
        }),
        'arabic_name',
      ],
    ])(
      'answers 409 possible_duplicate for %s, listing the existing record',
      async (_, input, reason) => {
        const problem = expectProblem(await create(npocKwt, input), 409, 'possible_duplicate');
        const existing = (problem as PossibleDuplicateProblem).existing;
        expect(existing).toEqual([
          {
            id: ids.fahad,
            familyNameLatin: 'Al-Mutairi',
            givenNamesLatin: 'Fahad Nasser',
            familyNameArabic: 'المطيري',
            givenNamesArabic: 'فهد ناصر',
            rankCode: 'OF-3',
            rankTitle: 'Major',
            email: 'fahad.almutairi@kwt.example',
            dateOfBirth: '1985-04-12',
            reasons: [reason],
          },
        ]);
      },
    );

    it('does not flag the same names born another day, or the same person in another nation', async () => {
      const otherDay = await create(
        registrar,
        dateOnly({ dateOfBirth: '1986-04-12', email: 'twin@kwt.example' }),
      );
      expect(otherDay.statusCode, otherDay.body).toBe(201);
      const otherNation = await create(registrar, { ...FAHAD, nationCode: 'QAT' });
      expect(otherNation.statusCode, otherNation.body).toBe(201);
    });

    it('creates anyway when the caller confirms it is not a duplicate, and audits the confirmation', async () => {
      const input = { ...FAHAD, email: 'fahad.second@kwt.example' };
      expectProblem(await create(npocKwt, input), 409, 'possible_duplicate');
      const response = await create(npocKwt, { ...input, confirmNotDuplicate: true });
      expect(response.statusCode, response.body).toBe(201);
      const id = response.json<Participant>().id;
      const [audit] = await audits('participant.created', id);
      expect(audit.after).toMatchObject({ confirmNotDuplicate: true });
    });
  });

  describe('list and search', () => {
    it('shows a nation-scoped user only their own nation, and everyone to centre staff and observers', async () => {
      const kwt = await list(npocKwt, '?limit=200');
      expect(kwt.items.length).toBeGreaterThan(2);
      expect(new Set(kwt.items.map((p) => p.nationCode))).toEqual(new Set(['KWT']));
      const qat = await list(npocQat, '?limit=200');
      expect(new Set(qat.items.map((p) => p.nationCode))).toEqual(new Set(['QAT']));
      for (const session of [registrar, observer, director]) {
        const all = await list(session, '?limit=200');
        expect(new Set(all.items.map((p) => p.nationCode))).toEqual(new Set(['KWT', 'QAT']));
      }
      expect(names(await list(registrar, '?nationCode=QAT'))).toEqual(['Al-Kuwari', 'Al-Mutairi']);
      // A scoped user's nation filter cannot widen what they see.
      expect(await list(npocKwt, '?nationCode=QAT')).toEqual({ items: [], nextCursor: null });
    });

    it('pages by keyset in family-name order without repeats', async () => {
      const all = names(await list(registrar, '?limit=200'));
      expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(
          registrar,
          `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen).size).toBe(all.length);
    });

    it('finds people by Latin prefix, Arabic names (whole, partial, other alef) and e-mail', async () => {
      expect(await search(npocKwt, 'mut')).toContain('Al-Mutairi');
      expect(await search(npocKwt, 'Fahad Mut')).toContain('Al-Mutairi');
      expect(await search(npocKwt, 'mut')).not.toContain('Al-Enezi');
      expect(await search(npocKwt, 'المطيري')).toContain('Al-Mutairi');
      expect(await search(npocKwt, 'فهد')).toContain('Al-Mutairi');
      // Without the article, and the first letters of a word.
      expect(await search(npocKwt, 'مطيري')).toEqual(expect.arrayContaining(['Al-Mutairi']));
      expect(await search(npocKwt, 'عنز')).toEqual(['Al-Enezi']);
      // أحمد typed with a bare alef.
      expect(await search(npocKwt, 'احمد')).toEqual(['Al-Enezi', 'Al-Hajri']);
      expect(await search(npocKwt, 'ahmed.alenezi@kwt')).toEqual(['Al-Enezi']);
      expect(await search(npocKwt, '@kwt.example')).not.toContain('Al-Kuwari');
      // The other nation's people stay hidden from a search.
      expect(await search(npocKwt, 'الكواري')).toEqual([]);
      expect(await search(registrar, 'الكواري')).toEqual(['Al-Kuwari']);
      expect(await search(npocKwt, "'&|!:*()")).toEqual([]);
    });

    it('answers 400 on bad paging, 401 without a session, 403 to roles without the permission', async () => {
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/participants?limit=0'),
        400,
        'validation_failed',
      );
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/participants?cursor=nope'),
        400,
        'validation_failed',
      );
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/participants?nationCode=kw'),
        400,
        'validation_failed',
      );
      expectProblem(await call(t.app, null, 'GET', '/api/v1/participants'), 401, 'unauthenticated');
      expectProblem(await call(t.app, person, 'GET', '/api/v1/participants'), 403, 'forbidden');
      expectProblem(await call(t.app, instructor, 'GET', '/api/v1/participants'), 403, 'forbidden');
    });
  });

  describe('one person', () => {
    beforeAll(async () => {
      // Two sessions of one course, and Fahad nominated on both: a past one and a coming one.
      await t.db.db.transaction(async (tx) => {
        const ctx = systemContext(tx, 'seed');
        await createSession(
          ctx,
          sessionInput('CT-A-26', 'CT-BASIC', {
            startDate: '2026-03-08',
            endDate: '2026-03-12',
            nominationOpens: '2026-01-04',
            nominationCloses: '2026-02-10',
          }),
        );
        await createSession(ctx, sessionInput('CT-A-27', 'CT-BASIC'));
        await transitionSession(ctx, 'CT-A-27', { to: 'announced' });
      });
      await t.db.pool.query(
        `insert into nominations (session_id, participant_id, nation_code, status, seat_source, eligibility, result, created_at)
         select s.id, $1, 'KWT', v.status, v.seat, '{"lines":[],"eligible":true}', v.result, now()
         from training_sessions s join (values ('CT-A-26', 'selected', 'quota', 'completed'), ('CT-A-27', 'submitted', null, null))
           as v(code, status, seat, result) on v.code = s.code`,
        [ids.fahad],
      );
    });

    const get = (session: Browser | null, id: string) =>
      call(t.app, session, 'GET', `/api/v1/participants/${id}`);

    it('shows identity and training history, newest first', async () => {
      const response = await get(npocKwt, ids.fahad ?? '');
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json<ParticipantDetail>();
      expect(detail).toMatchObject({
        id: ids.fahad,
        familyNameArabic: 'المطيري',
        clearanceLevel: 'NS',
        clearanceExpiresOn: '2028-06-30',
        languageProfiles: [{ language: 'en', profile: '3222' }],
      });
      expect(detail.history).toEqual([
        expect.objectContaining({
          sessionCode: 'CT-A-27',
          activityCode: 'CT-BASIC',
          activityTitle: { en: 'Counter-terrorism basics', ar: 'أساسيات مكافحة الإرهاب' },
          startDate: '2027-03-07',
          endDate: '2027-03-11',
          sessionStatus: 'announced',
          status: 'submitted',
          result: null,
        }),
        expect.objectContaining({
          sessionCode: 'CT-A-26',
          sessionStatus: 'draft',
          status: 'selected',
          result: 'completed',
        }),
      ]);
      for (const session of [observer, director, registrar]) {
        expect((await get(session, ids.fahad ?? '')).statusCode).toBe(200);
      }
    });

    it('answers 404 for another nation or an unknown id, 400 for a bad id, 401 and 403', async () => {
      expectProblem(await get(npocQat, ids.fahad ?? ''), 404, 'not_found');
      expectProblem(await get(npocKwt, ids.maryam ?? ''), 404, 'not_found');
      expectProblem(await get(registrar, '00000000-0000-4000-8000-000000000001'), 404, 'not_found');
      expectProblem(await get(registrar, 'fahad'), 400, 'validation_failed');
      expectProblem(await get(null, ids.fahad ?? ''), 401, 'unauthenticated');
      expectProblem(await get(person, ids.fahad ?? ''), 403, 'forbidden');
    });
  });

  describe('update', () => {
    const patch = (session: Browser | null, id: string, body: object) =>
      call(t.app, session, 'PATCH', `/api/v1/participants/${id}`, body);

    it('edits only the fields sent, and audits before and after', async () => {
      const id = ids.ahmed ?? '';
      const response = await patch(nominatorKwt, id, {
        rankCode: 'OR-8',
        rankTitle: 'Master Sergeant',
        languageProfiles: [{ language: 'en', profile: '3332' }],
        clearanceLevel: 'NS',
        clearanceExpiresOn: '2027-12-31',
        service: null,
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = response.json<ParticipantDetail>();
      expect(updated).toMatchObject({
        familyNameLatin: 'Al-Enezi',
        givenNamesArabic: 'أحمد',
        rankCode: 'OR-8',
        rankTitle: 'Master Sergeant',
        clearanceLevel: 'NS',
        service: null,
        languageProfiles: [{ language: 'en', profile: '3332' }],
      });
      const [audit] = await audits('participant.updated', id);
      expect(audit).toMatchObject({
        actor_id: nominatorKwt.userId,
        before: { rankCode: 'OR-7', clearanceLevel: 'NONE' },
        after: { rankCode: 'OR-8', clearanceLevel: 'NS' },
      });
    });

    it.each([
      ['a nation change', { nationCode: 'QAT' }, 'nationCode', 'unknown_field'],
      ['an empty family name', { familyNameLatin: ' ' }, 'familyNameLatin', 'too_small'],
      [
        'a bad profile',
        { languageProfiles: [{ language: 'EN', profile: '3222' }] },
        'languageProfiles.0.language',
        'invalid_format',
      ],
      [
        'an expiry once the clearance is removed',
        { clearanceLevel: 'NONE' },
        'clearanceExpiresOn',
        'expiry_without_clearance',
      ],
    ])('refuses %s with 400 and changes nothing', async (_, body, field, code) => {
      const id = ids.ahmed ?? '';
      const before = (await call(t.app, registrar, 'GET', `/api/v1/participants/${id}`)).json();
      const problem = expectProblem(await patch(registrar, id, body), 400, 'validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
      expect((await call(t.app, registrar, 'GET', `/api/v1/participants/${id}`)).json()).toEqual(
        before,
      );
    });

    it('answers 404 across nations, 401 and 403', async () => {
      expectProblem(await patch(npocQat, ids.ahmed ?? '', { rankTitle: 'x' }), 404, 'not_found');
      expectProblem(await patch(npocKwt, ids.maryam ?? '', { rankTitle: 'x' }), 404, 'not_found');
      expectProblem(await patch(null, ids.ahmed ?? '', { rankTitle: 'x' }), 401, 'unauthenticated');
      for (const session of [observer, director, person]) {
        expectProblem(await patch(session, ids.ahmed ?? '', { rankTitle: 'x' }), 403, 'forbidden');
      }
      const updates = await t.db.pool.query(
        "select count(*)::int as n from audit_log where action = 'participant.updated' and entity_id = $1",
        [ids.maryam],
      );
      expect(updates.rows[0].n).toBe(0);
    });
  });
});
