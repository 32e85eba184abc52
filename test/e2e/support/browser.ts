import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'rabita-demo-2026';

/** Debian's Chromium, headless, with nothing that calls out to the internet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  // Reduced motion: a notification caught by axe halfway through its fade-in reads as faint text.
  return browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
}

/** Signs in through the API, as the browser would, so the test starts on a signed-in page. */
export async function signInByApi(context: BrowserContext, email: string): Promise<void> {
  const response = await context.request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** Fails on serious or critical accessibility violations, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Sets the signed-in user's language, as the language switch would: the next page uses it. */
export async function setLocale(
  context: BrowserContext,
  locale: 'en' | 'fr' | 'ar',
): Promise<void> {
  const me = await (await context.request.get('/api/v1/auth/me')).json();
  const response = await context.request.patch('/api/v1/auth/me/preferences', {
    data: { locale },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.status()).toBe(200);
}
