import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const HEADERS = [
  'اسم العائلة (بالأحرف اللاتينية)',
  'الاسم الأول (بالأحرف اللاتينية)',
  'اسم العائلة (بالعربية)',
  'الاسم الأول (بالعربية)',
  'الرتبة',
  'البريد الإلكتروني',
  'تاريخ الميلاد',
];
const ARABIC_GIVEN = ['فهد', 'سالم', 'ناصر', 'خالد', 'مريم', 'نورة', 'عبدالله', 'يوسف'];

/** Two letters that make a name unique among 200: AA, AB... */
const tag = (i: number) =>
  String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));

function people(bad: boolean): Buffer {
  const rows = [HEADERS];
  for (let i = 0; i < 200; i += 1) {
    rows.push([
      'Al-Importi',
      `Salem ${tag(i)}`,
      'الإمبورتي',
      `${ARABIC_GIVEN[i % ARABIC_GIVEN.length]} ${i}`,
      i % 3 === 0 ? 'رائد' : 'OF-2',
      `importi.${i}@kwt.example`,
      `1984-${String((i % 12) + 1).padStart(2, '0')}-${(i % 15) + 13}`,
    ]);
  }
  if (bad) {
    const row = (n: number) => rows[n - 1] as string[];
    row(12)[0] = 'الإمبورتي'; // an Arabic name in the Latin column
    row(57)[4] = 'Nobody'; // no such rank
    row(140)[6] = '04/05/1984'; // day and month could be swapped
  }
  const csv = rows.map((r) => r.join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${csv}`);
}

async function choose(page: Page, name: string, bytes: Buffer) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

describe('import of people', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('lets an NPOC import 200 people in Arabic: errors shown, file fixed, committed', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.kwt@rabita.example');
    await setLocale(context, 'ar');
    const page = await context.newPage();
    await page.goto('/import/people');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'استيراد الأشخاص', level: 1 }).waitFor();
    await expectAccessible(page);

    await choose(page, 'people.csv', people(true));
    await page.getByText('وُجد 200 صفًا').waitFor();
    await page.getByRole('button', { name: 'تحقّق من كل الصفوف' }).click();
    await page.getByText('3 صفوف فيها أخطاء').waitFor();
    const errors = page.getByRole('table');
    await errors.getByText('ليست رتبة').waitFor();
    await errors.getByText('يبدو').or(errors.getByText('يُقرأ بطريقتين')).first().waitFor();
    expect(await errors.getByRole('row').count()).toBe(4);
    expect(await page.getByRole('button', { name: /^استيراد/ }).count()).toBe(0);
    await expectAccessible(page);
    const shots = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/screenshots',
    );
    await page.screenshot({ path: path.join(shots, 'import-preview-ar.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: 1280, height: 900 });

    await choose(page, 'people-fixed.csv', people(false));
    await page.getByRole('button', { name: 'تحقّق من كل الصفوف' }).click();
    await page.getByText('200 صفًا: 200 جاهزة، 0 فيها أخطاء').waitFor();
    await page.getByRole('button', { name: 'استيراد 200 أشخاص' }).click();
    await page.getByText('تم الاستيراد').waitFor();
    await page.getByText('أُنشئ 200').waitFor();
    await page.getByRole('button', { name: 'التراجع عن هذا الاستيراد' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('shows the preview in English with headers matched, for the README', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'npoc.kwt@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/import/people');
    await page.getByRole('heading', { name: 'Import people', level: 1 }).waitFor();
    // The header, six people the first test registered, and the row with an unknown rank.
    const lines = people(true).toString('utf8').split('\r\n');
    const rows = [...lines.slice(0, 7), lines[56]].join('\r\n');
    await choose(page, 'people.csv', Buffer.from(rows));
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByText('1 row has errors').waitFor();
    await page.getByText('6 people may already be registered').waitFor();
    await expectAccessible(page);
    const shots = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/screenshots',
    );
    await page.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });

  it('lets a registrar import a session with quotas, steps numbered 1, 2, 3', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'registrar@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/import/people');
    await page
      .getByRole('radiogroup', { name: 'What to import' })
      .getByText('Sessions', { exact: true })
      .click();
    await page.getByRole('heading', { name: 'Import sessions', level: 1 }).waitFor();
    // 2030-05-05 is a Sunday: Kuwait's centre works Sunday to Thursday.
    const csv = [
      'Session code;Activity code;Venue code;Start date;End date;Capacity;Nominations open;Nominations close;Quotas',
      'E2E-IMP-30;CTM-CT-2839;KWI-NIRC;2030-05-05;2030-05-09;20;2030-01-06;2030-04-01;KWT:4, QAT:2',
    ].join('\r\n');
    await choose(page, 'sessions.csv', Buffer.from(csv));
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByRole('heading', { name: '3. Preview' }).waitFor();
    await page.getByText('1 rows: 1 ready, 0 with errors').waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByText('Import done').waitFor();
    await page.getByText('1 created').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/import-sessions-1280.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/import-sessions-390.png', fullPage: true });
    const widest = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 391)
        .map((e) => `${e.tagName}.${e.className}`.slice(0, 80))
        .slice(0, 5),
    );
    expect(widest).toEqual([]);
    await context.close();
  });
});
