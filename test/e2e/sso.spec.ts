import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IdentityProvider } from '../../src/contract/identity-providers.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

async function switchToArabic(page: Page) {
  await page.getByRole('button', { name: /Choose another language/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

// A real OpenID provider (oidc-provider) runs in this test's process; the browser signs in there.
describe('single sign-on in the browser', () => {
  let browser: Browser;
  let op: TestProvider;
  let admin: BrowserContext;
  let provider: IdentityProvider;

  beforeAll(async () => {
    browser = await launchBrowser();
    op = await startTestProvider(`${inject('baseUrl')}/api/v1/auth/oidc/callback`);
    admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    // The language is the account's: another spec may have left the administrator in Arabic.
    await setLocale(admin, 'en');
    provider = await api<IdentityProvider>(admin.request, 'POST', '/api/v1/identity-providers', {
      key: 'centre',
      displayName: 'Centre SSO',
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
    });
    op.accounts.set('registrar-at-idp', {
      sub: 'registrar-at-idp',
      email: 'REGISTRAR@rabita.example',
      email_verified: true,
      name: 'Registrar',
    });
    op.accounts.set('unverified-at-idp', {
      sub: 'unverified-at-idp',
      email: 'npoc.kwt@rabita.example',
      email_verified: false,
    });
  });
  afterAll(async () => {
    if (provider) {
      const me = await (await admin.request.get('/api/v1/auth/me')).json();
      await admin.request.delete(`/api/v1/identity-providers/${provider.id}`, {
        headers: { 'x-csrf-token': me.csrfToken },
      });
    }
    await op?.close();
    await browser?.close();
  });

  it('lets the administrator see and edit the provider, never its secret', async () => {
    const page = await admin.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();
    await page.getByText(`${inject('baseUrl')}/api/v1/auth/oidc/callback`).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Centre SSO' });
    await row.getByText('Secret stored').waitFor();
    expect(await page.content()).not.toContain(op.clientSecret);
    await expectAccessible(page);
    await row.getByRole('button', { name: 'Edit Centre SSO' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Centre SSO' });
    await dialog.getByText('A secret is stored. Leave this empty to keep it').waitFor();
    expect(await dialog.getByLabel('Client secret').inputValue()).toBe('');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('signs a registrar in with the provider’s button, and out of both', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Centre SSO' });
    await button.waitFor();
    await expectAccessible(page);
    op.signInAs('registrar-at-idp');
    await button.click();
    await page.waitForURL((url) => url.pathname === '/');
    const me = await (await context.request.get('/api/v1/auth/me')).json();
    expect(me.user.email).toBe('registrar@rabita.example');
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    // The provider's own sign-out page, reached with the ID token as hint.
    await page.waitForURL((url) => url.href.startsWith(`${op.issuer}/session/end`));
    expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);
    await context.close();
  });

  it('says why when the provider has not verified the e-mail, in English and Arabic', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/sign-in');
    op.signInAs('unverified-at-idp');
    await page.getByRole('link', { name: 'Sign in with Centre SSO' }).click();
    await page.waitForURL((url) => url.search === '?sso=email_unverified');
    await page.getByText('Your identity provider has not confirmed your e-mail address').waitFor();
    expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);
    await switchToArabic(page);
    await page.getByText('لم يؤكّد مزوّد الهوية عنوان بريدك الإلكتروني').waitFor();
    await page.getByRole('link', { name: 'تسجيل الدخول عبر Centre SSO' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
