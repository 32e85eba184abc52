import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { LOCALES, type Locale } from '../../../contract/common.js';
import { MESSAGE_EVENTS } from '../../../contract/messages.js';
import { MESSAGE_FIXTURES } from './message-fixtures.js';
import { gapsIn } from './message-gaps.js';
import { type EmailRequest, queueEmail, queueEmails } from './outbox.js';

/** What the outbox holds is what goes out: every event, every language, read back whole. */
describe('queueing e-mails', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.pool.query('delete from outbox_messages');
  });
  afterAll(() => db.destroy());

  async function queued() {
    const { rows } = await db.pool.query<{
      event: string;
      locale: Locale;
      subject: string;
      body: string;
    }>('select event, locale, subject, body from outbox_messages order by id');
    return rows;
  }

  it('renders every event in every language whole, with realistic values', async () => {
    const requests = MESSAGE_EVENTS.flatMap((event) =>
      LOCALES.map(
        (locale) =>
          ({
            event,
            locale,
            to: `${event}-${locale}@test.example`,
            variables: MESSAGE_FIXTURES[event].variables(locale),
          }) as EmailRequest,
      ),
    );
    await db.db.transaction((tx) => queueEmails(tx, requests));
    const rows = await queued();
    expect(rows).toHaveLength(MESSAGE_EVENTS.length * LOCALES.length);
    for (const row of rows) {
      expect(gapsIn(row, row.locale), `${row.event} / ${row.locale}`).toEqual([]);
    }
  });

  it('refuses an e-mail with a declared value left blank, and queues nothing', async () => {
    const variables = { ...MESSAGE_FIXTURES['nomination-rejected'].variables('fr'), reason: ' ' };
    await expect(
      db.db.transaction(async (tx) => {
        await queueEmail(tx, {
          event: 'password-reset',
          locale: 'fr',
          to: 'zoe@test.example',
          variables: MESSAGE_FIXTURES['password-reset'].variables('fr'),
        });
        await queueEmail(tx, {
          event: 'nomination-rejected',
          locale: 'fr',
          to: 'npoc@test.example',
          variables,
        });
      }),
    ).rejects.toThrow('nomination-rejected e-mail without a value for reason');
    expect(await queued()).toEqual([]);
  });

  it('refuses a declared value that a cast let through', async () => {
    const { link: _left, ...variables } = MESSAGE_FIXTURES['survey-reminder'].variables('ar');
    await expect(
      db.db.transaction((tx) =>
        queueEmail(tx, {
          event: 'survey-reminder',
          locale: 'ar',
          to: 'supervisor@test.example',
          variables: variables as never,
        }),
      ),
    ).rejects.toThrow('survey-reminder e-mail without a value for link');
  });

  it('is refused by the compiler when a declared value is left out', () => {
    const request: EmailRequest = {
      event: 'password-reset',
      locale: 'en',
      to: 'zoe@test.example',
      // @ts-expect-error: the reset link is what this e-mail is for.
      variables: { recipientName: 'Zoé Ferhat-Ménard' },
    };
    expect(request.event).toBe('password-reset');
  });
});
