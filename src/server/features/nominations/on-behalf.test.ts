import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import type { Nomination } from '../../../contract/nominations.js';
import { SYSTEM_ACTOR_ID } from '../audit/record.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { onBehalfOf } from './on-behalf.js';
import { makePerson, openSession } from './test-fixtures.js';

describe('who counts as acting on behalf of a nation', () => {
  it.each([
    [['npoc'], 'KWT', 'submit', null],
    [['nominator'], 'KWT', 'propose', null],
    [['npoc'], 'QAT', 'propose', 'KWT'],
    [['administrator'], null, 'propose', 'KWT'],
    [['administrator'], null, 'substitute', 'KWT'],
    [['administrator'], null, 'withdraw', 'KWT'],
    [['registrar'], null, 'select', null],
    [['administrator'], null, 'reject', null],
    [['observer'], 'KWT', 'propose', 'KWT'],
  ] as const)('%j of %s making a %s for KWT -> %s', (roles, nationCode, action, expected) => {
    const actor = { id: '6f1c3e1a-0000-4000-8000-000000000001', roles: [...roles], nationCode };
    expect(onBehalfOf(actor, 'KWT', action)).toBe(expected);
  });

  it('leaves the system (the demo loader) out: it is nobody choosing for a nation', () => {
    expect(
      onBehalfOf({ id: SYSTEM_ACTOR_ID, roles: ['administrator'], nationCode: null }, 'KWT'),
    ).toBeNull();
  });
});

describe('centre staff nominating for a nation', () => {
  let t: TestApp;
  let admin: Browser;
  let registrar: Browser;
  let npocKwt: Browser;
  let people: string[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    await openSession(t.db.db, 'CT-A', 'CT-BASIC');
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    people = [
      await makePerson(t.db.db, 'KWT'),
      await makePerson(t.db.db, 'KWT'),
      await makePerson(t.db.db, 'KWT'),
    ];
  });
  afterAll(() => t.close());

  async function auditAfter(action: string, entityId: string) {
    const { rows } = await t.db.pool.query<{ after: Record<string, unknown> | null }>(
      'select after from audit_log where action = $1 and entity_id = $2',
      [action, entityId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]?.after ?? {};
  }

  const nominate = (who: Browser, participantId: string | undefined) =>
    call(t.app, who, 'POST', '/api/v1/nominations', {
      sessionCode: 'CT-A',
      participantId,
      submit: true,
    });

  it('records an administrator’s nomination as made on the nation’s behalf', async () => {
    const created = await nominate(admin, people[0]);
    expect(created.statusCode, created.body).toBe(201);
    const nomination = created.json<Nomination>();
    expect(nomination.timeline).toHaveLength(1);
    expect(nomination.timeline[0]).toMatchObject({
      action: 'submit',
      onBehalfOf: { code: 'KWT', name: { en: 'Kuwait' } },
    });
    expect(await auditAfter('nomination.created', nomination.id)).toMatchObject({
      onBehalfOf: 'KWT',
    });

    // The nation sees in its own timeline that the centre acted for it.
    const asNpoc = await call(t.app, npocKwt, 'GET', `/api/v1/nominations/${nomination.id}`);
    expect(asNpoc.statusCode).toBe(200);
    expect(asNpoc.json<Nomination>().timeline[0]?.onBehalfOf?.code).toBe('KWT');

    // The registrar's selection is the centre's own decision: nobody's behalf.
    const selected = await call(
      t.app,
      registrar,
      'POST',
      `/api/v1/nominations/${nomination.id}/transitions`,
      { action: 'select' },
    );
    expect(selected.statusCode, selected.body).toBe(200);
    expect(selected.json<Nomination>().timeline.map((e) => e.onBehalfOf?.code ?? null)).toEqual([
      'KWT',
      null,
    ]);
    expect(await auditAfter('nomination.select', nomination.id)).not.toHaveProperty('onBehalfOf');

    // A substitution by the administrator is the nation's move too, on both nominations.
    const swapped = await call(
      t.app,
      admin,
      'POST',
      `/api/v1/nominations/${nomination.id}/substitution`,
      { participantId: people[1], reason: 'The first choice fell ill' },
    );
    expect(swapped.statusCode, swapped.body).toBe(201);
    const replacement = swapped.json<Nomination>();
    expect(replacement.timeline.map((e) => [e.action, e.onBehalfOf?.code ?? null])).toEqual([
      ['substitute', 'KWT'],
    ]);
    const old = await call(t.app, admin, 'GET', `/api/v1/nominations/${nomination.id}`);
    expect(old.json<Nomination>().timeline.at(-1)).toMatchObject({
      action: 'substitute',
      onBehalfOf: { code: 'KWT' },
    });
    expect(await auditAfter('nomination.substituted', nomination.id)).toMatchObject({
      onBehalfOf: 'KWT',
      nominationId: replacement.id,
    });
  });

  it('records nothing of the kind when the nation’s own point of contact nominates', async () => {
    const created = await nominate(npocKwt, people[2]);
    expect(created.statusCode, created.body).toBe(201);
    const nomination = created.json<Nomination>();
    expect(nomination.timeline[0]?.onBehalfOf).toBeNull();
    expect(await auditAfter('nomination.created', nomination.id)).not.toHaveProperty('onBehalfOf');
  });
});
