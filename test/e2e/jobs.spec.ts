import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

// The global setup queued one job that cannot succeed, with a single attempt.
describe('failed background jobs in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('tells the registrar on Centre today and sends them to an administrator', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'registrar@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByText('Background jobs that failed: 1').waitFor();
    await page.getByText('Ask an administrator to look at the failed jobs.').waitFor();
    await context.close();
  });

  it('lets the administrator read why a job failed and run it again, in Arabic on a phone too', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'admin@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Failed jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Failed background jobs' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Tell people of a nomination decision' });
    await row.getByText('nominationId no-such-nomination').waitFor();
    // The database's reason, not the query and its parameters.
    await row.getByText('22P02 invalid input syntax for type uuid').waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('1 / 1');
    await expectAccessible(page);

    await setLocale(context, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'مهام الخلفية المتعثرة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'إعادة التشغيل' }).click();
    await page.getByText('ستُعاد المهمة «إبلاغ المعنيين بقرار بشأن ترشيح» الآن.').waitFor();
    await context.close();
  });
});
