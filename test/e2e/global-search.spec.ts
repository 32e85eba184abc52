import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import searchAr from '../../src/web/i18n/parts/search/ar.json' with { type: 'json' };
import searchEn from '../../src/web/i18n/parts/search/en.json' with { type: 'json' };
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

interface Created {
  id: string;
}

/** Opens the search box with the keyboard and types; resolves once results are shown. */
async function searchFor(page: Page, typed: string, expected: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: searchEn.search.title });
  await box.waitFor();
  await box.fill(typed);
  await page.getByText(expected).first().waitFor();
}

describe('the global search box', () => {
  let browser: Browser;
  let kuwait: BrowserContext;
  let registrar: BrowserContext;
  let personId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    [kuwait, registrar] = await Promise.all([newContext(browser), newContext(browser)]);
    await signInByApi(kuwait, 'npoc.kwt@rabita.example');
    await signInByApi(registrar, 'registrar@rabita.example');
    // Another spec may have left these demo accounts in Arabic or French.
    await Promise.all([setLocale(kuwait, 'en'), setLocale(registrar, 'en')]);
    // A person whose Arabic names carry every vowel mark, a shadda and tatweel.
    const person = await api<Created>(kuwait.request, 'POST', '/api/v1/participants', {
      nationCode: 'KWT',
      familyNameLatin: 'Al-Zafarani',
      givenNamesLatin: 'Muhammad',
      familyNameArabic: 'الزَّعْفَرَانِيّ',
      givenNamesArabic: 'مُحَمَّـــد',
      rankCode: 'OF-2',
      email: 'm.zafarani@kwt.example',
    });
    personId = person.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a person typed without vowel marks and opens their page, by keyboard', async () => {
    const page = await registrar.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: searchEn.search.open }).first().waitFor();
    await searchFor(page, 'محمد الزعفراني', 'Al-Zafarani, Muhammad');
    expect(await page.getByText(searchEn.search.kinds.people).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/global-search-en.png' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/people/${personId}`);
    await page.getByRole('heading', { level: 1, name: /Zafarani/ }).waitFor();
    await page.close();
  });

  it('speaks Arabic right to left at 390 px, says what can be searched, and finds Latin spellings', async () => {
    await setLocale(registrar, 'ar');
    try {
      const page = await registrar.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/');
      await page.getByRole('button', { name: searchAr.search.open }).first().click();
      const box = page.getByRole('textbox', { name: searchAr.search.title });
      await box.waitFor();
      await page.getByText(searchAr.search.hint).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page);
      await page.screenshot({ path: 'test-results/global-search-ar-390.png' });
      await box.fill('Mohamed Alzafarani');
      await page.getByText('مُحَمَّـــد الزَّعْفَرَانِيّ').first().click();
      await page.waitForURL(`**/people/${personId}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
      ).toBe(true);
      await page.close();
    } finally {
      await setLocale(registrar, 'en');
    }
  });

  it("never shows another nation's person", async () => {
    const qatar = await newContext(browser);
    await signInByApi(qatar, 'npoc.qat@rabita.example');
    const found = await api<{ people: { id: string }[] }>(
      qatar.request,
      'GET',
      `/api/v1/search?q=${encodeURIComponent('محمد الزعفراني')}`,
    );
    expect(found.people).toEqual([]);
    await qatar.close();
  });
});
