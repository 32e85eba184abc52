import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

describe('partner nations in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  async function chooseLanguage(page: Page, nativeName: string) {
    await page
      .getByRole('button', {
        name: /Choose another language|Choisir une autre langue|اختر لغة أخرى/,
      })
      .click();
    await page.getByRole('menuitem', { name: nativeName }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
  }

  it('lets the administrator sign in, add a nation, and switch to Arabic', async () => {
    // The account's language is kept on the server; other specs may have left it in Arabic.
    const setup = await newContext(browser);
    await signInByApi(setup, 'admin@rabita.example');
    await setLocale(setup, 'en');
    await setup.close();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@rabita.example');
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Partner nations' }).click();
    await page.getByRole('link', { name: 'Add nation' }).click();
    await page.getByLabel('Code').fill('MRT');
    await page.getByLabel('Name (English)').fill('Mauritania');
    await page.getByLabel('Name (French)').fill('Mauritanie');
    await page.getByLabel('Name (Arabic)').fill('موريتانيا');
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: /^MD/ }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Partner', exact: true }).click();
    await page.getByRole('button', { name: 'Create nation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mauritania (MRT)' }).waitFor();

    await page.getByRole('link', { name: 'Back to partner nations' }).click();
    await page.getByRole('cell', { name: 'MRT' }).waitFor();
    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { level: 1, name: 'الدول الشريكة' }).waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ar']);
    await page.getByRole('link', { name: 'موريتانيا' }).waitFor();

    // The choice belongs to the user: a fresh page load comes back in Arabic.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'الدول الشريكة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await context.close();
  });

  it("shows Kuwait's national point of contact only Kuwait's contacts", async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.kwt@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();

    await page.goto('/partners');
    await page.getByRole('link', { name: 'Kuwait' }).waitFor();
    expect(await page.getByRole('link', { name: 'Qatar' }).count()).toBe(0);
    expect(await page.getByRole('row').count()).toBe(2); // the header and Kuwait

    await page.goto('/partners/KWT');
    await page.getByRole('cell', { name: 'Lt Col Fahad Al-Mutairi', exact: true }).waitFor();

    await page.goto('/partners/QAT');
    await page.getByText('This page or record does not exist, or you may not see it.').waitFor();
    expect(await page.getByText('Khalid Al-Thani').count()).toBe(0);
    expect(await page.getByText('+974').count()).toBe(0);
    await context.close();
  });
});
