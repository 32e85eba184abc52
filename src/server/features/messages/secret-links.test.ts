import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
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
import type { Locale } from '../../../contract/common.js';
import type { OutboxMessage, OutboxSummary } from '../../../contract/messages.js';
import { surveyInvitations, surveyTemplates } from '../../db/schema/index.js';
import { hashToken } from '../auth/secrets.js';
import { systemContext } from '../context.js';
import { kuwaitToday } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { sendSupervisor } from '../surveys/sending.js';
import { endedSession, level3Template } from '../surveys/test-fixtures.js';
import { deliverOutboxMessage } from './delivery-job.js';
import { inviteParticipantAccount } from './invitations.js';
import { LINK_MASK } from './links.js';
import { createMailer, type Mailer } from './mailer.js';
import { type SmtpFixture, startSmtpFixture } from './smtp-fixture.js';

const NEW_PASSWORD = 'a long and new passphrase';

/** The newest message to an address as the table holds it, and its link's secret. */
async function newestTo(t: TestApp, address: string, page: 'password' | 'survey') {
  const { rows } = await t.db.pool.query<{ id: string; body: string }>(
    'select id, body from outbox_messages where to_address = $1 order by id desc limit 1',
    [address],
  );
  const row = rows[0];
  const token = new RegExp(`/${page}/([\\w-]+)`).exec(row?.body ?? '')?.[1];
  if (!row || !token) throw new Error(`no ${page} link was queued for ${address}`);
  return { id: Number(row.id), token };
}

describe('one-time links in the outbox', () => {
  let t: TestApp;
  let smtp: SmtpFixture;
  let mailer: Mailer;
  let admin: Session;
  let registrar: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    smtp = await startSmtpFixture();
    mailer = createMailer(smtp.url, 'Rabita Test <no-reply@rabita.test>');
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await t.close();
  });

  /**
   * The outbox read through the API by an administrator and a registrar: the list and the
   * message never carry the secret, and the administrator sees where the link was, masked.
   */
  async function expectMaskedInApi(id: number, secrets: string[], page: string) {
    const list = await call(t.app, admin, 'GET', '/api/v1/outbox?limit=100');
    const one = await call(t.app, admin, 'GET', `/api/v1/outbox/${id}`);
    expect(list.statusCode).toBe(200);
    expect(one.statusCode).toBe(200);
    expect(list.json<{ items: OutboxSummary[] }>().items.some((m) => m.id === id)).toBe(true);
    expect(one.json<OutboxMessage>().body).toContain(`/${page}/${LINK_MASK}`);
    const asRegistrar: LightMyRequestResponse[] = [
      await call(t.app, registrar, 'GET', '/api/v1/outbox'),
      await call(t.app, registrar, 'GET', `/api/v1/outbox/${id}`),
    ];
    for (const answer of asRegistrar) expectProblem(answer, 403, 'forbidden');
    for (const answer of [list, one, ...asRegistrar]) {
      for (const secret of secrets) expect(answer.body).not.toContain(secret);
    }
  }

  /** Sends the message by SMTP; the text received, which must hold the working link. */
  async function deliver(id: number, to: string): Promise<string> {
    expect(await deliverOutboxMessage(t.db.db, mailer, id)).toEqual({ outcome: 'sent' });
    const mail = smtp.received.filter((m) => m.messageId?.includes(`outbox-${id}-`));
    expect(mail).toHaveLength(1);
    expect(smtp.envelopes.at(-1)).toEqual([to]);
    const text = mail[0]?.text ?? '';
    // What the table keeps of the sent e-mail gives nobody a working link, only its hash.
    const [token] = [...text.matchAll(/\/(?:password|survey)\/([\w-]+)/g)].map((m) => m[1]);
    const { rows } = await t.db.pool.query<{ body: string; sealed_links: object[] }>(
      'select body, sealed_links from outbox_messages where id = $1',
      [id],
    );
    expect(token).toBeTruthy();
    expect(rows[0]?.body).not.toContain(token);
    expect(rows[0]?.body).toContain(`/${LINK_MASK}`);
    expect(rows[0]?.sealed_links).toEqual([
      { page: expect.any(String), tokenHash: hashToken(token ?? '') },
    ]);
    return text;
  }

  const complete = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, newPassword: NEW_PASSWORD },
    });

  it.each([
    ['en', 'We received a request to reset the password', 'reset.en@test.example'],
    ['ar', 'تلقّينا طلبًا لإعادة تعيين كلمة المرور', 'reset.ar@test.example'],
  ] as const)(
    'masks a password-reset link for every reader, and e-mails it whole (%s)',
    async (locale, words, email) => {
      await t.db.pool.query(
        `insert into users (email, display_name, roles, locale, password_hash)
       values ($1, 'Reset Reader', '{instructor}', $2, 'x')`,
        [email, locale],
      );
      const request = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/request',
        payload: { email },
      });
      expect(request.statusCode).toBe(202);
      const { id, token } = await newestTo(t, email, 'password');
      await expectMaskedInApi(id, [token], 'password');

      const text = await deliver(id, email);
      expect(text).toContain(`/password/${token}`);
      expect(text).toContain(words);
      expect(text.replace(/https?:\/\/\S+/g, '').trim().length).toBeGreaterThan(40);
      expect((await complete(token)).statusCode).toBe(204);
    },
  );

  it.each([
    ['en', 'Qatar', 'invite.en@test.example'],
    ['ar', 'قطر', 'invite.ar@test.example'],
  ] as const)(
    'masks an account invitation link, and e-mails it whole (%s)',
    async (locale, nation, email) => {
      const { rows } = await t.db.pool.query<{ id: string }>(
        `insert into participants (nation_code, family_name_latin, given_names_latin, rank_code,
                                 email, language_profiles)
       values ('QAT', 'Al-Thani', 'Noura', 'OF-3', $1, '[]') returning id`,
        [email],
      );
      const participantId = rows[0]?.id ?? '';
      const result = await t.db.db.transaction((tx) =>
        inviteParticipantAccount(systemContext(tx, 'test'), {
          id: participantId,
          email,
          nationCode: 'QAT',
          displayName: 'Noura Al-Thani',
          locale: locale as Locale,
        }),
      );
      expect(result.status).toBe('invited');
      const { id, token } = await newestTo(t, email, 'password');
      await expectMaskedInApi(id, [token], 'password');

      const text = await deliver(id, email);
      expect(text).toContain(`/password/${token}`);
      expect(text).toContain(nation);
      expect(text).toContain('Noura Al-Thani');
      expect((await complete(token)).statusCode).toBe(204);
    },
  );

  it('resends a password link with a new secret: the old link stops working, the API shows neither', async () => {
    const email = 'resend@test.example';
    await t.db.pool.query(
      `insert into users (email, display_name, roles, locale, password_hash)
       values ($1, 'Resend Reader', '{instructor}', 'en', 'x')`,
      [email],
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email },
    });
    const first = await newestTo(t, email, 'password');
    await deliver(first.id, email);

    expectProblem(
      await call(t.app, registrar, 'POST', `/api/v1/outbox/${first.id}/resend`),
      403,
      'forbidden',
    );
    const resent = await call(t.app, admin, 'POST', `/api/v1/outbox/${first.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    const copy = resent.json<OutboxMessage>();
    expect(copy.id).not.toBe(first.id);
    expect(copy.status).toBe('pending');
    const second = await newestTo(t, email, 'password');
    expect(second.id).toBe(copy.id);
    expect(second.token).not.toBe(first.token);
    expect(resent.body).not.toContain(second.token);
    expect(copy.body).toContain(`/password/${LINK_MASK}`);
    await expectMaskedInApi(first.id, [first.token, second.token], 'password');
    await expectMaskedInApi(second.id, [first.token, second.token], 'password');

    const { rows: audit } = await t.db.pool.query<{ after: object; raw: string }>(
      `select after, after::text as raw from audit_log
        where action = 'outbox_message.resent' and entity_id = $1`,
      [String(first.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ messageId: copy.id, linksRenewed: 1 });
    expect(audit[0]?.raw).not.toContain(second.token);

    expect(await deliver(second.id, email)).toContain(`/password/${second.token}`);
    expectProblem(await complete(first.token), 410, 'token_expired');
    expect((await complete(second.token)).statusCode).toBe(204);
  });

  it('renews the link of an e-mail not sent yet in place, and puts it at the front of the queue', async () => {
    const email = 'waiting@test.example';
    await t.db.pool.query(
      `insert into users (email, display_name, roles, locale, password_hash)
       values ($1, 'Waiting Reader', '{instructor}', 'ar', 'x')`,
      [email],
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email },
    });
    const first = await newestTo(t, email, 'password');
    const resent = await call(t.app, admin, 'POST', `/api/v1/outbox/${first.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json<OutboxMessage>().id).toBe(first.id);
    const second = await newestTo(t, email, 'password');
    expect(second.id).toBe(first.id);
    expect(second.token).not.toBe(first.token);
    await expectMaskedInApi(first.id, [first.token, second.token], 'password');
    const text = await deliver(first.id, email);
    expect(text).toContain(`/password/${second.token}`);
    expectProblem(await complete(first.token), 410, 'token_expired');
    expect((await complete(second.token)).statusCode).toBe(204);
  });

  it('masks a supervisor’s survey link, e-mails it whole in Arabic, and renews it on resend', async () => {
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'SL-BASIC');
    const [template] = await t.db.db
      .insert(surveyTemplates)
      .values({ ...level3Template('SL-L3'), title: { en: 'Six months on', ar: 'بعد ستة أشهر' } })
      .returning();
    if (!template) throw new Error('no template');
    const end = kuwaitToday();
    const { sessionId, attendees } = await endedSession(t, 'SL-A', 'SL-BASIC', end, [
      { nationCode: 'KWT' },
    ]);
    const nominationId = attendees[0]?.nominationId ?? '';
    await t.db.pool.query(
      `update users set locale = 'ar' where id in
      (select user_id from participants p join nominations n on n.participant_id = p.id
        where n.id = $1)`,
      [nominationId],
    );
    const email = 'boss@kwt.example';
    const [invitation] = await t.db.db
      .insert(surveyInvitations)
      .values({
        sessionId,
        nominationId,
        templateId: template.id,
        level: 3,
        respondent: 'supervisor',
        email,
        closesAt: new Date(),
      })
      .returning();
    if (!invitation) throw new Error('no invitation');
    const sent = await t.db.db.transaction((tx) =>
      sendSupervisor(
        tx,
        {
          sessionId,
          sessionCode: 'SL-A',
          startDate: end,
          endDate: end,
          activityTitle: { en: 'Basic course', ar: 'دورة أساسية' },
          templateId: template.id,
          templateTitle: template.title,
          level: 3,
        },
        { id: invitation.id, nominationId, email },
        new Date(),
      ),
    );
    expect(sent).toBe(true);
    const first = await newestTo(t, email, 'survey');
    await expectMaskedInApi(first.id, [first.token], 'survey');
    const text = await deliver(first.id, email);
    expect(text).toContain(`/survey/${first.token}`);
    expect(text).toContain('بعد ستة أشهر');
    const form = (token: string) =>
      call(t.app, null, 'GET', `/api/v1/surveys/public/${token}?locale=ar`);
    expect((await form(first.token)).statusCode).toBe(200);

    const resent = await call(t.app, admin, 'POST', `/api/v1/outbox/${first.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    const second = await newestTo(t, email, 'survey');
    expect(second.token).not.toBe(first.token);
    await expectMaskedInApi(second.id, [first.token, second.token], 'survey');
    expectProblem(await form(first.token), 404, 'not_found');
    expect((await form(second.token)).statusCode).toBe(200);
    // The first e-mail's link was replaced: resending that one is refused and queues nothing.
    const count = async () =>
      (await t.db.pool.query('select 1 from outbox_messages where to_address = $1', [email]))
        .rowCount;
    const before = await count();
    expectProblem(
      await call(t.app, admin, 'POST', `/api/v1/outbox/${first.id}/resend`),
      409,
      'link_unknown',
    );
    expect(await count()).toBe(before);
  });

  it('seals the links of e-mails sent before the release, by the migration’s own statement', async () => {
    const email = 'legacy@test.example';
    await t.db.pool.query(
      `insert into users (email, display_name, roles, locale, password_hash)
       values ($1, 'Legacy Reader', '{instructor}', 'en', 'x')`,
      [email],
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email },
    });
    const sent = await newestTo(t, email, 'password');
    // As an older release left it: sent, the link whole in the text.
    await t.db.pool.query(`update outbox_messages set status = 'sent' where id = $1`, [sent.id]);
    const migration = readFileSync(
      fileURLToPath(
        new URL('../../db/migrations/0016_sealed_links_on_behalf.sql', import.meta.url),
      ),
      'utf8',
    );
    const handWritten = migration.slice(migration.indexOf('-- Hand-written'));
    await t.db.pool.query(handWritten);
    await t.db.pool.query(handWritten); // a second run changes nothing
    const { rows } = await t.db.pool.query<{ body: string; sealed_links: object[] }>(
      'select body, sealed_links from outbox_messages where id = $1',
      [sent.id],
    );
    expect(rows[0]?.body).not.toContain(sent.token);
    expect(rows[0]?.body).toContain(`/password/${LINK_MASK}`);
    expect(rows[0]?.sealed_links).toEqual([{ page: 'password', tokenHash: hashToken(sent.token) }]);
    const resent = await call(t.app, admin, 'POST', `/api/v1/outbox/${sent.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    const renewed = await newestTo(t, email, 'password');
    expect(renewed.id).not.toBe(sent.id);
    expectProblem(await complete(sent.token), 410, 'token_expired');
    expect((await complete(renewed.token)).statusCode).toBe(204);
  });

  it('masks one-time links in a template preview', async () => {
    const preview = await call(
      t.app,
      admin,
      'POST',
      '/api/v1/message-templates/password-reset/en/preview',
      { variables: { link: 'https://rabita.test/password/a-real-looking-secret-0123456789' } },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).not.toContain('a-real-looking-secret');
    expect(preview.body).toContain(`/password/${LINK_MASK}`);
  });
});
