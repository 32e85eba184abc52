import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const LABELS = {
  en: {
    language: /Choose another language/,
    save: 'Add the person',
    cancelSession: 'Cancel session',
  },
  ar: {
    language: /اختر لغة أخرى/,
    save: 'إضافة الشخص',
    cancelSession: 'إلغاء الدورة',
  },
} as const;

async function openSessionCode(context: BrowserContext): Promise<string> {
  const open = await (
    await context.request.get('/api/v1/sessions?openForNominations=true&limit=1')
  ).json();
  return open.items[0].code;
}

/** axe on what a reader opens, not only on pages as they load: menus, lists, errors, dialogs. */
describe('accessibility of opened states (axe-core)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  for (const locale of ['en', 'ar'] as const) {
    const label = LABELS[locale];

    it(`finds nothing serious in the language menu, a form's errors and an open list (${locale})`, async () => {
      const context = await newContext(browser);
      await signInByApi(context, 'npoc.kwt@rabita.example');
      await setLocale(context, locale);
      const page = await context.newPage();
      await page.goto('/people/new');
      await page.getByRole('button', { name: label.save }).waitFor();

      await page.getByRole('button', { name: label.language }).click();
      await page.getByRole('menu').waitFor();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: label.save }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await expectAccessible(page);

      await page.locator('main [role=combobox]:not([disabled])').first().click();
      const list = page.getByRole('listbox');
      await list.waitFor();
      // The long list scrolls inside the listbox, which is what axe accepts for a combobox popup.
      expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      await expectAccessible(page);
      await setLocale(context, 'en');
      await context.close();
    });

    it(`finds nothing serious in the cancel-session dialog (${locale})`, async () => {
      const context = await newContext(browser);
      await signInByApi(context, 'registrar@rabita.example');
      await setLocale(context, locale);
      const code = await openSessionCode(context);
      const page: Page = await context.newPage();
      await page.goto(`/sessions/${code}`);
      await page.getByRole('button', { name: label.cancelSession }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await setLocale(context, 'en');
      await context.close();
    });
  }
});
