import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contract/plans.js';
import type { Session } from '../../src/contract/sessions.js';
import { islamicHolidays } from '../../src/domain/hijri-holidays.js';
import { weekOf } from '../../src/domain/plan-calendar.js';
import ar from '../../src/web/i18n/ar.json' with { type: 'json' };
import planAr from '../../src/web/i18n/parts/plans/ar.json' with { type: 'json' };
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const YEAR = new Date().getUTCFullYear() + 1;
const words = planAr.plans;
const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

async function latest(context: BrowserContext): Promise<Plan> {
  const { items } = await api<{ items: { version: number }[] }>(
    context.request,
    'GET',
    `/api/v1/plans/${YEAR}/versions`,
  );
  return api<Plan>(context.request, 'GET', `/api/v1/plans/${YEAR}/versions/${items[0]?.version}`);
}

/** Picks a week in the session panel's searchable week list. */
async function chooseWeek(page: Page, week: number) {
  const panel = page.getByRole('dialog');
  await panel.getByRole('combobox', { name: words.startWeek }).click();
  await page.getByRole('option', { name: new RegExp(`^${words.week} ${week + 1} ·`) }).click();
}

describe('the annual plan in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'ar');
  });
  afterAll(async () => {
    await setLocale(registrar, 'en');
    await browser.close();
  });

  it('plans next year in Arabic, moves a course clear of Ramadan, re-plans, publishes; Kuwait sees its quotas', async () => {
    const page = await registrar.newPage();
    await page.goto(`/plans?year=${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `الطلب لسنة ${YEAR}` }).waitFor();
    await page.getByRole('row', { name: /KWT/ }).first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: words.openPlan }).click();
    await page.getByRole('button', { name: words.run }).click();
    await page.getByRole('heading', { name: /النسخة 1 ·/ }).waitFor({ timeout: 120_000 });
    const first = await latest(registrar);
    const course = first.sessions.find((s) => !s.existing && s.quotas.KWT);
    if (!course) throw new Error('the plan proposes no course for Kuwait');

    // The registrar tries the course in Ramadan: refused; two weeks after Eid al-Fitr: moved.
    const periods = islamicHolidays(YEAR);
    const ramadan = periods.find((p) => p.kind === 'ramadan');
    const fitr = periods.find((p) => p.kind === 'eid-al-fitr');
    if (!ramadan || !fitr) throw new Error('no Ramadan in the year');
    await page
      .getByRole('button', { name: new RegExp(`^${course.activityCode}, `) })
      .first()
      .click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: course.activityCode }).waitFor();
    await chooseWeek(page, weekOf(YEAR, ramadan.from) + 1);
    await panel.getByRole('button', { name: words.moveAction }).click();
    await panel.getByText(ar.errors.codes.plan_week_unavailable).waitFor();
    await expectAccessible(page);
    const target = weekOf(YEAR, fitr.to) + 2;
    await chooseWeek(page, target);
    await panel.getByRole('button', { name: words.moveAction }).click();
    await panel.getByText(/^نُقلت:/).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: words.replan }).click();
    await page.getByRole('heading', { name: /النسخة 2 ·/ }).waitFor({ timeout: 120_000 });
    const second = await latest(registrar);
    const kept = second.sessions.find((s) => s.locked && s.activityCode === course.activityCode);
    expect(kept?.week).toBe(target);
    expect(kept && (kept.endDate < ramadan.from || kept.startDate > fitr.to)).toBe(true);
    await expectAccessible(page);

    // An Arabic phone: the year view scrolls in its own box, never the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('region', { name: /العرض السنوي/ }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    // Once the menu has slid away: a picture taken during its transition shows half a page.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: path.join(shots, 'annual-plan-ar-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: words.publish, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: /نشر النسخة 2/ });
    await confirm.getByRole('radio', { name: words.publishAnnounced }).check();
    await confirm.getByRole('button', { name: words.publishConfirm }).click();
    await page.getByText(words.publishedTitle).waitFor();

    // The year view for the README, in English at 1366 wide.
    await setLocale(registrar, 'en');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.reload();
    await page.getByRole('region', { name: /Year view/ }).waitFor();
    await page.getByRole('heading', { name: /Version 2 · accepted/ }).waitFor();
    await page.screenshot({ path: path.join(shots, 'annual-plan-en.png') });

    // Kuwait's NPOC sees the announced sessions with Kuwait's quotas.
    const npoc = await newContext(browser);
    await signInByApi(npoc, 'npoc.kwt@rabita.example');
    const published = (await latest(registrar)).sessions.find(
      (s) => s.activityCode === course.activityCode && s.week === target,
    );
    const code = published?.sessionCode ?? '';
    const seen = await api<Session>(npoc.request, 'GET', `/api/v1/sessions/${code}`);
    expect(seen.status).toBe('announced');
    const npocPage = await npoc.newPage();
    await npocPage.goto(`/sessions/${code}`);
    await npocPage.getByText(code).first().waitFor();
    await npocPage.getByText('KWT').first().waitFor();
    await npoc.close();
    // The solver runs twice on the demo year: more than the default minute in all.
  }, 240_000);
});
