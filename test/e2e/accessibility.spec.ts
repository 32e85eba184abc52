import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

async function switchToArabic(page: Page) {
  await page.getByRole('button', { name: /Choose another language/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  // axe must see the page, not the language menu on its way out.
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('on the sign-in page in English and in Arabic', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Rabita' }).waitFor();
    await expectAccessible(page);
    await switchToArabic(page);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await expectAccessible(page);
    await context.close();
  });

  it('lets a keyboard skip the menus to the page, and rings a field with the focus', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'registrar@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/partners');
    await page.getByRole('link', { name: 'Kuwait' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // The next Tab lands inside the page, not back in the header.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() =>
        document.getElementById('main-content')?.contains(document.activeElement),
      ),
    ).toBe(true);
    const search = page.getByRole('textbox').first();
    await search.focus();
    expect(await search.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await context.close();
  });

  it('on the partners page in English and in Arabic', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'registrar@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/partners');
    await page.getByRole('link', { name: 'Kuwait' }).waitFor();
    await expectAccessible(page);
    await switchToArabic(page);
    await page.getByRole('link', { name: 'الكويت' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe('accessibility of the catalogue and sessions pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('finds nothing serious on the catalogue, the calendar and a session page, in English and Arabic', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.qat@rabita.example');
    const open = await (
      await context.request.get('/api/v1/sessions?openForNominations=true&limit=1')
    ).json();
    const code: string = open.items[0].code;
    for (const locale of ['en', 'ar'] as const) {
      await setLocale(context, locale);
      const page = await context.newPage();
      await page.goto('/catalogue');
      await page.getByRole('table').waitFor();
      await expectAccessible(page);
      await page.goto('/sessions?view=month');
      await page.getByRole('table').waitFor();
      await expectAccessible(page);
      await page.goto(`/sessions/${code}`);
      await page.getByText(code).first().waitFor();
      await expectAccessible(page);
      await page.close();
    }
    await context.close();
  });
});
