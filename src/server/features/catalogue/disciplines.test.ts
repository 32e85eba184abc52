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
import type { Discipline } from '../../../contract/catalogue.js';
import { activityInput, seedCatalogue } from './fixtures.js';

describe('disciplines', () => {
  let t: TestApp;
  let as: Record<'admin' | 'registrar' | 'npoc' | 'observer', Session>;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedCatalogue(t.db.db);
    as = {
      admin: await signInAs(t, ['administrator']),
      registrar: await signInAs(t, ['registrar']),
      npoc: await signInAs(t, ['npoc'], 'KWT'),
      observer: await signInAs(t, ['observer']),
    };
  });
  afterAll(() => t.close());

  async function list(session: Session): Promise<Discipline[]> {
    const response = await call(t.app, session, 'GET', '/api/v1/disciplines');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Discipline[]>();
  }

  async function auditOf(action: string, entityId: string) {
    const { rows } = await t.db.pool.query<{ actor_id: string; before: unknown; after: unknown }>(
      'select actor_id, before, after from audit_log where action = $1 and entity_id = $2',
      [action, entityId],
    );
    return rows;
  }

  const auditCount = async () =>
    Number((await t.db.pool.query('select count(*) from audit_log')).rows[0].count);

  it('creates a discipline, audits it and lists it to every role', async () => {
    const body = { code: 'CBRN', name: { en: 'CBRN defence', fr: 'Défense NRBC' } };
    const response = await call(t.app, as.registrar, 'POST', '/api/v1/disciplines', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Discipline>()).toEqual({ ...body, activityCount: 0 });
    const [row] = await auditOf('discipline.created', 'CBRN');
    expect(row?.actor_id).toBe(as.registrar.userId);
    expect(row?.after).toEqual({ ...body, activityCount: 0 });
    for (const session of Object.values(as)) {
      expect((await list(session)).map((d) => d.code)).toEqual(['CBRN', 'CT', 'CYBER']);
    }
  });

  it('refuses a duplicate with 409', async () => {
    const body = { code: 'CT', name: { en: 'Again' } };
    const response = await call(t.app, as.admin, 'POST', '/api/v1/disciplines', body);
    expectProblem(response, 409, 'discipline_exists');
  });

  it.each([
    ['a lowercase code', { code: 'cyber2', name: { en: 'x' } }, 'code'],
    ['no English name', { code: 'ENERGY', name: { fr: 'Énergie' } }, 'name.en'],
    ['an unknown field', { code: 'ENERGY', name: { en: 'Energy' }, colour: 'red' }, 'colour'],
  ])('refuses %s with 400 and writes nothing', async (_, body, field) => {
    const before = await auditCount();
    const response = await call(t.app, as.admin, 'POST', '/api/v1/disciplines', body);
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await auditCount()).toBe(before);
    expect((await list(as.admin)).map((d) => d.code)).not.toContain('ENERGY');
  });

  it('asks for sign-in and for the manage permission', async () => {
    const body = { code: 'ENERGY', name: { en: 'Energy security' } };
    expectProblem(await call(t.app, null, 'GET', '/api/v1/disciplines'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, null, 'POST', '/api/v1/disciplines', body),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, as.npoc, 'POST', '/api/v1/disciplines', body),
      403,
      'forbidden',
    );
    const rename = { name: { en: 'Renamed' } };
    expectProblem(
      await call(t.app, as.observer, 'PATCH', '/api/v1/disciplines/CT', rename),
      403,
      'forbidden',
    );
  });

  it('renames a discipline, keeps its code and audits before and after', async () => {
    const name = { en: 'Cyber defence', ar: 'الدفاع السيبراني' };
    const response = await call(t.app, as.admin, 'PATCH', '/api/v1/disciplines/CYBER', { name });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Discipline>()).toEqual({ code: 'CYBER', name, activityCount: 0 });
    const [row] = await auditOf('discipline.updated', 'CYBER');
    expect(row?.before).toMatchObject({ name: { en: 'Cyber security' } });
    expect(row?.after).toMatchObject({ name });

    const moved = await call(t.app, as.admin, 'PATCH', '/api/v1/disciplines/CYBER', {
      code: 'CYB',
      name,
    });
    expect(expectProblem(moved, 400, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'code',
      code: 'unknown_field',
    });
    const missing = await call(t.app, as.admin, 'PATCH', '/api/v1/disciplines/NOPE', { name });
    expectProblem(missing, 404, 'not_found');
  });

  it('counts only the activities the reader may see', async () => {
    const create = (body: object) => call(t.app, as.admin, 'POST', '/api/v1/activities', body);
    const md = { all: false, frameworks: ['MD'], nations: [] };
    expect((await create(activityInput('CT-OPEN'))).statusCode).toBe(201);
    expect((await create(activityInput('CT-MD', { releasability: md }))).statusCode).toBe(201);
    expect((await create(activityInput('CT-DRAFT', { status: 'draft' }))).statusCode).toBe(201);
    expect((await create(activityInput('CT-OLD', { status: 'retired' }))).statusCode).toBe(201);
    const countOf = async (session: Session) =>
      (await list(session)).find((d) => d.code === 'CT')?.activityCount;
    expect(await countOf(as.admin)).toBe(4);
    expect(await countOf(as.registrar)).toBe(4);
    expect(await countOf(as.observer)).toBe(4);
    expect(await countOf(as.npoc)).toBe(1);
  });
});
