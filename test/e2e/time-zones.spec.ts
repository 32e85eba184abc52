import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import reportsAr from '../../src/web/i18n/parts/reports/ar.json';
import { expectAccessible, launchBrowser, setLocale, signInByApi } from './support/browser.js';

// Every reader here sits in Los Angeles: eleven hours behind the Kuwait centre, so an instant
// late in the centre's evening falls on the previous day there, and the reverse after midnight.
const READER_ZONE = 'America/Los_Angeles';
const VENUE_ZONE = 'Asia/Kuwait';
const VENUE_NAME_AR = 'توقيت الكويت';

/** "3" and "22:46": the day of the month and the time as a clock in `timeZone` reads them. */
function clock(instant: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), time: `${part('hour')}:${part('minute')}` };
}

async function readerIn(browser: Browser, email: string, locale: 'en' | 'ar', width = 1280) {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width, height: 900 },
    reducedMotion: 'reduce',
    timezoneId: READER_ZONE,
  });
  await signInByApi(context, email);
  await setLocale(context, locale);
  return context;
}

/** The date-time shown for `instant`: its venue clock, its zone, and the reader's line. */
async function shownTime(page: Page, instant: string) {
  const time = page.locator(`time[datetime="${instant}"]`).first();
  await time.waitFor();
  const holder = time.locator('xpath=..');
  return {
    main: (await time.textContent()) ?? '',
    reader: (await holder.locator('[data-reader-time]').textContent()) ?? '',
  };
}

async function expectNoZoneId(page: Page) {
  expect(await page.locator('body').textContent()).not.toMatch(/\b(Asia|America|Europe)\/\w+/);
}

/** A session at the Kuwait centre whose level-1 survey has a due time, as the registrar reads it. */
async function centreSurvey(registrar: BrowserContext) {
  const sessions = (await (await registrar.request.get('/api/v1/surveys/sessions')).json()) as {
    code: string;
  }[];
  for (const candidate of sessions) {
    const read = await registrar.request.get(
      `/api/v1/sessions/${candidate.code}/surveys/1/results`,
    );
    const body = (await read.json()) as { dueAt: string | null; timeZone: string };
    if (read.status() === 200 && body.dueAt && body.timeZone === VENUE_ZONE) {
      return { code: candidate.code, dueAt: body.dueAt };
    }
  }
  throw new Error('no survey at the Kuwait centre');
}

describe('times and time zones for a reader far from the venue', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (email: string, locale: 'en' | 'ar', width?: number) => {
    const context = await readerIn(browser, email, locale, width);
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // Languages are kept on the accounts: leave them as the other specs expect them.
    for (const context of contexts) {
      await setLocale(context, 'en');
      await context.close();
    }
    await browser?.close();
  });

  it("shows a survey's close time on the venue's clock in Arabic, with the reader's beside it", async () => {
    const participant = await open('participant@rabita.example', 'ar');
    const registrar = await open('registrar@rabita.example', 'ar');
    const mine = (await (await participant.request.get('/api/v1/me/surveys')).json()) as {
      id: string;
      closesAt: string;
      timeZone: string;
    }[];
    // The demo participant has one survey open, unless the evaluation test of this run has
    // answered it; then the registrar's page of a survey at the centre is read instead, where
    // the same component shows when the survey fell due.
    const survey = mine[0];
    let page: Page;
    let instant: string;
    if (survey) {
      expect(survey.timeZone).toBe(VENUE_ZONE);
      page = await participant.newPage();
      await page.goto(`/surveys/answer/${survey.id}`);
      instant = survey.closesAt;
    } else {
      const due = await centreSurvey(registrar);
      page = await registrar.newPage();
      await page.goto(`/sessions/${due.code}/surveys`);
      instant = due.dueAt;
    }
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      READER_ZONE,
    );
    const shown = await shownTime(page, instant);
    const venue = clock(instant, VENUE_ZONE);
    const reader = clock(instant, READER_ZONE);
    expect(shown.main).toContain(VENUE_NAME_AR);
    expect(shown.main).toMatch(new RegExp(`^${venue.day} `));
    expect(shown.main).toContain(venue.time);
    expect(shown.reader).toContain('بتوقيتك');
    expect(shown.reader).toMatch(new RegExp(`${reader.day} .*${reader.time}`));
    expect(shown.reader).not.toMatch(/[A-Za-z]/);
    await expectNoZoneId(page);
    await expectAccessible(page);
  });

  it("shows a survey's due time, midnight at the venue, on the venue's day", async () => {
    const registrar = await open('registrar@rabita.example', 'ar');
    const due = await centreSurvey(registrar);
    const page = await registrar.newPage();
    await page.goto(`/sessions/${due.code}/surveys`);
    const shown = await shownTime(page, due.dueAt);
    const venue = clock(due.dueAt, VENUE_ZONE);
    // Due at the venue's midnight: the previous afternoon in Los Angeles, and the page keeps
    // the venue's day in front.
    expect(venue.time).toBe('00:00');
    expect(shown.main).toMatch(new RegExp(`^${venue.day} .*00:00`));
    expect(shown.main).toContain(VENUE_NAME_AR);
    expect(shown.reader).toContain(clock(due.dueAt, READER_ZONE).time);
    await expectNoZoneId(page);
    await expectAccessible(page);
  });

  it("says the roster's times are the venue's, and shows the venue's days", async () => {
    const director = await open('director@rabita.example', 'ar');
    const running = (await (
      await director.request.get('/api/v1/sessions?status=in-progress&limit=50')
    ).json()) as { items: { code: string }[] };
    let code: string | undefined;
    let roster: { timeZone: string; workingDays: string[] } | undefined;
    for (const s of running.items) {
      const response = await director.request.get(`/api/v1/sessions/${s.code}/attendance`);
      if (response.status() === 200) {
        code = s.code;
        roster = await response.json();
        break;
      }
    }
    if (!code || !roster) throw new Error('the demo director runs no session today');
    const page = await director.newPage();
    await page.goto(`/sessions/${code}/attendance`);
    const note = page.locator('[data-venue-time]');
    await note.waitFor();
    expect(roster.timeZone).toBe(VENUE_ZONE);
    expect(await note.textContent()).toContain(VENUE_NAME_AR);
    // The day tabs are the venue's working days, whatever the reader's clock says.
    const tabs = await page.getByRole('tab').allTextContents();
    const dayLabel = (day: string) =>
      new Intl.DateTimeFormat('ar-u-nu-latn', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${day}T00:00:00Z`));
    expect(tabs.map((t) => t.split(' · ')[0])).toEqual(roster.workingDays.map(dayLabel));
    await expectNoZoneId(page);
    await expectAccessible(page);
  });

  it("starts the calendar's week on the centre's Sunday in English, with arrows the reading way in Arabic", async () => {
    const kuwait = await open('npoc.kwt@rabita.example', 'en');
    const page = await kuwait.newPage();
    await page.goto('/sessions?view=month&month=2027-03');
    const first = page.locator('thead th').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('Sun');
    expect(await page.locator('thead th').last().textContent()).toBe('Sat');
    await expectAccessible(page);

    await setLocale(kuwait, 'ar');
    await page.reload();
    await page.locator('thead th').first().waitFor();
    expect(await page.locator('thead th').first().textContent()).toBe('الأحد');
    const previous = page.getByRole('button', { name: 'السابق' });
    const next = page.getByRole('button', { name: 'التالي' });
    const [p, n] = [await previous.boundingBox(), await next.boundingBox()];
    if (!p || !n) throw new Error('the month arrows are not shown');
    // Right to left: the previous month is on the right, its chevron pointing right.
    expect(p.x).toBeGreaterThan(n.x);
    expect(await previous.locator('svg').getAttribute('class')).toContain('chevron-right');
    expect(await next.locator('svg').getAttribute('class')).toContain('chevron-left');
    await expectAccessible(page);
  });

  for (const width of [1366, 390]) {
    it(`names nations in Arabic on the dashboard charts, mirrored, at ${width} px`, async () => {
      const observer = await open('observer@rabita.example', 'ar', width);
      const page = await observer.newPage();
      await page.goto('/');
      const panel = page.getByRole('region', { name: reportsAr.reports.dash.perNation });
      await panel.getByText('الكويت').first().waitFor();
      const labels = panel.locator('[data-chart-label]');
      const names = await labels.allTextContents();
      expect(names.length).toBeGreaterThan(1);
      for (const name of names) expect(name).not.toMatch(/[A-Za-z]/);
      // The full name stays in the title when the box cuts it, and the cut is at its end.
      expect(await labels.first().getAttribute('title')).toBe(names[0]);
      expect(await labels.first().evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      // Bars grow from the right: the filled part ends at the track's right edge.
      const track = panel.locator('[data-chart-bar]').first();
      const box = await track.boundingBox();
      const filled = await track.locator('rect').nth(1).boundingBox();
      if (!box || !filled) throw new Error('no bar drawn');
      expect(Math.abs(filled.x + filled.width - (box.x + box.width))).toBeLessThan(1.5);
      expect(filled.x).toBeGreaterThan(box.x + 1);
      await page
        .getByRole('region', { name: reportsAr.reports.dash.perDiscipline })
        .locator('[data-chart-label]')
        .first()
        .waitFor();
      const disciplines = await page
        .getByRole('region', { name: reportsAr.reports.dash.perDiscipline })
        .locator('[data-chart-label]')
        .allTextContents();
      for (const name of disciplines) expect(name).toMatch(/[\u0600-\u06FF]/);
      await expectNoZoneId(page);
      await expectAccessible(page);
    });
  }
});
