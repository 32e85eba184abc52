import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from './support/api.js';
import { expectAccessible, launchBrowser, newContext, signInByApi } from './support/browser.js';

const PASSWORD = 'a long phrase nobody guesses 2026';

describe('the language someone reads', () => {
  let browser: Browser;
  let email: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    // A user of its own, whose profile says English, so no other spec's choice interferes.
    const admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    email = `reader-${Date.now()}@rabita.example`;
    await api(admin.request, 'POST', '/api/v1/users', {
      email,
      displayName: 'Huda Reader',
      roles: ['instructor'],
      password: PASSWORD,
    });
    await admin.close();
  });
  afterAll(() => browser.close());

  it('opens the sign-in page in Arabic for a browser set to Arabic', async () => {
    const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'ar-KW' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['ar', 'rtl']);
    await expectAccessible(page);
    await context.close();
  });

  it('keeps the language chosen on the sign-in page after sign-in, and saves it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('navigation').first().waitFor();
    // Still Arabic once signed in, and the account now says so.
    await expect
      .poll(async () => (await (await context.request.get('/api/v1/auth/me')).json()).user.locale)
      .toBe('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await context.close();
  });
});
