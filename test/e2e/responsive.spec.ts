import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, setLocale, signInByApi } from './support/browser.js';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/screenshots',
);

type Locale = 'en' | 'ar';
const LOCALES: Locale[] = ['en', 'ar'];
const WIDTHS = [390, 768];
// Four page loads with axe each, on a machine that may be busy.
const SLOW = 240_000;
const SIGN_OUT = { en: 'Sign out', ar: 'تسجيل الخروج' };

async function signedIn(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await newContext(browser);
  await signInByApi(context, email);
  return context;
}

async function settled(page: Page, locale: Locale, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(
    locale === 'ar' ? 'rtl' : 'ltr',
  );
}

/** The page does not scroll sideways, nor does any box holding a table inside the page. */
async function expectNoSidewaysScroll(
  page: Page,
  where: string,
  tables = 'main table',
): Promise<void> {
  const found = await page.evaluate((selector) => {
    const wide: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) wide.push(`page ${root.scrollWidth}`);
    const main = document.querySelector('main');
    for (const table of document.querySelectorAll(selector)) {
      for (let box = table.parentElement; box && box !== main; box = box.parentElement) {
        if (box.scrollWidth > box.clientWidth + 1)
          wide.push(`${box.className} ${box.scrollWidth}/${box.clientWidth}`);
      }
    }
    return wide;
  }, tables);
  expect(found, where).toEqual([]);
}

/** Every control in the header lies whole inside the window, sign-out included. */
async function expectHeaderInView(page: Page, locale: Locale, where: string): Promise<void> {
  const signOut = page.locator('header').getByRole('button', { name: SIGN_OUT[locale] });
  await signOut.waitFor();
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('header button, header a')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({
        name: el.getAttribute('aria-label') ?? el.textContent,
        box: el.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.left < 0 || box.right > window.innerWidth || box.top < 0)
      .map(({ name }) => name),
  );
  expect(outside, where).toEqual([]);
}

/** axe's usual rules plus target-size (WCAG 2.2: 24 x 24 px, or that much room around). */
async function expectAccessibleTargets(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'target-size',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

describe('phones (390 px) and tablets (768 px), in English and Arabic', () => {
  let browser: Browser;
  let npoc: BrowserContext;
  let registrar: BrowserContext;
  let participant: BrowserContext;
  let pastCode: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    [npoc, registrar, participant] = await Promise.all([
      signedIn(browser, 'npoc.kwt@rabita.example'),
      signedIn(browser, 'registrar@rabita.example'),
      signedIn(browser, 'participant@rabita.example'),
    ]);
    const past = await registrar.request.get('/api/v1/sessions?status=completed');
    expect(past.status()).toBe(200);
    const first = ((await past.json()) as { items: { code: string }[] }).items[0];
    if (!first) throw new Error('the demo centre has no past session');
    pastCode = first.code;
  });
  afterAll(async () => {
    // Languages are kept on the accounts: leave them as the other specs expect them.
    for (const context of [npoc, registrar, participant]) await setLocale(context, 'en');
    await browser.close();
  });

  /** Opens the page at each width and language and checks what every page must hold. */
  async function check(
    context: BrowserContext,
    url: () => string,
    ready: string,
    more?: (page: Page, where: string) => Promise<void>,
    tables?: string,
  ): Promise<void> {
    for (const locale of LOCALES) {
      await setLocale(context, locale);
      const page = await context.newPage();
      for (const width of WIDTHS) {
        const where = `${url()} ${locale} ${width} px`;
        await page.setViewportSize({ width, height: 800 });
        await page.goto(url());
        await settled(page, locale, ready);
        await expectNoSidewaysScroll(page, where, tables);
        await expectHeaderInView(page, locale, where);
        await expectAccessibleTargets(page, where);
        await more?.(page, where);
      }
      await page.close();
    }
  }

  it(
    "on the NPOC's home, each open session a card with its nominate button in view",
    async () => {
      await check(
        npoc,
        () => '/',
        'main table',
        async (page, where) => {
          const nominate = page.locator('main a[href$="/nominate"]').first();
          await nominate.scrollIntoViewIfNeeded();
          const box = await nominate.boundingBox();
          expect(
            box && box.x >= 0 && box.x + box.width <= (page.viewportSize()?.width ?? 0),
            where,
          ).toBe(true);
          if (where === '/ ar 390 px') {
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-npoc-home-ar.png') });
          }
        },
      );
    },
    SLOW,
  );

  it(
    "on the registrar's logistics sheet of a past session",
    async () => {
      await check(registrar, () => `/sessions/${pastCode}/logistics`, 'main table tbody tr');
    },
    SLOW,
  );

  it(
    "on the participant's page: the survey's Answer button in view, 44 px, and working",
    async () => {
      await check(
        participant,
        () => '/',
        'main a[href^="/surveys/answer/"]',
        async (page, where) => {
          const answer = page.locator('main a[href^="/surveys/answer/"]').first();
          await answer.scrollIntoViewIfNeeded();
          const box = await answer.boundingBox();
          const width = page.viewportSize()?.width ?? 0;
          expect(box && box.x >= 0 && box.x + box.width <= width, where).toBe(true);
          expect(box && box.height >= 44 && box.width >= 44, where).toBe(true);
          await answer.click();
          await page.waitForURL(/\/surveys\/answer\//);
        },
        // The surveys' table; the training history below it is a page of its own being redone.
        'main table:has(a[href^="/surveys/answer/"])',
      );
    },
    SLOW,
  );

  it(
    'on the results table of a past session, readable at tablet width',
    async () => {
      await check(
        registrar,
        () => `/sessions/${pastCode}/results`,
        'main table tbody tr',
        async (page, where) => {
          // Every cell of the first participant lies whole inside the window.
          const cut = await page.evaluate(
            () =>
              [...document.querySelectorAll('main table tbody tr:first-child td')]
                .map((td) => td.getBoundingClientRect())
                .filter((box) => box.left < 0 || box.right > window.innerWidth).length,
          );
          expect(cut, where).toBe(0);
        },
      );
    },
    SLOW,
  );

  it(
    "on the NPOC's people list",
    async () => {
      await check(npoc, () => '/people', 'main table tbody tr');
    },
    SLOW,
  );

  it(
    'on the sessions list',
    async () => {
      await check(registrar, () => '/sessions?view=list', 'main table tbody tr');
    },
    SLOW,
  );

  it(
    'keeps the header whole at 320 px in Arabic and English',
    async () => {
      for (const locale of LOCALES) {
        await setLocale(npoc, locale);
        const page = await npoc.newPage();
        await page.setViewportSize({ width: 320, height: 640 });
        await page.goto('/people');
        await settled(page, locale, 'main table tbody tr');
        await expectHeaderInView(page, locale, `320 px ${locale}`);
        await expectNoSidewaysScroll(page, `320 px ${locale}`);
        await page.close();
      }
    },
    SLOW,
  );
});
