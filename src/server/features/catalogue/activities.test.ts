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
import type { Activity, ActivitySummary } from '../../../contract/catalogue.js';
import { activityInput, seedCatalogue } from './fixtures.js';

type Page = { items: ActivitySummary[]; nextCursor: string | null };

describe('activities', () => {
  let t: TestApp;
  let as: Record<'admin' | 'registrar' | 'npoc' | 'qatar' | 'jordan' | 'observer', Session>;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedCatalogue(t.db.db);
    as = {
      admin: await signInAs(t, ['administrator']),
      registrar: await signInAs(t, ['registrar']),
      npoc: await signInAs(t, ['npoc'], 'KWT'),
      qatar: await signInAs(t, ['npoc'], 'QAT'),
      observer: await signInAs(t, ['observer']),
    } as typeof as;
    // seedPartners has the MD framework but no MD nation: Jordan takes part through MD.
    const jordan = { code: 'JOR', name: { en: 'Jordan' }, frameworkCode: 'MD', status: 'partner' };
    const created = await call(t.app, as.admin, 'POST', '/api/v1/nations', jordan);
    expect(created.statusCode, created.body).toBe(201);
    as.jordan = await signInAs(t, ['npoc'], 'JOR');
  });
  afterAll(() => t.close());

  const create = (body: object, session = as.registrar) =>
    call(t.app, session, 'POST', '/api/v1/activities', body);
  const get = (code: string, session: Session | null) =>
    call(t.app, session, 'GET', `/api/v1/activities/${code}`);
  async function codes(session: Session, query = ''): Promise<string[]> {
    const response = await call(t.app, session, 'GET', `/api/v1/activities?limit=100${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>().items.map((a) => a.code);
  }
  async function auditOf(action: string, entityId: string) {
    const { rows } = await t.db.pool.query<{ actor_id: string; before: unknown; after: unknown }>(
      'select actor_id, before, after from audit_log where action = $1 and entity_id = $2',
      [action, entityId],
    );
    return rows;
  }
  const countOf = async (table: string) =>
    Number((await t.db.pool.query(`select count(*) from ${table}`)).rows[0].count);
  const releasableColumns = async (code: string) =>
    (
      await t.db.pool.query(
        `select releasable_to_all as "all", releasable_frameworks as frameworks,
          releasable_nations as nations from activities where code = $1`,
        [code],
      )
    ).rows[0];

  describe('create and read', () => {
    it('creates an activity with defaults, audits it and reads it back', async () => {
      const response = await create(
        activityInput('CTM-CT-2839', {
          status: 'draft',
          title: { en: 'Defence Against Terrorism', ar: 'الدفاع ضد الإرهاب' },
          fee: { amount: 150.5, currency: 'EUR' },
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      const activity = response.json<Activity>();
      expect(activity).toMatchObject({
        code: 'CTM-CT-2839',
        language: 'en',
        classification: 'NATO UNCLASSIFIED',
        releasability: { all: true, frameworks: [], nations: [] },
        prerequisites: { rankMin: null, civiliansAllowed: true, clearance: 'NONE', courses: [] },
        evaluationLevels: [1],
        defaultCapacity: 24,
        fee: { amount: 150.5, currency: 'EUR' },
        openSessions: 0,
        description: null,
      });
      const [row] = await auditOf('activity.created', activity.id);
      expect(row?.actor_id).toBe(as.registrar.userId);
      expect(row?.after).toEqual(activity);
      expect(await releasableColumns('CTM-CT-2839')).toEqual({
        all: true,
        frameworks: [],
        nations: [],
      });
      const read = await get('CTM-CT-2839', as.observer);
      expect(read.json<Activity>()).toEqual(activity);
      expectProblem(await create(activityInput('CTM-CT-2839')), 409, 'activity_exists');
    });

    it('accepts prerequisite courses that exist and release to named nations', async () => {
      const prerequisites = {
        rankMin: 'OF-2',
        rankMax: 'OF-5',
        languages: [{ language: 'en', minimum: '3222' }],
        courses: ['CTM-CT-2839'],
        clearance: 'NR' as const,
      };
      const body = activityInput('CTM-CT-3000', {
        prerequisites,
        releasability: { all: false, frameworks: ['ICI'], nations: ['JOR'] },
      });
      const response = await create(body);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<Activity>().prerequisites).toMatchObject(prerequisites);
      expect(await releasableColumns('CTM-CT-3000')).toEqual({
        all: false,
        frameworks: ['ICI'],
        nations: ['JOR'],
      });
    });

    const bad: [string, object, string, string][] = [
      ['a lowercase code', { code: 'ctm-1' }, 'code', 'invalid_format'],
      ['an unknown discipline', { disciplineCode: 'NOPE' }, 'disciplineCode', 'unknown_discipline'],
      ['an unknown provider', { providerCode: 'NOPE' }, 'providerCode', 'unknown_provider'],
      [
        'an unknown framework',
        { releasability: { frameworks: ['ICI', 'XX'] } },
        'releasability.frameworks.1',
        'unknown_framework',
      ],
      [
        'an unknown nation',
        { releasability: { nations: ['ZZZ'] } },
        'releasability.nations.0',
        'unknown_nation',
      ],
      [
        'an unknown prerequisite course',
        { prerequisites: { courses: ['NO-SUCH-COURSE'] } },
        'prerequisites.courses.0',
        'unknown_course',
      ],
      ['an unknown field', { colour: 'red' }, 'colour', 'unknown_field'],
      [
        'a bad language profile',
        { prerequisites: { languages: [{ language: 'en', minimum: '32x2' }] } },
        'prerequisites.languages.0.minimum',
        'invalid_format',
      ],
      [
        'rank OF-11',
        { prerequisites: { rankMin: 'OF-11' } },
        'prerequisites.rankMin',
        'invalid_format',
      ],
    ];
    it.each(bad)(
      'refuses %s with 400, names the field and writes nothing',
      async (_, o, field, code) => {
        const [audits, rows] = [await countOf('audit_log'), await countOf('activities')];
        const response = await create({ ...activityInput('CTM-BAD-1'), ...o });
        const problem = expectProblem(response, 400, 'validation_failed');
        expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
        expect([await countOf('audit_log'), await countOf('activities')]).toEqual([audits, rows]);
      },
    );

    it('asks for sign-in, and refuses writes to readers', async () => {
      expectProblem(await call(t.app, null, 'GET', '/api/v1/activities'), 401, 'unauthenticated');
      expectProblem(await get('CTM-CT-2839', null), 401, 'unauthenticated');
      expectProblem(await create(activityInput('CTM-NPOC'), as.npoc), 403, 'forbidden');
      const patch = await call(t.app, as.observer, 'PATCH', '/api/v1/activities/CTM-CT-2839', {
        durationDays: 3,
      });
      expectProblem(patch, 403, 'forbidden');
      expectProblem(await get('NO-SUCH', as.admin), 404, 'not_found');
    });
  });

  describe('edit', () => {
    it('changes only the fields sent, keeps the releasable columns in step, audits', async () => {
      const url = '/api/v1/activities/CTM-CT-3000';
      const before = (await get('CTM-CT-3000', as.admin)).json<Activity>();
      const response = await call(t.app, as.admin, 'PATCH', url, {
        durationDays: 10,
        releasability: { frameworks: ['MD'] },
        fee: null,
      });
      expect(response.statusCode, response.body).toBe(200);
      const after = response.json<Activity>();
      expect(after).toEqual({
        ...before,
        durationDays: 10,
        releasability: { all: false, frameworks: ['MD'], nations: [] },
        updatedAt: after.updatedAt,
      });
      expect(await releasableColumns('CTM-CT-3000')).toEqual({
        all: false,
        frameworks: ['MD'],
        nations: [],
      });
      const [row] = await auditOf('activity.updated', after.id);
      expect(row?.before).toEqual(before);
      expect(row?.after).toEqual(after);
    });

    it('refuses an unknown reference, a code change and a self prerequisite', async () => {
      const url = '/api/v1/activities/CTM-CT-3000';
      const audits = await countOf('audit_log');
      const patch = (body: object) => call(t.app, as.admin, 'PATCH', url, body);
      const unknown = await patch({ providerCode: 'NOPE' });
      expect(expectProblem(unknown, 400, 'validation_failed').errors?.[0]?.field).toBe(
        'providerCode',
      );
      const renamed = await patch({ code: 'CTM-X' });
      expect(expectProblem(renamed, 400, 'validation_failed').errors?.[0]?.field).toBe('code');
      const self = await patch({ prerequisites: { courses: ['CTM-CT-3000'] } });
      expect(expectProblem(self, 400, 'validation_failed').errors?.[0]?.code).toBe(
        'self_prerequisite',
      );
      expect(await countOf('audit_log')).toBe(audits);
      expectProblem(
        await call(t.app, as.admin, 'PATCH', '/api/v1/activities/NO-SUCH', {}),
        404,
        'not_found',
      );
    });
  });

  describe('releasability', () => {
    beforeAll(async () => {
      const md = { all: false, frameworks: ['MD'], nations: [] };
      for (const body of [
        activityInput('REL-ALL', { title: { en: 'Maritime security' } }),
        activityInput('REL-MD', { title: { en: 'Maritime interdiction' }, releasability: md }),
        activityInput('REL-KWT', {
          title: { en: 'Maritime law' },
          releasability: { all: false, frameworks: [], nations: ['KWT'] },
        }),
        activityInput('REL-DRAFT', { title: { en: 'Maritime drafts' }, status: 'draft' }),
        activityInput('REL-OLD', { title: { en: 'Maritime history' }, status: 'retired' }),
      ]) {
        const response = await create(body);
        expect(response.statusCode, response.body).toBe(201);
      }
    });

    const all = ['REL-ALL', 'REL-DRAFT', 'REL-OLD', 'REL-KWT', 'REL-MD'];
    it.each([
      ['registrar', all],
      ['observer', all],
      ['npoc', ['REL-ALL', 'REL-KWT']],
      ['qatar', ['REL-ALL']],
      ['jordan', ['REL-ALL', 'REL-MD']],
    ] as const)('shows a %s only what is released to them', async (who, expected) => {
      const session = as[who];
      expect(await codes(session, '&q=maritime')).toEqual(expect.arrayContaining([...expected]));
      expect((await codes(session, '&q=maritime')).length).toBe(expected.length);
      expect((await codes(session)).filter((c) => c.startsWith('REL-')).sort()).toEqual(
        [...expected].sort(),
      );
      for (const code of all) {
        const response = await get(code, session);
        if (expected.some((c) => c === code)) expect(response.statusCode, code).toBe(200);
        else expectProblem(response, 404, 'not_found');
      }
    });

    it('shows a nation no draft even when it asks for drafts by status', async () => {
      expect(await codes(as.npoc, '&status=draft')).toEqual([]);
      expect(await codes(as.registrar, '&status=draft')).toContain('REL-DRAFT');
    });
  });
});
