import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '../../src/contract/programmes.js';
import { addDays, dateIn, workingDaysBetween } from '../../src/domain/venue-calendar.js';
import nominationsAr from '../../src/web/i18n/parts/nominations/ar.json' with { type: 'json' };
import programmesAr from '../../src/web/i18n/parts/programmes/ar.json' with { type: 'json' };
import programmesEn from '../../src/web/i18n/parts/programmes/en.json' with { type: 'json' };
import { api, runSession } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const ar = programmesAr;
const en = programmesEn;
const TITLE = { en: 'Kuwait–NATO programme 2030–2032', ar: 'برنامج الكويت والناتو 2030–2032' };
const ACTIVITY = 'PRG-E2E';
const SESSION = 'PRG-E2E-A';

interface Venue {
  timeZone: string;
  workingDays: number[];
  holidays: { date: string }[];
}

describe('cooperation programmes in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let kuwait: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    const signedIn = async (email: string) => {
      const context = await newContext(browser);
      await signInByApi(context, email);
      return context;
    };
    [registrar, kuwait] = await Promise.all([
      signedIn('registrar@rabita.example'),
      signedIn('npoc.kwt@rabita.example'),
    ]);
    await setLocale(registrar, 'en');
    await setLocale(kuwait, 'ar');
  });

  afterAll(async () => {
    if (kuwait) await setLocale(kuwait, 'en').catch(() => {});
    await browser?.close();
  });

  it("lets Kuwait's NPOC draft and propose a programme in Arabic, and the registrar agree it", async () => {
    const page = await kuwait.newPage();
    await page.goto('/programmes');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    // The demo's agreed programme for Kuwait is listed, and only Kuwait's.
    await page.getByRole('link', { name: /برنامج الكويت والناتو 2026/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: ar.programme.new }).click();
    const titleInputs = page.locator('form input[lang]');
    await titleInputs.nth(0).fill(TITLE.en);
    await titleInputs.nth(2).fill(TITLE.ar);
    await page.getByLabel(ar.programme.startYear).fill('2030');
    await page.getByLabel(ar.programme.endYear).fill('2032');
    await page.getByRole('button', { name: ar.programme.create }).click();
    await expect.poll(() => page.url()).toMatch(/\/programmes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: TITLE.ar }).waitFor();

    // The outline: one objective with one goal.
    await page.getByRole('button', { name: ar.programme.editOutline }).click();
    await page.getByRole('button', { name: ar.programme.addObjective }).click();
    await page.locator('input[lang="en"]').nth(0).fill('Interoperable forces');
    await page.locator('input[lang="ar"]').nth(0).fill('قوات قابلة للتشغيل البيني');
    await page.getByRole('button', { name: ar.programme.addGoal }).click();
    await page.locator('input[lang="en"]').nth(1).fill('Trained staff officers');
    await page.locator('input[lang="ar"]').nth(1).fill('ضباط أركان مدربون');
    await page.getByRole('button', { name: ar.programme.saveOutline }).click();
    await page.getByRole('heading', { name: /قوات قابلة للتشغيل البيني/ }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: ar.programmeTransition.proposed }).click();
    await page.getByText(ar.programmeStatus.proposed, { exact: true }).first().waitFor();
    const id = page.url().split('/').at(-1) as string;

    const centre = await registrar.newPage();
    await centre.goto(`/programmes/${id}`);
    await centre.getByRole('button', { name: en.programmeTransition.agreed }).click();
    await centre.getByText(en.programmeStatus.agreed, { exact: true }).first().waitFor();
    const agreed = await api<Programme>(registrar.request, 'GET', `/api/v1/programmes/${id}`);
    expect(agreed).toMatchObject({ status: 'agreed', nationCode: 'KWT', startYear: 2030 });
    await expectAccessible(centre);
  });

  it('moves the progress of the linked goal once a session completes', async () => {
    const venue = await api<Venue>(registrar.request, 'GET', '/api/v1/venues/KWI-NIRC');
    const today = dateIn(new Date(), venue.timeZone);
    const over = workingDaysBetween(
      addDays(today, -14),
      addDays(today, -1),
      venue.workingDays,
      venue.holidays,
    );
    const [d1, d2] = over.slice(-2);
    if (!d1 || !d2) throw new Error('no two working days in the last fortnight');
    const later = addDays(today, 40);
    const [model] = (
      await api<{ items: { disciplineCode: string; providerCode: string }[] }>(
        registrar.request,
        'GET',
        '/api/v1/activities?limit=1',
      )
    ).items;
    if (!model) throw new Error('the demo catalogue is empty');
    const activity = await api<{ id: string }>(registrar.request, 'POST', '/api/v1/activities', {
      code: ACTIVITY,
      type: 'course',
      title: { en: 'Programme delivery course', ar: 'دورة تنفيذ البرنامج' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 2,
      status: 'active',
    });
    const first = Number(d1.slice(0, 4));
    const years = [...new Set([first, Number(later.slice(0, 4))])];
    const programme = await api<Programme>(kuwait.request, 'POST', '/api/v1/programmes', {
      nationCode: 'KWT',
      title: { en: 'Kuwait delivery check', ar: 'متابعة تنفيذ الكويت' },
      startYear: first,
      endYear: first + 1,
      objectives: [
        {
          title: { en: 'Delivery' },
          goals: [
            {
              title: { en: 'Officers trained on delivery' },
              plannedActivities: [{ activityId: activity.id, years, seatsPlanned: 2 }],
            },
          ],
        },
      ],
    });
    await api(kuwait.request, 'POST', `/api/v1/programmes/${programme.id}/transitions`, {
      to: 'proposed',
    });
    for (const to of ['agreed', 'active']) {
      await api(registrar.request, 'POST', `/api/v1/programmes/${programme.id}/transitions`, {
        to,
      });
    }
    const line = programme.objectives[0]?.goals[0]?.plannedActivities[0];
    if (!line) throw new Error('the planned activity is missing');

    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: later,
      endDate: addDays(later, 1),
      venueCode: 'KWI-NIRC',
      capacity: 4,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 20),
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    await api(kuwait.request, 'POST', '/api/v1/participants', {
      nationCode: 'KWT',
      givenNamesLatin: 'Fahad',
      familyNameLatin: 'AL-MUTAIRI',
      rankCode: 'OF-2',
      rankTitle: 'Captain',
      confirmNotDuplicate: true,
    });

    // Kuwait nominates through the form, in Arabic: the one goal planned for the session's
    // activity and year is offered and already chosen, and the nomination then shows it.
    const n = nominationsAr.nominations;
    const form = await kuwait.newPage();
    await form.goto(`/sessions/${SESSION}/nominate`);
    await form.getByLabel(n.searchPerson).fill('Mutairi');
    await form.getByRole('radio', { name: /AL-MUTAIRI/i }).check();
    const goalField = form.getByRole('combobox', { name: n.servesGoal });
    await expect.poll(() => goalField.inputValue()).toBe('Officers trained on delivery — Delivery');
    await expectAccessible(form);
    await form.getByRole('button', { name: n.submit }).click();
    await form.waitForURL(/\/nominations\/[0-9a-f-]{36}$/);
    const nomination = { id: form.url().split('/').at(-1) as string };
    await form.getByText(n.programmeGoal, { exact: true }).waitFor();
    await form.getByText('Officers trained on delivery', { exact: true }).waitFor();
    const created = await api<{ plannedActivity?: { id: string } | null }>(
      kuwait.request,
      'GET',
      `/api/v1/nominations/${nomination.id}`,
    );
    expect(created.plannedActivity?.id).toBe(line.id);
    await api(registrar.request, 'POST', `/api/v1/nominations/${nomination.id}/transitions`, {
      action: 'select',
    });
    await runSession(registrar.request, SESSION, d1, d2);

    const page = await registrar.newPage();
    await page.goto(`/programmes/${programme.id}`);
    const goal = page.getByTestId('planned-activity');
    await goal.getByText(`${en.programme.selected}: 1`).waitFor();
    await expect(goal.getByText(`${en.programme.completed}: 0`).count()).resolves.toBe(1);

    await api(registrar.request, 'PUT', `/api/v1/sessions/${SESSION}/results`, {
      results: [{ nominationId: nomination.id, status: 'completed' }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'completed',
    });
    await page.reload();
    await goal.getByText(`${en.programme.completed}: 1`).waitFor();
    const after = await api<Programme>(
      registrar.request,
      'GET',
      `/api/v1/programmes/${programme.id}`,
    );
    expect(after.objectives[0]?.goals[0]?.progress).toMatchObject({ selected: 1, completed: 1 });
  });
});
