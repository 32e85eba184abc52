import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import messagesAr from '../../src/web/i18n/parts/messages/ar.json' with { type: 'json' };
import messagesEn from '../../src/web/i18n/parts/messages/en.json' with { type: 'json' };
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';
import { readMailbox } from './support/mailbox.js';

const PERSON = 'instructor@rabita.example';
const MASK = '••••••';
const words = { en: messagesEn.messages.outbox, ar: messagesAr.messages.outbox };

/** The secrets of the password links the mail server has received for the person, in order. */
function secretsReceived(): string[] {
  return readMailbox(inject('mailDir'))
    .filter((mail) => mail.to.includes(PERSON))
    .flatMap((mail) => [...mail.text.matchAll(/\/password\/([\w-]+)/g)].map((m) => m[1] ?? ''));
}

describe('one-time links on the outbox page', () => {
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
  });
  afterAll(async () => {
    await setLocale(admin, 'en');
    await browser.close();
  });

  /** The outbox with the newest e-mail to the person open, once the worker has sent it. */
  async function openNewest(page: Page, locale: 'en' | 'ar'): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.goto('/messages/outbox');
          const row = page.getByRole('row').filter({ hasText: PERSON }).first();
          await row.waitFor();
          return (await row.textContent()) ?? '';
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain(locale === 'en' ? 'Sent' : messagesAr.messages.status.sent);
    await page
      .getByRole('row')
      .filter({ hasText: PERSON })
      .first()
      .getByRole('button', { name: words[locale].view })
      .click();
    await page.getByRole('dialog').waitFor();
  }

  it('shows a password link masked, and sends it again with a new secret', async () => {
    const before = secretsReceived().length;
    const anonymous = await newContext(browser);
    const asked = await anonymous.request.post('/api/v1/auth/password-reset/request', {
      data: { email: PERSON },
    });
    expect(asked.status()).toBe(202);
    await anonymous.close();
    await expect.poll(() => secretsReceived().length, { timeout: 30_000 }).toBe(before + 1);
    const first = secretsReceived().at(-1) as string;

    await setLocale(admin, 'en');
    const page = await admin.newPage();
    await openNewest(page, 'en');
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`/password/${MASK}`).waitFor();
    await dialog.getByText(words.en.linkHidden).waitFor();
    expect(await page.content()).not.toContain(first);
    await expectAccessible(page);

    await dialog.getByRole('button', { name: words.en.resendNewLink }).click();
    await dialog.getByRole('status').waitFor();
    await expect.poll(() => secretsReceived().length, { timeout: 30_000 }).toBe(before + 2);
    const second = secretsReceived().at(-1) as string;
    expect(second).not.toBe(first);
    expect(await page.content()).not.toContain(second);
    await page.close();

    // The same e-mail read in Arabic: the link masked, the page right to left and accessible.
    await setLocale(admin, 'ar');
    const arabic = await admin.newPage();
    await openNewest(arabic, 'ar');
    await arabic.getByRole('dialog').getByText(`/password/${MASK}`).waitFor();
    await arabic.getByRole('dialog').getByText(words.ar.linkHidden).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(arabic);
    await arabic.close();
  });
});
