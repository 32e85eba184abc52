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
import type { ActivitySummary } from '../../../contract/catalogue.js';
import { activityInput, seedCatalogue } from './fixtures.js';

type Page = { items: ActivitySummary[]; nextCursor: string | null };

const md = { all: false, frameworks: ['MD'], nations: [] };
const catalogue = [
  activityInput('CTM-CT-2839', {
    title: {
      en: 'Defence Against Terrorism',
      fr: 'Défense contre le terrorisme',
      ar: 'مكافحة الإرهاب',
    },
  }),
  activityInput('CTM-LL-10', {
    title: { en: 'Lessons Learned Staff Officer' },
    type: 'dialogue-event',
  }),
  activityInput('CYB-100', {
    title: { en: 'Cyber Defence Fundamentals', fr: 'Fondamentaux de la cyberdéfense' },
    description: { en: 'Networks.', ar: 'أساسيات الدفاع السيبراني' },
    disciplineCode: 'CYBER',
    delivery: 'online',
  }),
  activityInput('MAR-200', {
    title: { en: 'Maritime Interdiction Operations', fr: "Opérations d'interdiction maritime" },
    providerCode: 'NSO',
    delivery: 'mobile-training-team',
    language: 'fr',
  }),
  activityInput('FIN-300', { title: { en: 'Terrorism Financing' }, releasability: md }),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) =>
    activityInput(`PAG-${n}`, { title: { en: `Paginated course ${n % 3}` } }),
  ),
];

describe('activity search, filters and pages', () => {
  let t: TestApp;
  let registrar: Session;
  let npoc: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedCatalogue(t.db.db);
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    for (const body of catalogue) {
      const response = await call(t.app, registrar, 'POST', '/api/v1/activities', body);
      expect(response.statusCode, response.body).toBe(201);
    }
    // Sessions belong to another feature; the rows are written directly to test the filters.
    await t.db.pool.query(`insert into venues (code, name, kind, time_zone, working_days, holidays)
      values ('KWC', '{"en":"Kuwait City"}', 'centre', 'Asia/Kuwait', '{0,1,2,3,4}', '[]')`);
    const session = (
      code: string,
      activity: string,
      start: string,
      status: string,
      window: string,
    ) =>
      t.db.pool.query(
        `insert into training_sessions (code, activity_id, start_date, end_date, venue_code,
           capacity, nomination_opens, nomination_closes, nomination_deadline, status)
         select $1, id, $3::date, $3::date + 4, 'KWC', 20, ${window}, $4
         from activities where code = $2`,
        [code, activity, start, status],
      );
    const open = `current_date - 5, current_date + 5, now() + interval '5 days'`;
    const closed = `current_date - 20, current_date - 1, now() - interval '1 day'`;
    const notYet = `current_date + 5, current_date + 9, now() + interval '9 days'`;
    await session('CT-A', 'CTM-CT-2839', '2031-03-01', 'announced', open);
    await session('CT-B', 'CTM-CT-2839', '2031-03-15', 'announced', open);
    await session('CT-C', 'CTM-CT-2839', '2031-03-29', 'announced', closed);
    await session('CYB-A', 'CYB-100', '2031-06-01', 'draft', open);
    await session('MAR-A', 'MAR-200', '2031-09-01', 'announced', notYet);
    await session('FIN-A', 'FIN-300', '2031-03-01', 'announced', open);
  });
  afterAll(() => t.close());

  async function page(session: Session, query: string): Promise<Page> {
    const response = await call(t.app, session, 'GET', `/api/v1/activities?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }
  const codes = async (session: Session, query: string) =>
    (await page(session, `limit=100&${query}`)).items.map((a) => a.code);
  const search = (session: Session, q: string) => codes(session, `q=${encodeURIComponent(q)}`);

  describe('full-text search', () => {
    it('finds English words by their stem', async () => {
      expect(await search(registrar, 'terrorism')).toEqual(
        expect.arrayContaining(['CTM-CT-2839', 'FIN-300']),
      );
      expect(await search(registrar, 'operation')).toEqual(['MAR-200']);
      expect(await search(registrar, 'defending')).toEqual([]);
    });

    it('finds French and Arabic titles and Arabic descriptions', async () => {
      expect(await search(registrar, 'interdiction maritime')).toEqual(['MAR-200']);
      expect(await search(registrar, 'cyberdéfense')).toEqual(['CYB-100']);
      expect(await search(registrar, 'الإرهاب')).toEqual(['CTM-CT-2839']);
      expect(await search(registrar, 'السيبراني')).toEqual(['CYB-100']);
    });

    it('finds codes by prefix in any case, first, and escapes wildcards', async () => {
      expect((await search(registrar, 'CTM')).sort()).toEqual(['CTM-CT-2839', 'CTM-LL-10']);
      expect(await search(registrar, 'ctm-ct')).toEqual(['CTM-CT-2839']);
      expect(await search(registrar, '_TM')).toEqual([]);
      expect(await search(registrar, '%')).toEqual([]);
      expect(await search(registrar, 'zzzz')).toEqual([]);
    });

    it('never shows a nation what is not released to it', async () => {
      expect(await search(npoc, 'terrorism')).toEqual(['CTM-CT-2839']);
      expect(await search(npoc, 'FIN')).toEqual([]);
      expect(await codes(npoc, 'openForNominations=true')).toEqual(['CTM-CT-2839']);
    });
  });

  describe('filters', () => {
    it.each([
      ['disciplineCode=CYBER', ['CYB-100']],
      ['providerCode=NSO', ['MAR-200']],
      ['delivery=online', ['CYB-100']],
      ['type=dialogue-event', ['CTM-LL-10']],
      ['language=fr', ['MAR-200']],
      ['q=terrorism&disciplineCode=CT&status=active', ['CTM-CT-2839', 'FIN-300']],
    ])('filters by %s', async (query, expected) => {
      expect((await codes(registrar, query)).sort()).toEqual(expected);
    });

    it('counts the sessions open for nominations now and filters on them', async () => {
      const open = await page(registrar, 'openForNominations=true');
      expect(open.items.map((a) => [a.code, a.openSessions])).toEqual([
        ['CTM-CT-2839', 2],
        ['FIN-300', 1],
      ]);
      const notOpen = await codes(registrar, 'openForNominations=false');
      expect(notOpen).toHaveLength(catalogue.length - 2);
      expect(notOpen).not.toContain('CTM-CT-2839');
      const one = await call(t.app, npoc, 'GET', '/api/v1/activities/CTM-CT-2839');
      expect(one.json<ActivitySummary>().openSessions).toBe(2);
    });

    it('filters by session start dates, ignoring draft sessions for nations', async () => {
      expect(await codes(registrar, 'from=2031-05-01&to=2031-07-01')).toEqual(['CYB-100']);
      expect(await codes(npoc, 'from=2031-05-01&to=2031-07-01')).toEqual([]);
      expect(await codes(registrar, 'to=2031-04-01')).toEqual(['CTM-CT-2839', 'FIN-300']);
      expect(await codes(npoc, 'from=2031-08-01')).toEqual(['MAR-200']);
      const bad = await call(t.app, registrar, 'GET', '/api/v1/activities?from=2031-13-01');
      expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.field).toBe('from');
    });
  });

  describe('keyset pages', () => {
    async function walk(session: Session, query: string): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const suffix: string = cursor ? `&cursor=${cursor}` : '';
        const result = await page(session, `limit=2&${query}${suffix}`);
        expect(result.items.length).toBeLessThanOrEqual(2);
        seen.push(...result.items.map((a) => a.code));
        cursor = result.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error('the pages never ended');
    }

    it('walks the title order page by page without duplicates or gaps', async () => {
      const all = await codes(registrar, '');
      expect(all).toHaveLength(catalogue.length);
      expect(await walk(registrar, '')).toEqual(all);
      const titles = (await page(registrar, 'limit=100')).items.map((a) => a.title.en);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(await walk(npoc, '')).toEqual(await codes(npoc, ''));
    });

    it('walks search results with equal ranks by id', async () => {
      const walked = await walk(registrar, 'q=paginated');
      expect(walked).toHaveLength(7);
      expect(new Set(walked).size).toBe(7);
      expect(walked).toEqual(await search(registrar, 'paginated'));
    });

    it('refuses a cursor it did not give out, or one from the other order', async () => {
      const bad = await call(t.app, registrar, 'GET', '/api/v1/activities?cursor=nonsense');
      expectProblem(bad, 400, 'validation_failed');
      const { nextCursor } = await page(registrar, 'limit=1');
      const mixed = await call(
        t.app,
        registrar,
        'GET',
        `/api/v1/activities?q=paginated&cursor=${nextCursor}`,
      );
      expect(expectProblem(mixed, 400, 'validation_failed').errors?.[0]?.code).toBe(
        'invalid_cursor',
      );
    });
  });
});
