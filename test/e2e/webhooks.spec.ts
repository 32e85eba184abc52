import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../src/server/features/webhooks/receiver-fixture.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

describe('webhooks in the browser', () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await browser.close();
    await receiver.close();
  });

  it('registers an endpoint, shows its secret once and logs a signed delivery', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'admin@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No endpoint yet.', { exact: false }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Register an endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Address (URL)').fill(receiver.url);
    await dialog.getByLabel('Description').fill('Centre archive');
    await dialog.getByRole('checkbox', { name: /Session cancelled/ }).check();
    await dialog.getByRole('checkbox', { name: /Certificate issued/ }).check();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save' }).click();

    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    await page.getByRole('button', { name: 'Send a test event to Centre archive' }).click();
    const delivery = page.getByTestId('webhook-delivery').first();
    await delivery.getByText('Delivered').waitFor({ timeout: 20_000 });
    await delivery.getByText('webhook.test').waitFor();
    const got = receiver.received[0];
    if (!got) throw new Error('the receiver got nothing');
    const body = new Webhook(secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    });
    expect(body).toMatchObject({ type: 'webhook.test' });
    // The secret is not shown again anywhere on the page.
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page);

    await setLocale(context, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'خطافات الويب' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'إرسالات Centre archive' }).click();
    await page.getByText('تم التسليم').first().waitFor();
    await page
      .getByRole('button', { name: /^إعادة إرسال msg_/ })
      .first()
      .click();
    await page.getByText('أُدرج في الطابور لإعادة الإرسال.').waitFor();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });
});
