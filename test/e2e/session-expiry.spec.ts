import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import namesEn from '../../src/web/i18n/parts/names/en.json' with { type: 'json' };
import participantsEn from '../../src/web/i18n/parts/participants/en.json' with { type: 'json' };
import sessionLossEn from '../../src/web/i18n/parts/sessionLoss/en.json' with { type: 'json' };
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const p = participantsEn.participants;
const n = namesEn.names;
const s = sessionLossEn.sessionLoss;
const NPOC = 'npoc.kwt@rabita.example';

/** Ends the context's session on the server, as an idle timeout or a sign-out elsewhere would. */
async function endSession(context: BrowserContext): Promise<void> {
  const me = await (await context.request.get('/api/v1/auth/me')).json();
  const response = await context.request.post('/api/v1/auth/logout', {
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.ok()).toBe(true);
  expect((await context.request.get('/api/v1/auth/me')).status()).toBe(401);
}

/** Opens the new-person form and types a person into it. */
async function typePerson(page: Page, family: string): Promise<void> {
  await page.goto('/people/new');
  await page.getByRole('heading', { level: 1, name: p.newTitle }).waitFor();
  await page.getByRole('textbox', { name: p.familyNameLatin }).fill(family);
  await page.getByRole('textbox', { name: p.givenNamesLatin }).fill('Salem Nasser');
  // The rank picker searches national titles and NATO codes: any OF-3 will do.
  await page.getByRole('combobox', { name: n.rank.label }).fill('OF-3');
  await page.getByRole('option').filter({ hasText: 'OF-3' }).first().click();
  await page.getByRole('textbox', { name: p.profile }).fill('3232');
}

async function personCount(context: BrowserContext, family: string): Promise<number> {
  const list = await (
    await context.request.get(`/api/v1/participants?q=${encodeURIComponent(family)}`)
  ).json();
  return list.items.filter((item: { familyNameLatin: string }) => item.familyNameLatin === family)
    .length;
}

describe('a lost session loses nothing typed', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('asks to sign in over the form, then completes the submission with what was typed', async () => {
    const context = await newContext(browser);
    await signInByApi(context, NPOC);
    await setLocale(context, 'en');
    const page = await context.newPage();
    await typePerson(page, 'EXPIRYONE');
    await endSession(context);

    const submit = page.getByRole('button', { name: p.create });
    await submit.click();
    const dialog = page.getByRole('dialog', { name: s.title });
    await dialog.waitFor();
    // The header no longer says who is signed in: the dialog is the state.
    await page.getByText(s.signedOut).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expectAccessible(page);

    expect(await dialog.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(NPOC);
    await dialog.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: s.signIn }).click();

    // The click that met the lost session completes: the person's page opens.
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /EXPIRYONE/ }).waitFor();
    expect(await personCount(context, 'EXPIRYONE')).toBe(1);
    // Submitted, so the draft is gone.
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('rabita.draft.')),
      ),
    ).toEqual([]);
    await context.close();
  });

  it('sends a write again with the new token after a sign-in in another tab, without a reload', async () => {
    const context = await newContext(browser);
    await signInByApi(context, NPOC);
    await setLocale(context, 'en');
    const page = await context.newPage();
    await typePerson(page, 'EXPIRYTWO');
    // Another tab signs out and in again: a new session with a new CSRF token.
    await endSession(context);
    await signInByApi(context, NPOC);

    await page.getByRole('button', { name: p.create }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /EXPIRYTWO/ }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await personCount(context, 'EXPIRYTWO')).toBe(1);
    await context.close();
  });

  it('does not send the previous person’s request when someone else signs in', async () => {
    const context = await newContext(browser);
    await signInByApi(context, NPOC);
    await setLocale(context, 'en');
    const page = await context.newPage();
    await typePerson(page, 'EXPIRYTHREE');
    await endSession(context);
    await page.getByRole('button', { name: p.create }).click();
    const dialog = page.getByRole('dialog', { name: s.title });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Email' }).fill('npoc.qat@rabita.example');
    await dialog.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: s.signIn }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const me = await (await context.request.get('/api/v1/auth/me')).json();
    expect(me.user.email).toBe('npoc.qat@rabita.example');
    await signInByApi(context, NPOC);
    expect(await personCount(context, 'EXPIRYTHREE')).toBe(0);
    await context.close();
  });

  it('restores a draft after a reload, offers to discard it, and forgets it on sign-out', async () => {
    const context = await newContext(browser);
    await signInByApi(context, NPOC);
    await setLocale(context, 'en');
    const page = await context.newPage();
    await typePerson(page, 'EXPIRYDRAFT');
    await page.reload();
    await page.getByText(s.draftRestored).waitFor();
    const family = page.getByRole('textbox', { name: p.familyNameLatin });
    expect(await family.inputValue()).toBe('EXPIRYDRAFT');
    expect(await page.getByRole('textbox', { name: p.givenNamesLatin }).inputValue()).toBe(
      'Salem Nasser',
    );
    await page.getByRole('button', { name: s.discardDraft }).click();
    expect(await family.inputValue()).toBe('');
    expect(await page.getByText(s.draftRestored).count()).toBe(0);

    await family.fill('EXPIRYDRAFT');
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).join(',')))
      .toContain('rabita.draft.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('rabita.draft.')),
      ),
    ).toEqual([]);
    await context.close();
  });
});
