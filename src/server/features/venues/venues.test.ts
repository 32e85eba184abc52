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
import type { Venue, VenueInput } from '../../../contract/sessions.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

const doha: VenueInput = {
  code: 'DOH-JSC',
  name: { en: 'Joint Staff College, Doha', ar: 'كلية الأركان المشتركة' },
  kind: 'city',
  city: 'Doha',
  countryCode: 'QAT',
  timeZone: 'Asia/Qatar',
  workingDays: [4, 0, 1, 2, 3, 0],
  holidays: [
    { date: '2027-12-18', name: { en: 'National Day' } },
    { date: '2027-03-10', name: { en: 'Eid al-Fitr' } },
  ],
};

describe('venues', () => {
  let t: TestApp;
  let registrar: Session;
  let npoc: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(() => t.close());

  const create = (session: Session | null, body: object) =>
    call(t.app, session, 'POST', '/api/v1/venues', body);

  async function auditOf(action: string, code: string) {
    const { rows } = await t.db.pool.query<{ before: unknown; after: unknown }>(
      'select before, after from audit_log where action = $1 and entity_id = $2',
      [action, code],
    );
    return rows;
  }

  it('creates a venue with its week in order and holidays by date, audited', async () => {
    const response = await create(registrar, doha);
    expect(response.statusCode, response.body).toBe(201);
    const venue = response.json<Venue>();
    expect(venue).toEqual({
      ...doha,
      workingDays: [0, 1, 2, 3, 4],
      holidays: [doha.holidays?.[1], doha.holidays?.[0]],
    });
    expect(await auditOf('venue.created', 'DOH-JSC')).toEqual([{ before: null, after: venue }]);

    // Every reader of sessions may read venues.
    const one = await call(t.app, npoc, 'GET', '/api/v1/venues/DOH-JSC');
    expect(one.json<Venue>()).toEqual(venue);
    const list = await call(t.app, npoc, 'GET', '/api/v1/venues');
    expect(list.json<Venue[]>().map((v) => v.code)).toEqual(['DOH-JSC', 'ROM-NDC', 'KWI-NIRC']);
  });

  it('refuses a duplicate code with 409', async () => {
    expectProblem(await create(registrar, { ...doha, name: { en: 'Other' } }), 409, 'venue_exists');
  });

  it('accepts any ISO country, even one that is not a partner', async () => {
    const response = await create(registrar, { ...doha, code: 'BRU', countryCode: 'BEL' });
    expect(response.statusCode, response.body).toBe(201);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['an empty working week', { workingDays: [] }, 'workingDays'],
    ['a day 7', { workingDays: [1, 7] }, 'workingDays.1'],
    ['a lowercase code', { code: 'doh' }, 'code'],
    ['an unknown kind', { kind: 'ship' }, 'kind'],
    [
      'a bad holiday date',
      { holidays: [{ date: '2027-02-30', name: { en: 'X' } }] },
      'holidays.0.date',
    ],
  ])('refuses %s with 400 and writes nothing', async (_, overrides, field) => {
    const response = await create(registrar, { ...doha, code: 'BAD', ...overrides });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expectProblem(await call(t.app, registrar, 'GET', '/api/v1/venues/BAD'), 404, 'not_found');
  });

  it('lets only session managers write and only signed-in users read', async () => {
    expectProblem(await create(npoc, { ...doha, code: 'NPOC' }), 403, 'forbidden');
    expectProblem(await create(null, { ...doha, code: 'ANON' }), 401, 'unauthenticated');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/venues'), 401, 'unauthenticated');
    const patch = await call(t.app, npoc, 'PATCH', '/api/v1/venues/DOH-JSC', { city: 'X' });
    expectProblem(patch, 403, 'forbidden');
    expect(await auditOf('venue.created', 'NPOC')).toEqual([]);
  });

  it('answers 404 for an unknown venue', async () => {
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/venues/NOPE'), 404, 'not_found');
    const patch = await call(t.app, registrar, 'PATCH', '/api/v1/venues/NOPE', { city: 'X' });
    expectProblem(patch, 404, 'not_found');
  });

  it('edits only the fields sent, with before and after in the audit trail', async () => {
    const response = await call(t.app, registrar, 'PATCH', '/api/v1/venues/DOH-JSC', {
      city: 'Al Rayyan',
      workingDays: [5, 1, 2],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Venue>()).toMatchObject({ city: 'Al Rayyan', workingDays: [1, 2, 5] });
    const [row] = await auditOf('venue.updated', 'DOH-JSC');
    expect(row?.before).toMatchObject({ city: 'Doha', timeZone: 'Asia/Qatar' });
    expect(row?.after).toEqual(response.json());
    const code = await call(t.app, registrar, 'PATCH', '/api/v1/venues/DOH-JSC', { code: 'X' });
    expect(expectProblem(code, 400, 'validation_failed').errors?.[0]?.code).toBe('unknown_field');
  });

  it("moves the nomination deadlines of its sessions when the venue's time zone changes", async () => {
    await makeActivity(t.db.db, 'TZ-COURSE');
    const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
      ...sessionInput('TZ-1', 'TZ-COURSE'),
      venueCode: 'DOH-JSC',
    });
    expect(created.json()).toMatchObject({ nominationDeadline: '2027-02-10T20:59:59.999Z' });
    const patch = await call(t.app, registrar, 'PATCH', '/api/v1/venues/DOH-JSC', {
      timeZone: 'Europe/Brussels',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const session = await call(t.app, registrar, 'GET', '/api/v1/sessions/TZ-1');
    expect(session.json()).toMatchObject({
      timeZone: 'Europe/Brussels',
      nominationDeadline: '2027-02-10T22:59:59.999Z',
    });
  });
});
