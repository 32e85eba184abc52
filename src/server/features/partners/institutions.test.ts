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
import type { Institution, InstitutionInput } from '../../../contract/partners.js';

const college: InstitutionInput = {
  code: 'NDC',
  name: { en: 'NATO Defense College', fr: 'Collège de défense de l’OTAN' },
  city: 'Rome',
  countryCode: 'ITA',
  openedOn: '1951-11-19',
};

describe('institutions', () => {
  let t: TestApp;
  let registrar: Session;
  let npoc: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'QAT');
  });
  afterAll(() => t.close());

  const create = (session: Session | null, body: object) =>
    call(t.app, session, 'POST', '/api/v1/institutions', body);

  async function list(session: Session): Promise<Institution[]> {
    const response = await call(t.app, session, 'GET', '/api/v1/institutions');
    expect(response.statusCode).toBe(200);
    return response.json<Institution[]>();
  }

  async function auditOf(action: string, code: string) {
    const { rows } = await t.db.pool.query<{ actor_id: string; before: unknown; after: unknown }>(
      'select actor_id, before, after from audit_log where action = $1 and entity_id = $2',
      [action, code],
    );
    return rows;
  }

  it('creates an institution that anyone with partners.read can list and read', async () => {
    const response = await create(registrar, college);
    expect(response.statusCode, response.body).toBe(201);
    const institution = response.json<Institution>();
    expect(institution).toEqual({ ...college, host: false, updatedAt: expect.any(String) });
    const [row] = await auditOf('institution.created', 'NDC');
    expect(row).toMatchObject({ actor_id: registrar.userId, before: null, after: institution });

    // Institutions are public knowledge: an npoc sees those of any country.
    expect(await list(npoc)).toEqual([institution]);
    const one = await call(t.app, npoc, 'GET', '/api/v1/institutions/NDC');
    expect(one.json<Institution>()).toEqual(institution);
  });

  it('lists by English name', async () => {
    await create(registrar, {
      code: 'KCSC',
      name: { en: 'Kuwait Command and Staff College' },
      countryCode: 'KWT',
    });
    await create(registrar, {
      code: 'AHC',
      name: { en: 'Ahmed Al-Jaber Centre' },
      countryCode: 'KWT',
    });
    const names = (await list(registrar)).map((i) => i.name.en);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(3);
  });

  it('refuses a duplicate code with 409', async () => {
    expect((await create(registrar, { ...college, code: 'NRDC' })).statusCode).toBe(201);
    const again = await create(registrar, { ...college, code: 'NRDC', name: { en: 'Other' } });
    expectProblem(again, 409, 'institution_exists');
    const one = await call(t.app, registrar, 'GET', '/api/v1/institutions/NRDC');
    expect(one.json<Institution>().name.en).toBe('NATO Defense College');
  });

  it.each([
    ['a lowercase code', { code: 'ndc2' }, 'code'],
    ['a one-letter code', { code: 'N' }, 'code'],
    ['a two-letter country', { countryCode: 'IT' }, 'countryCode'],
    ['a lowercase country', { countryCode: 'ita' }, 'countryCode'],
    ['a missing English name', { name: { fr: 'Collège' } }, 'name.en'],
    ['an invalid opening date', { openedOn: '1951-13-01' }, 'openedOn'],
  ])('refuses %s with 400 and writes nothing', async (_, overrides, field) => {
    const before = (await list(registrar)).length;
    const response = await create(registrar, { ...college, code: 'BAD', ...overrides });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await list(registrar)).toHaveLength(before);
  });

  it('lets only partner managers create, and only signed-in users read', async () => {
    expectProblem(await create(npoc, { ...college, code: 'QNDC' }), 403, 'forbidden');
    expectProblem(await create(null, { ...college, code: 'QNDC' }), 401, 'unauthenticated');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/institutions'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/institutions/NDC'),
      401,
      'unauthenticated',
    );
    expect(await auditOf('institution.created', 'QNDC')).toEqual([]);
  });

  it('answers 404 for an unknown institution and 400 for a malformed code', async () => {
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/institutions/NOPE'), 404, 'not_found');
    const malformed = await call(t.app, npoc, 'GET', '/api/v1/institutions/nope');
    expect(expectProblem(malformed, 400, 'validation_failed').errors?.[0]?.field).toBe('code');
    const patch = await call(t.app, registrar, 'PATCH', '/api/v1/institutions/NOPE', { city: 'X' });
    expectProblem(patch, 404, 'not_found');
  });

  describe('update', () => {
    it('changes only the fields sent, with before and after in the audit trail', async () => {
      await create(registrar, { ...college, code: 'DEFCOL', host: true });
      const response = await call(t.app, registrar, 'PATCH', '/api/v1/institutions/DEFCOL', {
        city: 'Naples',
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = response.json<Institution>();
      expect(updated).toMatchObject({
        code: 'DEFCOL',
        city: 'Naples',
        host: true,
        openedOn: '1951-11-19',
      });
      const [row, ...more] = await auditOf('institution.updated', 'DEFCOL');
      expect(more).toEqual([]);
      expect(row?.before).toMatchObject({ city: 'Rome', host: true });
      expect(row?.after).toEqual(updated);
    });

    it('refuses a bad country, a code change and callers without rights', async () => {
      const patch = (session: Session | null, body: object) =>
        call(t.app, session, 'PATCH', '/api/v1/institutions/NDC', body);
      const country = expectProblem(
        await patch(registrar, { countryCode: 'Italy' }),
        400,
        'validation_failed',
      );
      expect(country.errors?.[0]?.field).toBe('countryCode');
      const code = expectProblem(
        await patch(registrar, { code: 'NDC2' }),
        400,
        'validation_failed',
      );
      expect(code.errors?.[0]).toMatchObject({ field: 'code', code: 'unknown_field' });
      expectProblem(await patch(npoc, { city: 'Doha' }), 403, 'forbidden');
      expectProblem(await patch(null, { city: 'Doha' }), 401, 'unauthenticated');
      expect(await auditOf('institution.updated', 'NDC')).toEqual([]);
      const one = await call(t.app, registrar, 'GET', '/api/v1/institutions/NDC');
      expect(one.json<Institution>()).toMatchObject({ city: 'Rome', countryCode: 'ITA' });
    });
  });
});
