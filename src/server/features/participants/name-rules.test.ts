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
import type { Participant } from '../../../contract/participants.js';

const person = (familyNameLatin: string, extra: object = {}) => ({
  nationCode: 'QAT',
  familyNameLatin,
  givenNamesLatin: 'Test',
  rankCode: 'OF-2',
  confirmNotDuplicate: true,
  ...extra,
});

describe('names a passport can carry', () => {
  let t: TestApp;
  let registrar: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  const create = (body: object) => call(t.app, registrar, 'POST', '/api/v1/participants', body);

  it('takes Latin letters with accents, spaces, hyphens and apostrophes', async () => {
    for (const name of ["O'Brien", 'Benaïssa-Ørsted', 'de la Fuente', 'N’Diaye', 'ÉLOÏSE']) {
      const response = await create(person(name));
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      expect(response.json<Participant>().familyNameLatin).toBe(name);
    }
  });

  it('refuses emoji, markup, digits and Arabic script, naming the field and the rule', async () => {
    for (const name of ['Salem 😀', '<b>Salem</b>', 'Salem 2', 'سالم', 'Salem_Ali', 'Ali!']) {
      const problem = expectProblem(await create(person(name)), 400, 'validation_failed');
      expect(problem.errors, name).toEqual([
        expect.objectContaining({ field: 'familyNameLatin', code: 'passport_name' }),
      ]);
    }
    const given = expectProblem(
      await create(person('Salem', { givenNamesLatin: 'Ali 7' })),
      400,
      'validation_failed',
    );
    expect(given.errors?.[0]).toMatchObject({ field: 'givenNamesLatin', code: 'passport_name' });
  });

  it('keeps the Arabic name in its own field, refusing only emoji and markup there', async () => {
    const ok = await create(
      person('Al-Ali', { familyNameArabic: 'العلي', givenNamesArabic: 'سالم' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    for (const name of ['العلي 😀', '<i>العلي</i>']) {
      const problem = expectProblem(
        await create(person('Al-Ali', { familyNameArabic: name })),
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]).toMatchObject({
        field: 'familyNameArabic',
        code: 'name_symbols',
      });
    }
  });

  it('still shows and saves a person stored before the rule, as long as the name is left alone', async () => {
    const created = await create(person('Al-Sayed'));
    const id = created.json<Participant>().id;
    await t.db.pool.query(
      "update participants set family_name_latin = 'Al-Sayed 2nd 😀' where id = $1",
      [id],
    );
    const read = await call(t.app, registrar, 'GET', `/api/v1/participants/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Participant>().familyNameLatin).toBe('Al-Sayed 2nd 😀');
    const saved = await call(t.app, registrar, 'PATCH', `/api/v1/participants/${id}`, {
      position: 'Staff officer',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expectProblem(
      await call(t.app, registrar, 'PATCH', `/api/v1/participants/${id}`, {
        familyNameLatin: 'Al-Sayed 2nd',
      }),
      400,
      'validation_failed',
    );
  });

  it('lists people by family name whatever the letter case or accents, across pages', async () => {
    for (const name of ['zubair', 'Ábdullah', 'al-Qasimi', 'Al-Rumaihi', 'BIN-Ali', 'Abbas']) {
      expect((await create(person(name))).statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `?nationCode=QAT&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await call(t.app, registrar, 'GET', `/api/v1/participants${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Participant[]; nextCursor: string | null }>();
      seen.push(...page.items.map((p) => p.familyNameLatin));
      cursor = page.nextCursor;
    } while (cursor);
    const order = (names: string[]) => names.filter((n) => !/\d/.test(n));
    const wanted = ['Abbas', 'Ábdullah', 'al-Qasimi', 'Al-Rumaihi', 'BIN-Ali', 'zubair'];
    expect(order(seen).filter((n) => wanted.includes(n))).toEqual(wanted);
    expect(seen).toEqual([...seen].sort(new Intl.Collator('und').compare));
  });
});
