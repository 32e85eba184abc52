import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Problem } from '../../../contract/common.js';
import type { Framework, Nation, NationInput, NationSummary } from '../../../contract/partners.js';
import type { Role } from '../../../contract/roles.js';

const bahrain: NationInput = {
  code: 'BHR',
  name: { en: 'Bahrain', ar: 'البحرين' },
  frameworkCode: 'ICI',
  status: 'partner',
};

describe('nations and frameworks', () => {
  let t: TestApp;
  let as: Record<'admin' | 'npoc' | 'observer' | 'registrar', Session>;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    const sessionOf = async (roles: Role[], nation: string | null = null) => {
      const user = await makeUser(t.db.db, roles, nation);
      return signIn(t.app, user.email, TEST_PASSWORD);
    };
    as = {
      admin: await sessionOf(['administrator']),
      npoc: await sessionOf(['npoc'], 'KWT'),
      observer: await sessionOf(['observer']),
      registrar: await sessionOf(['registrar']),
    };
  });
  afterAll(() => t.close());

  async function codes(session: Session, query = ''): Promise<string[]> {
    const response = await call(t.app, session, 'GET', `/api/v1/nations${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NationSummary[]>().map((n) => n.code);
  }

  async function auditOf(action: string, entityId: string) {
    const { rows } = await t.db.pool.query<{ actor_id: string; before: unknown; after: unknown }>(
      'select actor_id, before, after from audit_log where action = $1 and entity_id = $2',
      [action, entityId],
    );
    return rows;
  }

  const nationCount = async () => (await t.db.pool.query('select code from nations')).rows.length;

  describe('list and read', () => {
    it('shows staff and observers every nation, an npoc only their own', async () => {
      expect(await codes(as.admin)).toEqual(['KWT', 'QAT']);
      expect(await codes(as.observer)).toEqual(['KWT', 'QAT']);
      expect(await codes(as.npoc)).toEqual(['KWT']);
      expect(await codes(as.npoc, '?q=qat')).toEqual([]);
      expectProblem(await call(t.app, null, 'GET', '/api/v1/nations'), 401, 'unauthenticated');
    });

    it('searches names in any language and codes, and filters by framework', async () => {
      expect(await codes(as.admin, `?q=${encodeURIComponent('قطر')}`)).toEqual(['QAT']);
      expect(await codes(as.admin, '?q=kwt')).toEqual(['KWT']);
      // Latin spellings of one name meet, as in the global search; another name does not.
      expect(await codes(as.admin, '?q=Kowait')).toEqual(['KWT']);
      expect(await codes(as.admin, '?q=Kenya')).toEqual([]);
      expect(await codes(as.admin, '?q=Koweït')).toEqual(['KWT']);
      // As the global search matches: the article optional, accents folded.
      expect(await codes(as.admin, `?q=${encodeURIComponent('كويت')}`)).toEqual(['KWT']);
      expect(await codes(as.admin, '?q=koweit')).toEqual(['KWT']);
      // The names are stored as JSON: a search must match their text, not their keys.
      expect(await codes(as.admin, '?q=en')).toEqual([]);
      expect(await codes(as.admin, '?frameworkCode=ICI')).toEqual(['KWT', 'QAT']);
      expect(await codes(as.admin, '?frameworkCode=MD')).toEqual([]);
      const bad = await call(t.app, as.admin, 'GET', '/api/v1/nations?frameworkCode=ici');
      expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.field).toBe('frameworkCode');
    });

    it('answers 404, not 403, for another nation of an npoc', async () => {
      const own = await call(t.app, as.npoc, 'GET', '/api/v1/nations/KWT');
      expect(own.json<Nation>()).toMatchObject({ code: 'KWT', host: true, contacts: [] });
      const other = await call(t.app, as.npoc, 'GET', '/api/v1/nations/QAT');
      const missing = await call(t.app, as.npoc, 'GET', '/api/v1/nations/XYZ');
      expectProblem(other, 404, 'not_found');
      expectProblem(missing, 404, 'not_found');
      expect(other.json<Problem>().detail).toBe(
        missing.json<Problem>().detail.replace('XYZ', 'QAT'),
      );
      const observed = await call(t.app, as.observer, 'GET', '/api/v1/nations/QAT');
      expect(observed.json<Nation>().name).toEqual({ en: 'Qatar', fr: 'Qatar', ar: 'قطر' });
    });
  });

  describe('create', () => {
    it('creates a nation with defaults and audits it', async () => {
      const response = await call(t.app, as.admin, 'POST', '/api/v1/nations', bahrain);
      expect(response.statusCode, response.body).toBe(201);
      const nation = response.json<Nation>();
      expect(nation).toMatchObject({ ...bahrain, joinedOn: null, host: false, notes: null });
      expect(nation.contacts).toEqual([]);
      const [row] = await auditOf('nation.created', 'BHR');
      expect(row?.actor_id).toBe(as.admin.userId);
      expect(row?.after).toEqual(nation);
      expect(await codes(as.admin)).toContain('BHR');

      const again = await call(t.app, as.registrar, 'POST', '/api/v1/nations', bahrain);
      expectProblem(again, 409, 'nation_exists');
    });

    it.each([
      ['a lowercase code', { code: 'omn' }, 'code'],
      ['a two-letter code', { code: 'OM' }, 'code'],
      ['an over-long English name', { name: { en: 'x'.repeat(201) } }, 'name.en'],
      ['no English name', { name: { ar: 'عُمان' } }, 'name.en'],
      ['an unknown status', { status: 'ally' }, 'status'],
    ])('refuses %s with 400', async (_, overrides, field) => {
      const before = await nationCount();
      const body = { ...bahrain, code: 'OMN', ...overrides };
      const response = await call(t.app, as.admin, 'POST', '/api/v1/nations', body);
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(await nationCount()).toBe(before);
    });

    it('refuses an unknown framework', async () => {
      const body = { ...bahrain, code: 'OMN', frameworkCode: 'GCC' };
      const response = await call(t.app, as.admin, 'POST', '/api/v1/nations', body);
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.[0]).toMatchObject({
        field: 'frameworkCode',
        code: 'unknown_framework',
      });
      expect(await auditOf('nation.created', 'OMN')).toEqual([]);
    });

    it('is for partner managers only', async () => {
      const body = { ...bahrain, code: 'OMN' };
      expectProblem(await call(t.app, as.npoc, 'POST', '/api/v1/nations', body), 403, 'forbidden');
      expectProblem(
        await call(t.app, as.observer, 'POST', '/api/v1/nations', body),
        403,
        'forbidden',
      );
      expectProblem(
        await call(t.app, null, 'POST', '/api/v1/nations', body),
        401,
        'unauthenticated',
      );
      expect(await auditOf('nation.created', 'OMN')).toEqual([]);
    });
  });

  describe('update', () => {
    it('changes only the fields sent, with before and after in the audit trail', async () => {
      const response = await call(t.app, as.registrar, 'PATCH', '/api/v1/nations/QAT', {
        notes: 'Hosts the 2026 regional course.',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Nation>()).toMatchObject({
        code: 'QAT',
        notes: 'Hosts the 2026 regional course.',
        status: 'member',
        joinedOn: '2005-02-01',
        frameworkCode: 'ICI',
      });
      const [row, ...more] = await auditOf('nation.updated', 'QAT');
      expect(more).toEqual([]);
      expect(row?.before).toMatchObject({ code: 'QAT', joinedOn: '2005-02-01' });
      expect(row?.after).toMatchObject({ code: 'QAT', joinedOn: '2005-02-01' });

      const hostless = await call(t.app, as.admin, 'PATCH', '/api/v1/nations/KWT', { host: false });
      expect(hostless.json<Nation>()).toMatchObject({ host: false, joinedOn: '2004-12-01' });
    });

    it('refuses bad input, other roles and unknown nations', async () => {
      const patch = (session: Session | null, code: string, body: object) =>
        call(t.app, session, 'PATCH', `/api/v1/nations/${code}`, body);
      const framework = await patch(as.admin, 'QAT', { frameworkCode: 'GCC' });
      expect(expectProblem(framework, 400, 'validation_failed').errors?.[0]?.code).toBe(
        'unknown_framework',
      );
      const code = expectProblem(
        await patch(as.admin, 'QAT', { code: 'QTR' }),
        400,
        'validation_failed',
      );
      expect(code.errors?.[0]).toMatchObject({ field: 'code', code: 'unknown_field' });
      expectProblem(await patch(as.npoc, 'KWT', { notes: 'x' }), 403, 'forbidden');
      expectProblem(await patch(as.admin, 'XYZ', { notes: 'x' }), 404, 'not_found');
      expectProblem(await patch(null, 'KWT', { notes: 'x' }), 401, 'unauthenticated');
      const { rows } = await t.db.pool.query(
        `select framework_code from nations where code = 'QAT'`,
      );
      expect(rows).toEqual([{ framework_code: 'ICI' }]);
    });
  });

  describe('frameworks', () => {
    const frameworks = async () =>
      (await call(t.app, as.observer, 'GET', '/api/v1/frameworks')).json<Framework[]>();

    it('lists frameworks with how many nations each has', async () => {
      const created = await call(t.app, as.admin, 'POST', '/api/v1/frameworks', {
        code: 'GCC',
        name: { en: 'Gulf Cooperation Council' },
        launchedOn: '1981-05-25',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json<Framework>()).toMatchObject({ code: 'GCC', nationCount: 0 });
      const oman = await call(t.app, as.admin, 'POST', '/api/v1/nations', {
        ...bahrain,
        code: 'OMN',
        name: { en: 'Oman' },
        frameworkCode: 'GCC',
      });
      expect(oman.statusCode, oman.body).toBe(201);
      const byCode = new Map((await frameworks()).map((f) => [f.code, f]));
      expect(byCode.get('GCC')).toMatchObject({ nationCount: 1, launchedOn: '1981-05-25' });
      expect(byCode.get('MD')?.nationCount).toBe(0);
      expect(byCode.get('ICI')?.nationCount).toBeGreaterThanOrEqual(2);
      expect((await auditOf('framework.created', 'GCC'))[0]?.actor_id).toBe(as.admin.userId);
    });

    it('refuses a duplicate, a bad code and a caller without rights', async () => {
      const post = (session: Session | null, body: object) =>
        call(t.app, session, 'POST', '/api/v1/frameworks', body);
      const body = { code: 'MD', name: { en: 'Again' } };
      expectProblem(await post(as.admin, body), 409, 'framework_exists');
      const bad = await post(as.admin, { ...body, code: 'p' });
      expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.field).toBe('code');
      expectProblem(await post(as.npoc, { ...body, code: 'PFP' }), 403, 'forbidden');
      expectProblem(await post(null, { ...body, code: 'PFP' }), 401, 'unauthenticated');
      expect((await frameworks()).map((f) => f.code)).not.toContain('PFP');
      expect((await frameworks()).find((f) => f.code === 'MD')?.name.en).toBe(
        'Mediterranean Dialogue',
      );
    });
  });
});
