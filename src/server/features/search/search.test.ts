import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Participant } from '../../../contract/participants.js';
import type { GlobalSearchResults } from '../../../contract/search.js';
import { makePerson, openSession } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

type Page = { items: Participant[]; nextCursor: string | null };

describe('search in Arabic and Latin script', () => {
  let t: TestApp;
  let registrar: Session;
  let npocKwt: Session;
  let npocQat: Session;
  let instructor: Session;
  let participant: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    instructor = await signInAs(t, ['instructor']);
    participant = await signInAs(t, ['participant'], 'KWT');
    const db = t.db.db;
    ids.vowelled = await makePerson(db, 'KWT', {
      familyNameLatin: 'Al-Ali',
      givenNamesLatin: 'Mohammed',
      givenNamesArabic: 'مُحَمَّـــد',
      familyNameArabic: 'الْعَلِيّ',
      email: 'm.alali@kwt.example',
    });
    ids.abdullah = await makePerson(db, 'KWT', {
      familyNameLatin: 'Alsabah',
      givenNamesLatin: 'Abdallah',
      givenNamesArabic: 'عبدالله',
      familyNameArabic: 'الصباح',
    });
    ids.mahmoud = await makePerson(db, 'KWT', {
      familyNameLatin: 'Haddad',
      givenNamesLatin: 'Mahmoud',
      givenNamesArabic: 'محمود',
      familyNameArabic: 'حداد',
    });
    ids.qatari = await makePerson(db, 'QAT', {
      familyNameLatin: 'Al-Kuwari',
      givenNamesLatin: 'Muhammad',
      givenNamesArabic: 'محمد',
      familyNameArabic: 'الكواري',
    });
    // Two people called علي and one علياء, all of the family المطيري (and sorted by their
    // Latin family name, so a page of one has a next page).
    for (const [key, latin, given, arabic] of [
      ['ali1', 'Al-Mutairi', 'Ali', 'علي'],
      ['ali2', 'Al-Mutairi B', 'Ali', 'علي'],
      ['alia', 'Al-Mutairi C', 'Alia', 'علياء'],
    ] as const) {
      ids[key] = await makePerson(db, 'KWT', {
        familyNameLatin: latin,
        givenNamesLatin: given,
        givenNamesArabic: arabic,
        familyNameArabic: 'المطيري',
      });
    }
    await makeActivity(db, 'CYB-SEC', {
      title: { en: 'Cyber Security Course', ar: 'دورة الأمن السيبراني' },
    });
    await makeActivity(db, 'CYB-MD', {
      title: { en: 'Cyber Dialogue', ar: 'الحوار السيبراني' },
      releasability: { nations: ['QAT'] },
    });
    await openSession(db, 'CYB-SEC-1', 'CYB-SEC');
    const nominated = await call(t.app, npocKwt, 'POST', '/api/v1/nominations', {
      sessionCode: 'CYB-SEC-1',
      participantId: ids.vowelled,
      submit: true,
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    ids.nomination = nominated.json<{ id: string }>().id;
    const qatari = await call(t.app, npocQat, 'POST', '/api/v1/nominations', {
      sessionCode: 'CYB-SEC-1',
      participantId: ids.qatari,
      submit: true,
    });
    expect(qatari.statusCode, qatari.body).toBe(201);
    const lecturer = await call(t.app, registrar, 'POST', '/api/v1/lecturers', {
      kind: 'external',
      nameLatin: 'Dr Youssef Al-Khatib',
      nameArabic: 'د. يُوسُف الْخَطِيب',
      institution: 'NATO School',
    });
    expect(lecturer.statusCode, lecturer.body).toBe(201);
    ids.lecturer = lecturer.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function people(who: Session, q: string): Promise<string[]> {
    const response = await call(
      t.app,
      who,
      'GET',
      `/api/v1/participants?q=${encodeURIComponent(q)}&limit=50`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>().items.map((p) => p.id);
  }

  async function search(who: Session, q: string): Promise<GlobalSearchResults> {
    const response = await call(t.app, who, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<GlobalSearchResults>();
  }

  describe('the participants list', () => {
    it.each([
      ['محمد', ['vowelled']],
      ['مُحَمَّـــد الْعَلِيّ', ['vowelled']],
      ['محمد العلي', ['vowelled']],
      ['عبد الله', ['abdullah']],
      ['عبدالله الصباح', ['abdullah']],
      ['صباح', ['abdullah']],
      ['Muhammad', ['vowelled']],
      ['Mohamed al ali', ['vowelled']],
      ['Al-Sabah', ['abdullah']],
      ['al sabah abdullah', ['abdullah']],
      ['Mahmoud', ['mahmoud']],
      ['محمود', ['mahmoud']],
      ['m.alali', ['vowelled']],
      ['zzz', []],
      ['!!!', []],
    ])('%s finds %j among KWT people', async (q, expected) => {
      const found = await people(npocKwt, q);
      expect(found.sort()).toEqual(expected.map((k) => ids[k]).sort());
    });

    it('reads the earlier words of a name whole, and as beginnings only when that finds nobody', async () => {
      // علي typed out is the name علي, not علياء...
      expect((await people(npocKwt, 'علي المطيري')).sort()).toEqual([ids.ali1, ids.ali2].sort());
      // ...but a name cut short still finds everyone it begins.
      expect((await people(npocKwt, 'عل المطيري')).sort()).toEqual(
        [ids.ali1, ids.ali2, ids.alia].sort(),
      );
      expect(await people(npocKwt, 'محم العلي')).toEqual([ids.vowelled]);
    });

    it('keeps the same reading on every page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const response = await call(
          t.app,
          npocKwt,
          'GET',
          `/api/v1/participants?q=${encodeURIComponent('علي المطيري')}&limit=1${after}`,
        );
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<Page>();
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 5);
      expect(seen).toEqual([ids.ali1, ids.ali2]);
    });

    it("finds another nation's person for the centre only", async () => {
      expect(await people(registrar, 'محمد')).toEqual(
        expect.arrayContaining([ids.vowelled, ids.qatari]),
      );
      expect(await people(npocKwt, 'Kuwari')).toEqual([]);
    });
  });

  describe('the catalogue', () => {
    it('finds السيبراني by سيبراني and with or without the article', async () => {
      for (const q of ['سيبراني', 'السيبراني', 'الأمن السيبراني', 'امن']) {
        const response = await call(
          t.app,
          registrar,
          'GET',
          `/api/v1/activities?q=${encodeURIComponent(q)}`,
        );
        expect(response.statusCode).toBe(200);
        const codes = response.json<{ items: { code: string }[] }>().items.map((a) => a.code);
        expect(codes, q).toContain('CYB-SEC');
      }
    });
  });

  describe('GET /api/v1/search', () => {
    it('finds people and their nominations with the earlier words whole, then as beginnings', async () => {
      const whole = await search(registrar, 'علي المطيري');
      expect(whole.people.map((p) => p.id).sort()).toEqual([ids.ali1, ids.ali2].sort());
      const cut = await search(registrar, 'مُحَم العلي');
      expect(cut.people.map((p) => p.id)).toEqual([ids.vowelled]);
      expect(cut.nominations.map((n) => n.id)).toEqual([ids.nomination]);
    });

    it('groups what the centre finds by kind', async () => {
      const found = await search(registrar, 'محمد');
      expect(found.people.map((p) => p.id).sort()).toEqual([ids.vowelled, ids.qatari].sort());
      expect(found.nominations.map((n) => n.id)).toContain(ids.nomination);
      expect(found.nominations[0]).toMatchObject({ sessionCode: 'CYB-SEC-1' });
      expect(found.activities).toEqual([]);
    });

    it('finds activities and their sessions by Arabic title and sessions by code', async () => {
      const byTitle = await search(registrar, 'سيبراني');
      expect(byTitle.activities.map((a) => a.code).sort()).toEqual(['CYB-MD', 'CYB-SEC']);
      expect(byTitle.sessions.map((s) => s.code)).toEqual(['CYB-SEC-1']);
      const byCode = await search(registrar, 'cyb-sec-1');
      expect(byCode.sessions).toEqual([
        expect.objectContaining({
          code: 'CYB-SEC-1',
          activityCode: 'CYB-SEC',
          status: 'announced',
        }),
      ]);
      expect(byCode.nominations).toHaveLength(2);
    });

    it('finds nations by name in any language', async () => {
      expect((await search(registrar, 'Kuwait')).nations.map((n) => n.code)).toEqual(['KWT']);
      expect((await search(registrar, 'qatar')).nations.map((n) => n.code)).toEqual(['QAT']);
    });

    it("never shows an NPOC another nation's people, nominations, nation or unreleased activities", async () => {
      const found = await search(npocKwt, 'محمد');
      expect(found.people.map((p) => p.id)).toEqual([ids.vowelled]);
      expect(found.nominations.map((n) => n.id)).toEqual([ids.nomination]);
      const qatari = await search(npocKwt, 'Kuwari');
      expect(qatari.people).toEqual([]);
      expect(qatari.nominations).toEqual([]);
      expect((await search(npocKwt, 'qatar')).nations).toEqual([]);
      const released = await search(npocKwt, 'سيبراني');
      expect(released.activities.map((a) => a.code)).toEqual(['CYB-SEC']);
      const qatarSees = await search(npocQat, 'سيبراني');
      expect(qatarSees.activities.map((a) => a.code).sort()).toEqual(['CYB-MD', 'CYB-SEC']);
      expect((await search(npocQat, 'محمد')).people.map((p) => p.id)).toEqual([ids.qatari]);
    });

    it('finds lecturers by name in either script, for those who may read the registry', async () => {
      for (const q of ['يوسف خطيب', 'يُوسُف الخطيب', 'Yusuf Alkhatib', 'youssef al khatib']) {
        const found = await search(registrar, q);
        expect(found.lecturers, q).toEqual([
          {
            id: ids.lecturer,
            kind: 'external',
            nameLatin: 'Dr Youssef Al-Khatib',
            nameArabic: 'د. يُوسُف الْخَطِيب',
            institution: 'NATO School',
          },
        ]);
      }
      expect((await search(registrar, 'محمد')).lecturers).toEqual([]);
      expect((await search(npocKwt, 'خطيب')).lecturers).toEqual([]);
      expect((await search(instructor, 'خطيب')).lecturers).toEqual([]);
    });

    it('leaves out the kinds a role may not read', async () => {
      const found = await search(instructor, 'محمد');
      expect(found.people).toEqual([]);
      expect(found.nominations).toEqual([]);
      const response = await call(t.app, participant, 'GET', '/api/v1/search?q=x');
      expectProblem(response, 403, 'forbidden');
    });

    it('refuses an empty or overlong query and finds nothing for punctuation', async () => {
      for (const q of ['', '   ', 'x'.repeat(101)]) {
        const response = await call(t.app, registrar, 'GET', `/api/v1/search?q=${q}`);
        expect(response.statusCode, q).toBe(400);
      }
      const found = await search(registrar, "'&|!:*");
      expect(Object.values(found).flat()).toEqual([]);
    });
  });
});
