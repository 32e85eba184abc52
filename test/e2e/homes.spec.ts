import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdministrationHome,
  MySessionsHome,
  ParticipantHome,
} from '../../src/contract/home.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/screenshots',
);
const WIDTHS = [390, 768, 1366] as const;
const LOCALES = ['en', 'ar'] as const;
// Six views, each checked with axe: a home's test takes longer than the usual minute.
const SIX_VIEWS_MS = 240_000;

/** Nothing on the page may push it wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Every button of the page's main part is at least `min` px high and wide. */
async function expectTargets(page: Page, min: number) {
  const small = await page.evaluate((min) => {
    const main = document.querySelector('main') ?? document.body;
    return [...main.querySelectorAll<HTMLElement>('button, a.mantine-Button-root')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < min || box.width < min)
      .map(({ text, box }) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`);
  }, min);
  expect(small).toEqual([]);
}

/**
 * Opens the home in each language and width, runs `check` on it, and asserts that it neither
 * scrolls sideways nor fails axe.
 */
async function everyView(
  context: BrowserContext,
  check: (page: Page, locale: (typeof LOCALES)[number], width: number) => Promise<void>,
  /** README screenshots to take, by `${locale}-${width}`. */
  screenshot?: Record<string, string>,
) {
  const page = await context.newPage();
  for (const locale of LOCALES) {
    await setLocale(context, locale);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await page.locator('main h2').first().waitFor();
      await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        locale === 'ar' ? 'rtl' : 'ltr',
      );
      await check(page, locale, width);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      const shot = screenshot?.[`${locale}-${width}`];
      if (shot) await page.screenshot({ path: path.join(SCREENSHOTS, shot) });
    }
  }
  // The language is kept on the account: leave it as the other specs expect it.
  await setLocale(context, 'en');
  await page.close();
}

async function signedIn(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await newContext(browser);
  await signInByApi(context, email);
  return context;
}

async function read<T>(context: BrowserContext, url: string): Promise<T> {
  const response = await context.request.get(url);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

describe('each role’s home at phone, tablet and desktop widths, in English and Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it(
    'shows the course director their running session with its roster, results and evaluations',
    async () => {
      const context = await signedIn(browser, 'director@rabita.example');
      const home = await read<MySessionsHome>(context, '/api/v1/portal/my-sessions');
      const running = home.sessions.filter((s) => s.running);
      // The demo centre runs one of the director's sessions today.
      expect(running.length).toBeGreaterThan(0);
      expect(home.confirmsResults).toBe(true);
      await everyView(
        context,
        async (page, locale) => {
          for (const session of running) {
            await page
              .locator(`main a[href="/sessions/${session.code}/attendance"]`)
              .first()
              .waitFor();
          }
          for (const r of home.rostersToMark) {
            await page.locator(`main a[href="/sessions/${r.code}/attendance"]`).first().waitFor();
          }
          for (const r of home.resultsToConfirm) {
            await page.locator(`main a[href="/sessions/${r.code}/results"]`).waitFor();
          }
          for (const s of home.surveysToRead) {
            await page.locator(`main a[href="/sessions/${s.code}/surveys?level=1"]`).waitFor();
          }
          const title =
            locale === 'en' ? 'Running now and starting soon' : 'جارية الآن وقريبة البدء';
          await page.getByRole('heading', { level: 2, name: title }).waitFor();
          await expectTargets(page, 24);
        },
        { 'en-1366': 'home-director.png' },
      );
      await context.close();
    },
    SIX_VIEWS_MS,
  );

  it(
    'shows an instructor the roster of the session they teach, and says results are the director’s',
    async () => {
      const context = await signedIn(browser, 'instructor@rabita.example');
      const home = await read<MySessionsHome>(context, '/api/v1/portal/my-sessions');
      const running = home.sessions.filter((s) => s.running);
      expect(running.length).toBeGreaterThan(0);
      expect(home.sessions.every((s) => s.role === 'instructor')).toBe(true);
      await everyView(context, async (page, locale) => {
        await page
          .locator(`main a[href="/sessions/${running[0]?.code}/attendance"]`)
          .first()
          .waitFor();
        expect(await page.locator('main a[href$="/results"]').count()).toBe(0);
        await page
          .getByText(
            locale === 'en'
              ? 'The course director confirms results.'
              : 'مدير الدورة هو من يؤكد النتائج.',
            { exact: false },
          )
          .waitFor();
        await expectTargets(page, 24);
      });
      // Not the administrator's desk.
      expect((await context.request.get('/api/v1/portal/administration')).status()).toBe(403);
      await context.close();
    },
    SIX_VIEWS_MS,
  );

  it(
    'shows the administrator users waiting, failures, keys, backups and the version',
    async () => {
      const context = await signedIn(browser, 'admin@rabita.example');
      const home = await read<AdministrationHome>(context, '/api/v1/portal/administration');
      await everyView(
        context,
        async (page, locale) => {
          await page.locator('main a[href="/jobs/failed"]').waitFor();
          await page.locator('main a[href="/messages/outbox?status=failed"]').waitFor();
          await page.locator('main a[href="/users"]').first().waitFor();
          expect(await page.getByTestId('version').textContent()).toBe(home.version);
          await page.getByText('rabita backup /var/backups/rabita/').waitFor();
          if (home.usersWaiting.invitedTotal > 0) {
            const first = home.usersWaiting.invited[0];
            await page.getByText(first?.email ?? '', { exact: true }).waitFor();
          }
          const keys = locale === 'en' ? 'Signing keys' : 'مفاتيح التوقيع';
          await page.getByRole('heading', { level: 2, name: keys }).waitFor();
          await expectTargets(page, 24);
        },
        { 'en-1366': 'home-administrator.png' },
      );
      await context.close();
    },
    SIX_VIEWS_MS,
  );

  it(
    'tells the participant their certificates and a next session that is not over',
    async () => {
      const context = await signedIn(browser, 'participant@rabita.example');
      const home = await read<ParticipantHome>(context, '/api/v1/portal/my-training');
      const next = home.upcoming[0];
      // The demo participant has a session to come and a history of courses.
      expect(next).toBeDefined();
      expect(next && next.endDate >= next.today).toBe(true);
      const completed = home.past.filter((p) => p.result === 'completed').length;
      expect(completed).toBeGreaterThan(0);
      await everyView(
        context,
        async (page, locale) => {
          const record = page.locator('section[aria-labelledby="my-record"]');
          // Every completion has its certificate, so the two figures may be the same number.
          await record
            .getByText(String(home.certificates.valid), { exact: true })
            .first()
            .waitFor();
          await record.getByText(String(completed), { exact: true }).first().waitFor();
          const summary = await page.getByTestId('certificate-summary').textContent();
          if (locale === 'en') {
            expect(summary).not.toContain('You have no certificate yet');
            expect(summary).toContain(
              home.certificates.valid > 0 ? `You hold ${home.certificates.valid}` : `${completed}`,
            );
          }
          // The next session is the first to come, and no finished course is shown as next.
          const nextBox = page.locator('#next-session');
          await nextBox.getByText(next?.code ?? '', { exact: true }).waitFor();
          for (const past of home.past) {
            expect(await nextBox.getByText(past.code, { exact: true }).count()).toBe(0);
          }
          await expectTargets(page, 44);
        },
        { 'ar-390': 'home-participant-ar-phone.png' },
      );
      await context.close();
    },
    SIX_VIEWS_MS,
  );
});
