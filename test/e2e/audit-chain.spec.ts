import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

describe('the audit trail’s chain on the audit page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('checks the whole trail when asked and shows the result, in English and in Arabic on a phone', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'admin@rabita.example');
    await setLocale(context, 'en');
    const page = await context.newPage();
    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByRole('button', { name: 'Check now' }).click();
    // The job worker runs the check; the panel follows it until it reports. The daily check's
    // earlier result may be on show meanwhile, so wait for the one asked for here.
    const result = page.getByRole('status').filter({ hasText: 'asked for on this page' });
    await result.waitFor({ timeout: 60_000 });
    await page.getByText('The audit trail is intact').waitFor();
    const summary = await result.textContent();
    expect(summary).toMatch(/Records checked: [1-9]\d*; signed checkpoints: \d+\./);
    expect(summary).toContain('asked for on this page');
    await expectAccessible(page);

    await setLocale(context, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByText('سجل التدقيق سليم').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'تحقَّق الآن' }).waitFor();
    await page.screenshot({ path: 'test-results/audit-chain-ar-390.png', fullPage: false });
    // Nothing of the panel runs off a phone's screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });

  it('is not offered to a registrar', async () => {
    const context = await newContext(browser);
    await signInByApi(context, 'registrar@rabita.example');
    const response = await context.request.get('/api/v1/audit/chain');
    expect(response.status()).toBe(403);
    await context.close();
  });
});
