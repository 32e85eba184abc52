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
import type { AuditEntry } from '../../../contract/audit.js';
import { encodeCursor } from '../../http/cursor.js';

interface Page {
  items: AuditEntry[];
  nextCursor: string | null;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: Session;
  let registrar: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
    // Three changes by the registrar, in a known order, to browse.
    for (const code of ['AAA', 'BBB', 'CCC']) {
      const response = await call(t.app, registrar, 'POST', '/api/v1/frameworks', {
        code,
        name: { en: `Framework ${code}` },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
    }
  });
  afterAll(() => t.close());

  async function browse(query: string, as: Session = admin): Promise<Page> {
    const response = await call(t.app, as, 'GET', `/api/v1/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }

  /** The days of the first and last entries, as the database sees them (time zone, midnight). */
  async function entryDays() {
    const { rows } = await t.db.pool.query<
      Record<'dayBefore' | 'first' | 'last' | 'dayAfter', string>
    >(
      `select (min(at)::date - 1)::text as "dayBefore", min(at)::date::text as first,
              max(at)::date::text as last, (max(at)::date + 1)::text as "dayAfter"
       from audit_log`,
    );
    const days = rows[0];
    if (!days) throw new Error('no audit entries');
    return days;
  }

  it('lists entries newest first, with who did what', async () => {
    const { items, nextCursor } = await browse('');
    expect(nextCursor).toBeNull();
    const ids = items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(items[0]).toMatchObject({
      action: 'framework.created',
      entityType: 'framework',
      entityId: 'CCC',
      actorId: registrar.userId,
      actorName: 'Test registrar',
      before: null,
      after: { code: 'CCC', name: { en: 'Framework CCC' }, nationCount: 0 },
      requestId: expect.any(String),
    });
    // Loaders act as the system: their entries have no actor.
    const seeded = items.find((e) => e.entityType === 'nation' && e.entityId === 'KWT');
    expect(seeded).toMatchObject({ action: 'nation.created', actorId: null, actorName: null });
  });

  it('filters by entity type, action and actor', async () => {
    const frameworks = await browse('?entityType=framework');
    expect(frameworks.items.map((e) => e.entityId)).toEqual(['CCC', 'BBB', 'AAA', 'MD', 'ICI']);
    const signIns = await browse('?action=auth.sign_in');
    expect(signIns.items.map((e) => e.actorId).sort()).toEqual(
      [admin.userId, registrar.userId].sort(),
    );
    const byRegistrar = await browse(`?actorId=${registrar.userId}`);
    expect(byRegistrar.items.map((e) => e.action)).toEqual([
      'framework.created',
      'framework.created',
      'framework.created',
      'auth.sign_in',
    ]);
    const combined = await browse(`?actorId=${registrar.userId}&entityType=user`);
    expect(combined.items.map((e) => e.action)).toEqual(['auth.sign_in']);
    expect((await browse('?entityId=BBB')).items.map((e) => e.action)).toEqual([
      'framework.created',
    ]);
    expect((await browse('?action=nothing.happened')).items).toEqual([]);
  });

  it('filters by date, both ends included', async () => {
    const { dayBefore, first, last, dayAfter } = await entryDays();
    const all = (await browse('')).items.length;
    expect((await browse(`?from=${first}&to=${last}`)).items).toHaveLength(all);
    expect((await browse(`?from=${dayAfter}`)).items).toEqual([]);
    expect((await browse(`?to=${dayBefore}`)).items).toEqual([]);
    expect((await browse(`?from=${dayBefore}&to=${dayAfter}`)).items).toHaveLength(all);
  });

  it('pages with a keyset cursor, without gaps or duplicates', async () => {
    const all = (await browse('?limit=200')).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await browse(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(cursor).toBeNull();
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen).toEqual(all);

    const filtered = await browse('?entityType=framework&limit=3');
    expect(filtered.items.map((e) => e.entityId)).toEqual(['CCC', 'BBB', 'AAA']);
    const rest = await browse(`?entityType=framework&limit=3&cursor=${filtered.nextCursor}`);
    expect(rest).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(rest.items.map((e) => e.entityId)).toEqual(['MD', 'ICI']);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a key of the wrong length', encodeCursor(['1', '2'])],
    ['a key that is not an id', encodeCursor(['abc'])],
  ])('refuses a cursor that is %s', async (_, cursor) => {
    const response = await call(t.app, admin, 'GET', `/api/v1/audit?cursor=${cursor}`);
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' }),
    ]);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
    ['from', 'from=yesterday'],
    ['actorId', 'actorId=42'],
    ['foo', 'foo=bar'],
  ])('refuses an invalid %s in %s', async (field, query) => {
    const response = await call(t.app, admin, 'GET', `/api/v1/audit?${query}`);
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('is for administrators only', async () => {
    const npoc = await signInAs(t, ['npoc'], 'KWT');
    expectProblem(await call(t.app, registrar, 'GET', '/api/v1/audit'), 403, 'forbidden');
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/audit'), 403, 'forbidden');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/audit'), 401, 'unauthenticated');
  });
});
