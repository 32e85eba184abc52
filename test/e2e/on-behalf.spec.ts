import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nominationsAr from '../../src/web/i18n/parts/nominations/ar.json' with { type: 'json' };
import nominationsEn from '../../src/web/i18n/parts/nominations/en.json' with { type: 'json' };
import { api, eligibilityOf } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const en = nominationsEn.nominations;
const ar = nominationsAr.nominations;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');

interface Person {
  id: string;
  familyNameLatin: string;
}

describe('centre staff nominating for a nation', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let kuwait: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newContext(browser);
    kuwait = await newContext(browser);
    await signInByApi(admin, 'admin@rabita.example');
    await signInByApi(kuwait, 'npoc.kwt@rabita.example');
  });
  afterAll(async () => {
    await setLocale(admin, 'en');
    await setLocale(kuwait, 'en');
    await browser.close();
  });

  async function timelineSays(page: Page, text: string): Promise<void> {
    await page.getByRole('cell', { name: text }).first().waitFor();
  }

  it('asks the administrator to confirm, then the timeline says on whose behalf, in English and Arabic', async () => {
    const portal = await api<{ openSessions: { code: string }[] }>(
      kuwait.request,
      'GET',
      '/api/v1/portal/nation',
    );
    const code = portal.openSessions[0]?.code;
    if (!code) throw new Error('the demo centre has no session open to Kuwait');
    const nominated = await api<{ items: { participantId: string }[] }>(
      admin.request,
      'GET',
      `/api/v1/nominations?sessionCode=${code}&nationCode=KWT&limit=100`,
    );
    const taken = new Set(nominated.items.map((n) => n.participantId));
    const people = await api<{ items: Person[] }>(
      admin.request,
      'GET',
      '/api/v1/participants?nationCode=KWT&limit=100',
    );
    // A family name nobody else of Kuwait carries, so the search shows few people.
    const unique = (p: Person) =>
      people.items.filter((q) => q.familyNameLatin === p.familyNameLatin).length === 1;
    // Eligible too: the picker offers nobody else.
    const checks = await eligibilityOf(
      admin.request,
      code,
      people.items.map((p) => p.id),
    );
    const eligible = new Set(
      checks
        .filter((c) => c.eligibility.eligible && c.existing === null)
        .map((c) => c.participantId),
    );
    const person = people.items.find((p) => !taken.has(p.id) && eligible.has(p.id) && unique(p));
    if (!person) throw new Error('nobody of Kuwait is free and eligible for the open session');

    await setLocale(admin, 'en');
    const page = await admin.newPage();
    await page.goto(`/sessions/${code}/nominate`);
    await page.getByLabel(en.searchPerson).fill(person.familyNameLatin);
    // The centre searches every nation: someone of another nation may share the family name
    // (imports and other specs add people), so the person is picked by their own radio.
    await page.locator(`input[type="radio"][value="${person.id}"]`).check();
    const confirm = page.getByRole('checkbox', {
      name: fill(en.onBehalfConfirm, { nation: 'Kuwait' }),
    });
    await confirm.waitFor();
    // Nothing is sent for the nation until the choice is made.
    await page.getByRole('button', { name: en.saveDraft }).click();
    await page.getByText(en.onBehalfRequired).waitFor();
    expect(page.url()).toContain('/nominate');
    await confirm.check();
    await page.getByRole('button', { name: en.saveDraft }).click();
    await page.waitForURL(/\/nominations\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) as string;
    await timelineSays(
      page,
      fill(en.byOnBehalf, { name: 'Centre Administrator', nation: 'Kuwait' }),
    );
    await expectAccessible(page);
    await page.close();

    // Kuwait reads the same in its own language: the centre acted for it.
    await setLocale(kuwait, 'ar');
    const theirs = await kuwait.newPage();
    await theirs.goto(`/nominations/${id}`);
    await timelineSays(
      theirs,
      fill(ar.byOnBehalf, { name: 'Centre Administrator', nation: 'الكويت' }),
    );
    expect(await theirs.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(theirs);
    await theirs.close();
  });
});
