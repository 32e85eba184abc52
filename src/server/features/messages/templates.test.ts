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
import { LOCALES } from '../../../contract/common.js';
import {
  MESSAGE_EVENTS,
  type MessageTemplate,
  type RenderedMessage,
} from '../../../contract/messages.js';
import { SAMPLE_VARIABLES } from './default-templates/index.js';
import { queueEmail } from './outbox.js';

const BASE = '/api/v1/message-templates';

describe('message templates', () => {
  let t: TestApp;
  let admin: Session;
  let registrar: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  async function auditCount(action: string, entityId: string): Promise<number> {
    const { rows } = await t.db.pool.query(
      'select 1 from audit_log where action = $1 and entity_id = $2',
      [action, entityId],
    );
    return rows.length;
  }

  it('lists every event in every language, with the defaults', async () => {
    const response = await call(t.app, admin, 'GET', BASE);
    expect(response.statusCode).toBe(200);
    const list = response.json<MessageTemplate[]>();
    expect(list).toHaveLength(MESSAGE_EVENTS.length * LOCALES.length);
    const reset = list.find((x) => x.event === 'password-reset' && x.locale === 'fr');
    expect(reset).toMatchObject({
      customized: false,
      updatedAt: null,
      subject: 'Réinitialisation de votre mot de passe Rabita',
      variables: ['recipientName', 'link'],
    });
  });

  it('edits, uses the edit for new e-mails, and resets to the default', async () => {
    const url = `${BASE}/nomination-selected/en`;
    const update = await call(t.app, admin, 'PUT', url, {
      subject: '  Good news for {{participantName}}  ',
      body: 'Selected for {{sessionCode}}.\nWelcome, {{recipientName}}!',
    });
    expect(update.statusCode, update.body).toBe(200);
    const saved = update.json<MessageTemplate>();
    expect(saved).toMatchObject({
      customized: true,
      subject: 'Good news for {{participantName}}',
      updatedByName: 'Test administrator',
    });
    expect(saved.defaultSubject).toContain('Selected');
    expect(await auditCount('message_template.updated', 'nomination-selected/en')).toBe(1);

    const one = await call(t.app, admin, 'GET', url);
    expect(one.json<MessageTemplate>().body).toBe(saved.body);
    // Other languages keep their own wording.
    const french = await call(t.app, admin, 'GET', `${BASE}/nomination-selected/fr`);
    expect(french.json<MessageTemplate>().customized).toBe(false);

    await t.db.db.transaction((tx) =>
      queueEmail(tx, {
        event: 'nomination-selected',
        locale: 'en',
        to: 'a@test.example',
        variables: {
          ...SAMPLE_VARIABLES,
          participantName: 'Capt. Noura',
          sessionCode: 'X-1',
          recipientName: 'NPOC',
        },
      }),
    );
    const { rows } = await t.db.pool.query(
      `select subject, body from outbox_messages where to_address = 'a@test.example'`,
    );
    expect(rows).toEqual([
      { subject: 'Good news for Capt. Noura', body: 'Selected for X-1.\nWelcome, NPOC!' },
    ]);

    const reset = await call(t.app, admin, 'DELETE', url);
    expect(reset.statusCode).toBe(200);
    expect(reset.json<MessageTemplate>()).toMatchObject({
      customized: false,
      subject: saved.defaultSubject,
      body: saved.defaultBody,
    });
    expect(await auditCount('message_template.reset', 'nomination-selected/en')).toBe(1);
    // Resetting a default again changes nothing and records nothing.
    expect((await call(t.app, admin, 'DELETE', url)).statusCode).toBe(200);
    expect(await auditCount('message_template.reset', 'nomination-selected/en')).toBe(1);
  });

  it('previews stored or unsaved wording with sample and given values', async () => {
    const url = `${BASE}/nomination-rejected/ar/preview`;
    const stored = await call(t.app, admin, 'POST', url, {});
    expect(stored.statusCode, stored.body).toBe(200);
    const preview = stored.json<RenderedMessage>();
    expect(preview.subject).toContain('M5-66-A-24');
    expect(preview.body).toContain('السبب:');
    expect(preview.body).not.toContain('{{');

    const draft = await call(t.app, admin, 'POST', url, {
      subject: 'Draft {{sessionCode}}',
      body: '{{participantName}} / {{reason}}',
      variables: { reason: 'No seat' },
    });
    expect(draft.json<RenderedMessage>()).toEqual({
      subject: 'Draft M5-66-A-24',
      body: 'Maj. Ahmed Al-Mutairi / No seat',
    });
    // A preview writes nothing.
    const after = await call(t.app, admin, 'GET', `${BASE}/nomination-rejected/ar`);
    expect(after.json<MessageTemplate>().customized).toBe(false);
  });

  it('refuses unknown placeholders, multi-line subjects, empty text and bad params', async () => {
    const url = `${BASE}/password-reset/en`;
    const typo = expectProblem(
      await call(t.app, admin, 'PUT', url, {
        subject: 'Reset',
        body: 'Click {{lnik}} or {{sessionCode}}',
      }),
      400,
      'validation_failed',
    );
    expect(typo.errors?.map((e) => [e.field, e.code])).toEqual([
      ['body', 'unknown_placeholder'],
      ['body', 'unknown_placeholder'],
    ]);
    const lines = expectProblem(
      await call(t.app, admin, 'PUT', url, { subject: 'a\nb', body: '' }),
      400,
      'validation_failed',
    );
    expect(lines.errors?.map((e) => e.field).sort()).toEqual(['body', 'subject']);
    expectProblem(
      await call(t.app, admin, 'PUT', url, { subject: 'a', body: 'b', extra: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, admin, 'GET', `${BASE}/no-such-event/en`),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, admin, 'GET', `${BASE}/password-reset/de`),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, admin, 'POST', `${url}/preview`, { body: '{{nope}}' }),
      400,
      'validation_failed',
    );
    expect(await auditCount('message_template.updated', 'password-reset/en')).toBe(0);
  });

  it('is for administrators only: 401 without a session, 403 for others', async () => {
    const url = `${BASE}/password-reset/en`;
    const body = { subject: 'x', body: 'y' };
    expectProblem(await call(t.app, null, 'GET', BASE), 401, 'unauthenticated');
    expectProblem(await call(t.app, null, 'PUT', url, body), 401, 'unauthenticated');
    expectProblem(await call(t.app, null, 'POST', `${url}/preview`, {}), 401, 'unauthenticated');
    const npoc = await signInAs(t, ['npoc'], 'KWT');
    for (const session of [registrar, npoc]) {
      expectProblem(await call(t.app, session, 'GET', BASE), 403, 'forbidden');
      expectProblem(await call(t.app, session, 'GET', url), 403, 'forbidden');
      expectProblem(await call(t.app, session, 'PUT', url, body), 403, 'forbidden');
      expectProblem(await call(t.app, session, 'DELETE', url), 403, 'forbidden');
      expectProblem(await call(t.app, session, 'POST', `${url}/preview`, {}), 403, 'forbidden');
    }
  });
});
