import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const PASSWORD = 'violet harbour lanterns at dusk';

/**
 * A passkey belongs to a host name and browsers refuse an IP address as one: the server, on
 * 127.0.0.1, is the relying party `localhost` (see relyingPartyOf), reached by that name.
 */
function localhostUrl(): string {
  return inject('baseUrl').replace('://127.0.0.1', '://localhost');
}

/** Chromium's virtual authenticator: a platform passkey that verifies its user by itself. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('passkeys', () => {
  let browser: Browser;
  let context: BrowserContext;
  let email: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Seeded through the API: a user of its own, so no other spec meets its second factor.
    const admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    email = `passkey-${Date.now()}@rabita.example`;
    await api(admin.request, 'POST', '/api/v1/users', {
      email,
      displayName: 'Samira Passkey',
      roles: ['instructor'],
      password: PASSWORD,
    });
    await admin.close();
    context = await browser.newContext({
      baseURL: localhostUrl(),
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('enrols a passkey on the account page, then signs out and back in with it', async () => {
    const page = await context.newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await signInWithPassword(page, email);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByLabel(/^Name of the new passkey/).fill('Virtual key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('button', { name: 'Remove the passkey Virtual key' }).waitFor();
    // The account's first factor: ten recovery codes, shown this once.
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count()).toBe(10);
    // axe must see the page, not the confirmation passing over it.
    await page.getByText('The passkey was added.').waitFor({ state: 'detached' });
    await expectAccessible(page);
    const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: authenticator.id,
    });
    expect(credentials).toHaveLength(1);
    const signCountAfterEnrolment = credentials[0]?.signCount ?? 0;

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);

    await signInWithPassword(page, email);
    await page.getByRole('heading', { name: 'Second step' }).waitFor();
    // The password alone opened nothing.
    expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const me = await context.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(email);
    const after = await authenticator.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: authenticator.id,
    });
    expect(after.credentials[0]?.signCount).toBeGreaterThan(signCountAfterEnrolment);
  });

  it('lets an administrator reset the factors of someone who lost them, after a confirmation', async () => {
    const admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    await setLocale(admin, 'en');
    const page = await admin.newPage();
    await page.goto('/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(email);
    await page.getByRole('button', { name: 'Actions for Samira Passkey' }).click();
    await page.getByRole('menuitem', { name: 'Reset second factors' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the second factors of Samira Passkey' });
    await dialog.getByText('Check who is asking before you do this.').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Reset second factors' }).click();
    await page.getByText("Samira Passkey's second factors were removed").waitFor();
    await admin.close();

    // The instructor's role requires none: the password alone signs them in again.
    const own = await browser.newContext({ baseURL: localhostUrl() });
    const signIn = await own.request.post('/api/v1/auth/login', {
      data: { email, password: PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    await own.close();
  });

  it('shows an administrator the policy, off in the demo, in English and in Arabic', async () => {
    const admin = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    const page = await admin.newPage();
    await page.goto('/account');
    const policy = page.getByRole('group', { name: /Roles that require a second factor/ });
    await policy.waitFor();
    expect(await policy.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await expectAccessible(page);
    await setLocale(admin, 'ar');
    await page.reload();
    await page.getByRole('heading', { name: 'سياسة التحقق بعاملين' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page);
    await setLocale(admin, 'en');
    await admin.close();
  });
});
