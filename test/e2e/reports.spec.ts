import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

describe('reports and dashboards', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("shows an observer every nation's dashboards, in English and Arabic", async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'observer@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/');
    const perNation = page.getByRole('region', { name: 'Trained per nation' });
    await perNation.getByText('Kuwait').first().waitFor();
    await perNation.getByText('Qatar').first().waitFor();
    await page.getByRole('region', { name: 'Programme delivery' }).waitFor();
    await expectAccessible(page);
    const shots = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/screenshots',
    );
    await page.screenshot({ path: path.join(shots, 'dashboards.png') });

    await page.goto('/reports?groupBy=nation');
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'Kuwait' }).waitFor();
    await table.getByRole('rowheader', { name: 'Qatar' }).waitFor();
    await page.getByRole('link', { name: 'Download CSV' }).waitFor();
    // The figures come from roll-ups, and the page says when they were computed.
    await page.getByText(/^Figures as of /).waitFor();
    await expectAccessible(page);

    await page.getByRole('tab', { name: 'Rates' }).click();
    await page.waitForURL(/tab=rates/);
    await page.getByRole('columnheader', { name: 'Fill rate' }).waitFor();
    await expectAccessible(page);

    await setLocale(context, 'ar');
    await page.goto('/reports?groupBy=nation');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('table').getByRole('rowheader', { name: 'الكويت' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("shows Kuwait's NPOC only Kuwait's numbers, never Qatar's", async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.kwt@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/reports?groupBy=nation');
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'Kuwait' }).waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Kuwait']);
    expect(await page.getByText('Qatar').count()).toBe(0);
    // No nation filter for a nation-bound reader, and the URL cannot widen what they see.
    expect(await page.getByRole('textbox', { name: 'Nation' }).count()).toBe(0);
    await page.getByRole('link', { name: /Annual report KWT/ }).waitFor();
    await expectAccessible(page);

    await page.goto('/reports?groupBy=nation&nation=QAT');
    await page.getByText('Nothing to show for these filters.').waitFor();
    expect(await page.getByText('Qatar').count()).toBe(0);

    await page.goto('/reports?tab=programme-delivery');
    await page.getByRole('tab', { name: 'Programme delivery', selected: true }).waitFor();
    expect(await page.getByText('Qatar').count()).toBe(0);

    for (const report of ['trained', 'rates', 'programme-delivery']) {
      const rows = (await (
        await context.request.get(`/api/v1/reports/${report}?groupBy=nation`)
      ).json()) as { rows: { key?: string; nationCode?: string }[] };
      for (const row of rows.rows) expect(row.key ?? row.nationCode).toBe('KWT');
    }
    const other = await context.request.get('/api/v1/reports/annual/QAT/2026.pdf');
    expect(other.status()).toBe(404);
    await context.close();
  });
});
