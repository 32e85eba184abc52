import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../src/web/i18n/ar.json' with { type: 'json' };
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

// Far enough ahead that the demo's own sessions never collide; the window is open today.
const today = new Date().toISOString().slice(0, 10);
const SESSION = 'CEIP-E2E-27';
const HIDDEN_ACTIVITY = 'MD-ONLY-E2E';
const HIDDEN_SESSION = 'MD-ONLY-E2E-A-27';

/** Writes through the API as the signed-in user of `context`, with its CSRF token. */
async function write(
  request: APIRequestContext,
  method: 'POST' | 'PATCH',
  url: string,
  data: unknown,
) {
  const me = await (await request.get('/api/v1/auth/me')).json();
  const response = await request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

describe('sessions in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let kuwait: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    kuwait = await newContext(browser);
    await signInByApi(kuwait, 'npoc.kwt@rabita.example');
  });
  afterAll(() => browser.close());

  it('lets a registrar plan a session with quotas and announce it', async () => {
    const page = await registrar.newPage();
    await page.goto('/sessions/new?activity=CEIP');
    await page.getByRole('heading', { level: 1, name: 'Plan a session' }).waitFor();
    await page.getByLabel(/^Code/).fill(SESSION);
    await page.getByLabel(/^First day/).fill('2027-06-06');
    await page.getByLabel(/^Last day/).fill('2027-06-10');
    await page.getByRole('combobox', { name: 'Venue' }).click();
    await page.getByRole('option', { name: /Kuwait City/ }).click();
    await page.getByLabel(/^Nominations open/).fill(today);
    await page.getByLabel(/^Nominations close/).fill('2027-05-20');
    await page.getByLabel(/^Capacity/).fill('20');
    await page.getByLabel('Seats reserved for Kuwait').fill('5');
    await page.getByLabel('Seats reserved for Qatar').fill('3');
    await page.getByText('12', { exact: true }).first().waitFor(); // the open pool: 20 - 8
    await page.getByRole('button', { name: 'Create session' }).click();

    // Announcing asks first, saying who will see it: two nations with a quota, 20 seats.
    await page.getByRole('button', { name: 'Announce' }).click();
    const dialog = page.getByRole('dialog', { name: `Announce ${SESSION}?` });
    await dialog.getByText('Nations with a quota: 2', { exact: true }).waitFor();
    await dialog.getByText('Seats: 20', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await (await registrar.request.get(`/api/v1/sessions/${SESSION}`)).json()).status).toBe(
      'draft',
    );
    await page.getByRole('button', { name: 'Announce' }).click();
    await dialog.getByRole('button', { name: 'Announce' }).click();
    await page.getByRole('button', { name: 'Close nominations' }).waitFor();
    const session = await (await registrar.request.get(`/api/v1/sessions/${SESSION}`)).json();
    expect(session.status).toBe('announced');
    expect(session.quotas).toEqual([
      { nationCode: 'KWT', seats: 5 },
      { nationCode: 'QAT', seats: 3 },
    ]);
    expect(session.seats).toMatchObject({ capacity: 20, quotaTotal: 8, pool: 12 });
  });

  it("shows the session to Kuwait's national point of contact in the Arabic calendar", async () => {
    await setLocale(kuwait, 'ar');
    const page = await kuwait.newPage();
    await page.goto('/sessions?view=month&month=2027-06');
    await page.getByText(SESSION).first().waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ar']);
    await page.getByText(SESSION).first().click();
    await page.getByText(ar.sessions.yourQuota.replace('{{count}}', '5')).waitFor();
  });

  it("keeps a session released only to Mediterranean Dialogue nations away from Kuwait's view", async () => {
    await write(registrar.request, 'POST', '/api/v1/activities', {
      code: HIDDEN_ACTIVITY,
      type: 'course',
      title: { en: 'Mediterranean Harbour Protection Seminar' },
      disciplineCode: 'MARSEC',
      providerCode: 'NIRC',
      delivery: 'residential',
      durationDays: 5,
      releasability: { all: false, frameworks: ['MD'], nations: [] },
      status: 'active',
    });
    await write(registrar.request, 'POST', '/api/v1/sessions', {
      code: HIDDEN_SESSION,
      activityCode: HIDDEN_ACTIVITY,
      startDate: '2027-06-13',
      endDate: '2027-06-17',
      venueCode: 'KWI-NIRC',
      capacity: 20,
      nominationOpens: today,
      nominationCloses: '2027-05-30',
    });
    await write(registrar.request, 'POST', `/api/v1/sessions/${HIDDEN_SESSION}/transitions`, {
      to: 'announced',
    });

    const page = await kuwait.newPage();
    await page.goto('/catalogue?q=Mediterranean%20Harbour');
    // The search has answered when the page says nothing matches (the reader now reads Arabic).
    await page.getByText(ar.catalogue.emptyFilteredTitle).waitFor();
    expect(await page.getByText(HIDDEN_ACTIVITY).count()).toBe(0);

    await page.goto('/catalogue');
    await page
      .getByRole('link', { name: /CEIP|البنية التحتية/ })
      .first()
      .waitFor();
    expect(await page.getByText(HIDDEN_ACTIVITY).count()).toBe(0);

    await page.goto('/sessions?view=month&month=2027-06');
    await page.getByText(SESSION).first().waitFor();
    expect(await page.getByText(HIDDEN_SESSION).count()).toBe(0);

    await page.goto('/sessions?view=list');
    await page.getByRole('table').waitFor();
    expect(await page.getByText(HIDDEN_SESSION).count()).toBe(0);

    await page.goto(`/sessions/${HIDDEN_SESSION}`);
    await page
      .getByText(/غير موجود|لا يمكنك/)
      .first()
      .waitFor();
    expect(await page.getByText('Mediterranean Harbour').count()).toBe(0);

    const feed = await (await kuwait.request.get('/api/v1/calendar/feed')).json();
    expect(feed.url).toMatch(/\.ics$/);
    const ics = await (await kuwait.request.get(feed.url)).text();
    expect(ics).toContain(SESSION);
    expect(ics).not.toContain(HIDDEN_SESSION);
    expect(ics).not.toContain('Mediterranean Harbour');

    // The registrar, who may see everything, does see it: it exists.
    expect((await registrar.request.get(`/api/v1/sessions/${HIDDEN_SESSION}`)).status()).toBe(200);
  });

  it("names a mobile training team's host nation on its page, in English and Arabic", async () => {
    const teams = await (
      await registrar.request.get('/api/v1/sessions?venueCode=BGW&limit=1')
    ).json();
    const code = teams.items[0]?.code as string;
    expect(code).toBeTruthy();
    const page = await registrar.newPage();
    await page.goto(`/sessions/${code}`);
    await page.getByText('Mobile training team — host: Iraq').first().waitFor();
    // The team flies out: the registrar records the director's flight and hotel.
    const travel = page.getByRole('region', { name: "The team's travel" });
    await travel
      .getByRole('button', { name: /^Edit the travel of / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Arrival flight').fill('KU 117');
    await dialog.getByLabel('Hotel', { exact: true }).fill('Babylon Rotana');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await travel.getByText('Hotel: Babylon Rotana').waitFor();
    await travel.getByText('KU 117').waitFor();
    await expectAccessible(page);
    await setLocale(registrar, 'ar');
    await page.goto(`/sessions/${code}`);
    await page
      .getByText(/^فريق تدريب متنقل — الدولة المضيفة: /)
      .first()
      .waitFor();
    await setLocale(registrar, 'en');
    await page.close();
  });
});
