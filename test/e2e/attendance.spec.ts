import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceRoster } from '../../src/contract/attendance.js';
import { addDays, dateIn, workingDaysBetween } from '../../src/domain/venue-calendar.js';
import attendanceAr from '../../src/web/i18n/parts/attendance/ar.json' with { type: 'json' };
import attendanceEn from '../../src/web/i18n/parts/attendance/en.json' with { type: 'json' };
import { api, nominateAndSelect, runSession } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const ACTIVITY = 'ATT-E2E';
const SESSION = 'ATT-E2E-A';
const en = attendanceEn.attendance;
const ar = attendanceAr.attendance;

/** A day's tab as the roster labels it ("Sun 7 Mar"), from the same formatter. */
function tabName(day: string): RegExp {
  const label = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
  return new RegExp(`^${label}`);
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

interface Venue {
  timeZone: string;
  workingDays: number[];
  holidays: { date: string }[];
}

describe('the attendance roster in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let kuwait: BrowserContext;
  let director: BrowserContext;
  let days: [string, string];
  let people: { id: string; name: string }[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const signedIn = async (email: string) => {
      const context = await newContext(browser);
      await signInByApi(context, email);
      return context;
    };
    [registrar, kuwait, director] = await Promise.all([
      signedIn('registrar@rabita.example'),
      signedIn('npoc.kwt@rabita.example'),
      signedIn('director@rabita.example'),
    ]);
    await setLocale(director, 'en');
    const directorId = (
      await api<{ user: { id: string } }>(director.request, 'GET', '/api/v1/auth/me')
    ).user.id;

    // The last two working days at the Kuwait centre that have begun (today may be one).
    const venue = await api<Venue>(registrar.request, 'GET', '/api/v1/venues/KWI-NIRC');
    const today = dateIn(new Date(), venue.timeZone);
    const begun = workingDaysBetween(addDays(today, -14), today, venue.workingDays, venue.holidays);
    const [d1, d2] = begun.slice(-2);
    if (!d1 || !d2) throw new Error('no two working days in the last fortnight');
    days = [d1, d2];

    const [model] = (
      await api<{ items: { disciplineCode: string; providerCode: string }[] }>(
        registrar.request,
        'GET',
        '/api/v1/activities?limit=1',
      )
    ).items;
    if (!model) throw new Error('the demo catalogue is empty');
    await api(registrar.request, 'POST', '/api/v1/activities', {
      code: ACTIVITY,
      type: 'course',
      title: { en: 'Field first aid (mobile team)', ar: 'الإسعافات الأولية الميدانية' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'mobile-training-team',
      durationDays: 2,
      status: 'active',
    });
    // Planned ahead with its window open, so Kuwait can nominate; then moved to the days it
    // actually ran, as a mobile team's session recorded late would be.
    const later = addDays(today, 40);
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
      directorId,
      // The demo's director may already run a session on those days; the registrar keeps them.
      confirmStaffConflicts: true,
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    const persons = await api<{ items: { id: string }[] }>(
      kuwait.request,
      'GET',
      '/api/v1/participants?limit=10',
    );
    for (const person of persons.items.slice(0, 2)) {
      await nominateAndSelect(
        kuwait.request,
        registrar.request,
        { sessionCode: SESSION, participantId: person.id },
        'Accepted for the mobile team course.',
      );
    }
    await runSession(registrar.request, SESSION, d1, d2);
    const roster = await api<AttendanceRoster>(
      director.request,
      'GET',
      `/api/v1/sessions/${SESSION}/attendance`,
    );
    expect(roster.workingDays).toEqual(days);
    people = roster.participants.map((p) => ({
      id: p.nominationId,
      name: `${p.givenNamesLatin} ${p.familyNameLatin}`,
    }));
    expect(people).toHaveLength(2);
  });
  afterAll(() => browser.close());

  const row = (page: Page, name: string) =>
    page.getByRole('group', { name: fill(en.markFor, { name }) });

  async function marksOf(): Promise<Map<string, string>> {
    // As the registrar: the director's browser is the one that goes offline.
    const roster = await api<AttendanceRoster>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}/attendance`,
    );
    return new Map(roster.marks.map((m) => [`${m.nominationId}|${m.day}`, m.status]));
  }

  it('lets the course director mark both days, on a tablet, and keeps marks made offline', async () => {
    const [first, second] = people as [{ id: string; name: string }, { id: string; name: string }];
    const [d1, d2] = days;
    const page = await director.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('link', { name: en.roster }).click();
    await page.waitForURL(`**/sessions/${SESSION}/attendance`);
    await page.getByRole('tab', { name: tabName(d2) }).waitFor();
    expect(await page.getByRole('tab', { name: tabName(d2) }).getAttribute('aria-selected')).toBe(
      'true',
    );

    // Day one: one present, one absent.
    await page.getByRole('tab', { name: tabName(d1) }).click();
    await row(page, first.name).getByRole('button', { name: en.status.present }).click();
    await row(page, second.name).getByRole('button', { name: en.status.absent }).click();
    await page.getByText(en.allSent).waitFor();
    expect(
      await row(page, second.name)
        .getByRole('button', { name: en.status.absent })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    // Day two: everyone present at once.
    await page.getByRole('tab', { name: tabName(d2) }).click();
    await page.getByRole('button', { name: en.markAllPresent }).click();
    await page.getByText(fill(en.count.present, { count: 2 })).waitFor();
    await expect.poll(async () => (await marksOf()).size, { timeout: 15_000 }).toBe(4);
    await expectAccessible(page);

    // The connection drops: the mark is kept on the device and shown as not sent.
    await director.setOffline(true);
    await row(page, second.name).getByRole('button', { name: en.status.excused }).click();
    await row(page, second.name)
      .locator('xpath=ancestor::tr')
      .getByText(en.notYetSent, { exact: true })
      .waitFor();
    await page.getByText(fill(en.unsentCount, { count: 1 })).waitFor();
    await page.getByText(en.offlineText).waitFor();
    expect((await marksOf()).get(`${second.id}|${d2}`)).toBe('present');
    await director.setOffline(false);

    // It comes back: the mark goes out by itself.
    await page.getByText(en.allSent).waitFor({ timeout: 20_000 });
    expect(await page.getByText(en.notYetSent, { exact: true }).count()).toBe(0);
    const marks = await marksOf();
    expect(marks.get(`${second.id}|${d2}`)).toBe('excused');
    expect(marks.get(`${first.id}|${d1}`)).toBe('present');
    expect(marks.get(`${second.id}|${d1}`)).toBe('absent');

    // Offline again, while the registrar marks the first participant absent on day two: the
    // director's later mark, built on the older version, is not applied over it.
    await director.setOffline(true);
    await row(page, first.name).getByRole('button', { name: en.status.excused }).click();
    await api(registrar.request, 'PUT', `/api/v1/sessions/${SESSION}/attendance`, {
      marks: [{ nominationId: first.id, day: d2, status: 'absent', baseVersion: 1 }],
    });
    await director.setOffline(false);
    await page.getByRole('button', { name: en.applyMine }).waitFor({ timeout: 20_000 });
    await page.getByText(/Changed by .+ at \d\d:\d\d: Absent\. Your mark: Excused\./).waitFor();
    expect((await marksOf()).get(`${first.id}|${d2}`)).toBe('absent');
    await expectAccessible(page);
    await page.getByRole('button', { name: en.applyMine }).click();
    await expect
      .poll(async () => (await marksOf()).get(`${first.id}|${d2}`), { timeout: 15_000 })
      .toBe('excused');
    expect(await page.getByRole('button', { name: en.applyMine }).count()).toBe(0);

    // The day's check-in code, large, for the classroom screen.
    await page.getByRole('button', { name: en.showCheckInCode }).click();
    await page.getByRole('img', { name: /QR/ }).waitFor();
    await page.getByRole('button', { name: en.close }).click();
    await page.close();
  });

  it('reads right to left in Arabic, without accessibility violations', async () => {
    await director.setOffline(false);
    await setLocale(director, 'ar');
    const page = await director.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`/sessions/${SESSION}/attendance`);
    await page.getByText(ar.allSent).waitFor();
    await page.getByRole('button', { name: ar.markAllPresent }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page);
    const shots = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/screenshots',
    );
    await page.screenshot({ path: path.join(shots, 'attendance-ar.png'), fullPage: true });
    await page.close();
    await setLocale(director, 'en');
  });

  it('brings a scanned code back after sign-in and says how the check-in went', async () => {
    const code = await api<{ code: string }>(
      director.request,
      'GET',
      `/api/v1/sessions/${SESSION}/attendance/check-in-code?day=${days[1]}`,
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/check-in/${code.code}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill('director@rabita.example');
    await page.getByLabel(/^Password/).fill('rabita-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/check-in/${code.code}`);
    // The director is no participant: the page says so rather than marking anyone.
    await page.getByText(en.checkInFailed).waitFor();
    await page.getByText(en.errors.not_found).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
