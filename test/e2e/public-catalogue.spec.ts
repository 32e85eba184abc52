import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogueAr from '../../src/web/i18n/parts/publicCatalogue/ar.json' with { type: 'json' };
import catalogueEn from '../../src/web/i18n/parts/publicCatalogue/en.json' with { type: 'json' };
import { api } from './support/api.js';
import { expectAccessible, launchBrowser, newContext, signInByApi } from './support/browser.js';

const en = catalogueEn.publicCatalogue;
const ar = catalogueAr.publicCatalogue;
const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

interface Listed {
  items: { code: string; activityCode: string; startDate: string; status: string }[];
}

describe('the public catalogue in the browser', () => {
  let browser: Browser;
  let year: number;
  let shown: { code: string; title: { en: string; ar?: string } };
  let hidden: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    // An announced session makes its activity worth listing; the registrar marks it public.
    const sessions = await api<Listed>(
      registrar.request,
      'GET',
      '/api/v1/sessions?status=announced&limit=20',
    );
    const session = sessions.items[0];
    if (!session) throw new Error('the demo has no announced session');
    year = Number(session.startDate.slice(0, 4));
    shown = await api(registrar.request, 'PATCH', `/api/v1/activities/${session.activityCode}`, {
      publicCatalogue: true,
    });
    // Another announced activity, taken out of the public catalogue, must not be listed.
    const other = sessions.items.find((s) => s.activityCode !== session.activityCode);
    if (!other) throw new Error('the demo has one announced activity only');
    hidden = other.activityCode;
    await api(registrar.request, 'PATCH', `/api/v1/activities/${hidden}`, {
      publicCatalogue: false,
    });
    await registrar.close();
  });
  afterAll(async () => browser?.close());

  it('shows anyone the public activities with a language switch, right to left in Arabic, at 390 px', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/public/catalogue/${year}`);
    await page.getByRole('heading', { name: en.title.replace('{{year}}', String(year)) }).waitFor();
    await page.getByRole('heading', { name: shown.title.en }).waitFor();
    expect(await page.getByText(hidden, { exact: true }).count()).toBe(0);
    const pdf = page.getByRole('link', { name: en.pdf });
    expect(await pdf.getAttribute('href')).toBe(`/api/v1/public-catalogue/${year}.pdf`);
    await expectAccessible(page);

    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: ar.howToApply }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({
      path: path.join(shots, 'public-catalogue-ar-390.png'),
      fullPage: true,
    });
    await context.close();
  });
});
