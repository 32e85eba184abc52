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
import type { Contact, ContactInput, Nation } from '../../../contract/partners.js';
import type { Role } from '../../../contract/roles.js';

const attache: ContactInput = {
  name: 'Col. Fahad Al-Sabah',
  position: 'Defence attaché',
  email: 'attache@kuwait.example',
  phone: '+965 2222 3333',
};

describe('points of contact', () => {
  let t: TestApp;
  let admin: Session;
  let npoc: Session;
  let observer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    const sessionOf = async (roles: Role[], nation: string | null = null) => {
      const user = await makeUser(t.db.db, roles, nation);
      return signIn(t.app, user.email, TEST_PASSWORD);
    };
    admin = await sessionOf(['administrator']);
    npoc = await sessionOf(['npoc'], 'KWT');
    observer = await sessionOf(['observer']);
  });
  afterAll(() => t.close());

  const url = (nation: string, id?: string) =>
    `/api/v1/nations/${nation}/contacts${id ? `/${id}` : ''}`;

  async function add(session: Session, nation: string, body: ContactInput): Promise<Contact> {
    const response = await call(t.app, session, 'POST', url(nation), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Contact>();
  }

  async function contactsOf(nation: string): Promise<Contact[]> {
    return (await call(t.app, admin, 'GET', `/api/v1/nations/${nation}`)).json<Nation>().contacts;
  }

  async function auditActions(entityId: string): Promise<string[]> {
    const { rows } = await t.db.pool.query<{ action: string }>(
      'select action from audit_log where entity_id = $1 order by id',
      [entityId],
    );
    return rows.map((r) => r.action);
  }

  it('lets a KWT npoc add, edit and remove a KWT contact', async () => {
    const contact = await add(npoc, 'KWT', attache);
    expect(contact).toEqual({
      id: expect.any(String),
      nationCode: 'KWT',
      primary: false,
      ...attache,
    });
    expect(await contactsOf('KWT')).toContainEqual(contact);

    const edited = await call(t.app, npoc, 'PATCH', url('KWT', contact.id), {
      phone: '+965 2222 4444',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // Only the phone changes: the fields left out keep their values.
    expect(edited.json<Contact>()).toEqual({ ...contact, phone: '+965 2222 4444' });

    const removed = await call(t.app, npoc, 'DELETE', url('KWT', contact.id));
    expect(removed.statusCode).toBe(204);
    expect((await contactsOf('KWT')).map((c) => c.id)).not.toContain(contact.id);
    expect(await auditActions(contact.id)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.deleted',
    ]);
  });

  it('hides other nations’ contacts from an npoc behind 404', async () => {
    const qatari = await add(admin, 'QAT', { name: 'Maj. Noor Al-Thani' });
    const attempts = [
      call(t.app, npoc, 'POST', url('QAT'), { name: 'Intruder' }),
      call(t.app, npoc, 'PATCH', url('QAT', qatari.id), { name: 'Renamed' }),
      call(t.app, npoc, 'DELETE', url('QAT', qatari.id)),
      // Through their own nation's path, the other nation's contact does not exist either.
      call(t.app, npoc, 'PATCH', url('KWT', qatari.id), { name: 'Renamed' }),
      call(t.app, npoc, 'DELETE', url('KWT', qatari.id)),
    ];
    for (const response of await Promise.all(attempts)) expectProblem(response, 404, 'not_found');
    expect(await contactsOf('QAT')).toEqual([qatari]);
    expect(await auditActions(qatari.id)).toEqual(['contact.created']);
  });

  it('keeps one primary contact per nation', async () => {
    const first = await add(admin, 'QAT', { name: 'First', primary: true });
    const second = await add(admin, 'QAT', { name: 'Second', primary: true });
    const primaries = async () =>
      (await contactsOf('QAT')).filter((c) => c.primary).map((c) => c.id);
    expect(await primaries()).toEqual([second.id]);
    const back = await call(t.app, admin, 'PATCH', url('QAT', first.id), { primary: true });
    expect(back.json<Contact>()).toMatchObject({ id: first.id, name: 'First', primary: true });
    expect(await primaries()).toEqual([first.id]);
    // Primary first, then by name.
    expect((await contactsOf('QAT'))[0]?.id).toBe(first.id);
  });

  it.each([
    ['e-mail', { email: 'not-an-email' }, 'email'],
    ['phone', { phone: 'call me maybe' }, 'phone'],
    ['name', { name: '' }, 'name'],
  ])('refuses an invalid %s with 400, on create and on edit', async (_, invalid, field) => {
    const created = await call(t.app, npoc, 'POST', url('KWT'), { ...attache, ...invalid });
    const problem = expectProblem(created, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);

    const contact = await add(npoc, 'KWT', { name: 'Valid' });
    const edited = await call(t.app, npoc, 'PATCH', url('KWT', contact.id), invalid);
    expect(expectProblem(edited, 400, 'validation_failed').errors?.[0]?.field).toBe(field);
    expect((await contactsOf('KWT')).find((c) => c.id === contact.id)).toEqual(contact);
  });

  it('treats an edit that names no field as no change, not a server error', async () => {
    const contact = await add(npoc, 'KWT', attache);
    const edited = await call(t.app, npoc, 'PATCH', url('KWT', contact.id), {});
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Contact>()).toEqual(contact);
    expect(await auditActions(contact.id)).toEqual(['contact.created']);
  });

  it('refuses a NUL or an unpaired surrogate in a contact as a named field (400)', async () => {
    const nul = await call(t.app, npoc, 'POST', url('KWT'), { name: 'Fahad\u0000Al-Sabah' });
    expect(expectProblem(nul, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'unstorable_character' }),
    ]);
    const contact = await add(npoc, 'KWT', { name: 'Surrogate' });
    const lone = await call(t.app, npoc, 'PATCH', url('KWT', contact.id), { position: 'x\ud800' });
    expect(expectProblem(lone, 400, 'validation_failed').errors?.[0]?.field).toBe('position');
    expect((await contactsOf('KWT')).find((c) => c.id === contact.id)).toEqual(contact);
  });

  it('refuses callers without rights and unknown contacts', async () => {
    const contact = await add(admin, 'KWT', { name: 'Guarded' });
    expectProblem(await call(t.app, observer, 'POST', url('KWT'), attache), 403, 'forbidden');
    expectProblem(await call(t.app, observer, 'DELETE', url('KWT', contact.id)), 403, 'forbidden');
    expectProblem(await call(t.app, null, 'POST', url('KWT'), attache), 401, 'unauthenticated');
    const unknown = '0b7c2a56-0000-4000-8000-000000000000';
    expectProblem(await call(t.app, admin, 'DELETE', url('KWT', unknown)), 404, 'not_found');
    expectProblem(await call(t.app, admin, 'POST', url('XYZ'), attache), 404, 'not_found');
    const malformed = await call(t.app, admin, 'DELETE', url('KWT', 'nope'));
    expect(expectProblem(malformed, 400, 'validation_failed').errors?.[0]?.field).toBe('id');
    expect((await contactsOf('KWT')).map((c) => c.id)).toContain(contact.id);
  });
});
