import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exportsAr from '../../src/web/i18n/parts/exports/ar.json';
import exportsEn from '../../src/web/i18n/parts/exports/en.json';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

/** Opens the Export menu with the keyboard and picks one format; the download it starts. */
async function exportWith(page: Page, words: typeof exportsEn.exports, item: string) {
  const button = page.getByRole('button', { name: words.export });
  await button.focus();
  await page.keyboard.press('Enter');
  const choice = page.getByRole('menuitem', { name: item });
  await choice.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await choice.focus();
      await page.keyboard.press('Enter');
    })(),
  ]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return fs.readFileSync(await download.path());
}

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** The page on a phone with the Export menu open, for the README; the menu closed again. */
async function shoot(page: Page, words: typeof exportsEn.exports, file: string) {
  const size = page.viewportSize();
  // The notice of the last download would hide the page's title.
  const notice = page.getByRole('button', { name: words.close });
  if ((await notice.count()) > 0) await notice.first().click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: words.export }).click();
  await page.getByRole('menuitem', { name: words.csv }).waitFor();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(shots, file) });
  await page.keyboard.press('Escape');
  if (size) await page.setViewportSize(size);
}

describe('list exports in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("downloads Kuwait's NPOC a filtered list of people as CSV and as Excel in Arabic", async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.kwt@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/people?q=Al-Ajmi');
    await page.getByRole('table').getByText('Al-Ajmi').first().waitFor();
    await expectAccessible(page);

    const csv = await exportWith(page, exportsEn.exports, exportsEn.exports.csv);
    expect(csv.suggestedFilename()).toBe('people.csv');
    const records: string[][] = parse(await bytesOf(csv), { bom: true });
    expect(records[0]?.slice(0, 2)).toEqual(['Family name', 'Given names']);
    const rows = records.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[0] === 'Al-Ajmi' && r[4] === 'KWT')).toBe(true);
    await page.getByRole('button', { name: exportsEn.exports.export }).waitFor();
    await page.getByText(exportsEn.exports.done).waitFor();
    await shoot(page, exportsEn.exports, 'exports-en.png');

    await setLocale(context, 'ar');
    await page.goto('/people?q=Al-Ajmi');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('table').getByText('Al-Ajmi').first().waitFor();
    const xlsx = await exportWith(page, exportsAr.exports, exportsAr.exports.xlsx);
    expect(xlsx.suggestedFilename()).toBe('people.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.views[0]?.rightToLeft).toBe(true);
    const values: string[][] = [];
    sheet?.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    });
    expect(values[0]?.[0]).toBe('اسم العائلة');
    expect(values.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    await expectAccessible(page);

    await shoot(page, exportsAr.exports, 'exports-ar.png');
    await context.close();
  });
});
