import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../src/web/i18n/ar.json' with { type: 'json' };
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import messagesAr from '../../src/web/i18n/parts/messages/ar.json' with { type: 'json' };
import messagesEn from '../../src/web/i18n/parts/messages/en.json' with { type: 'json' };
import nominationsAr from '../../src/web/i18n/parts/nominations/ar.json' with { type: 'json' };
import nominationsEn from '../../src/web/i18n/parts/nominations/en.json' with { type: 'json' };
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

type Locale = 'en' | 'ar';
const LOCALES: readonly Locale[] = ['en', 'ar'];
const text = {
  en: { ...en, ...messagesEn, ...nominationsEn },
  ar: { ...ar, ...messagesAr, ...nominationsAr },
};

/** "Notifications: {{count}} unread" with any count. */
function bellName(locale: Locale): RegExp {
  const [before] = text[locale].notifications.bellLabel.split('{{count}}');
  return new RegExp(`^${before}`);
}

/** The page has its heading, the language asked for, and nothing still loading. */
async function settled(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  expect(
    await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
  ).toEqual(locale === 'ar' ? ['ar', 'rtl'] : ['en', 'ltr']);
}

async function signedIn(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await newContext(browser);
  await signInByApi(context, email);
  return context;
}

async function getJson<T>(context: BrowserContext, url: string): Promise<T> {
  const response = await context.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The first item, which the demo centre is known to have. */
function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('the demo centre has none');
  return item;
}

interface NominationRow {
  id: string;
  nationCode: string;
  participantName: { latin: string; arabic: string | null };
}

describe('the nominations, people, portal and messages pages', () => {
  let browser: Browser;
  let kuwait: BrowserContext;
  let registrar: BrowserContext;
  let admin: BrowserContext;
  let nominator: BrowserContext;
  let qatar: BrowserContext;
  /** The first session open to Kuwait by deadline: selected nominations and a proposal. */
  let openCode: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    [kuwait, registrar, admin, nominator, qatar] = await Promise.all([
      signedIn(browser, 'npoc.kwt@rabita.example'),
      signedIn(browser, 'registrar@rabita.example'),
      signedIn(browser, 'admin@rabita.example'),
      signedIn(browser, 'nominator.kwt@rabita.example'),
      signedIn(browser, 'npoc.qat@rabita.example'),
    ]);
    const portal = await getJson<{ openSessions: { code: string }[] }>(
      kuwait,
      '/api/v1/portal/nation',
    );
    openCode = first(portal.openSessions).code;
  });
  afterAll(async () => {
    // Languages are kept on the accounts: leave them as the other specs expect them.
    for (const context of [kuwait, registrar, admin, nominator, qatar]) {
      await setLocale(context, 'en');
    }
    await browser.close();
  });

  describe('accessibility (axe-core): no serious or critical violations, in English and Arabic', () => {
    it("on Kuwait's My nation page", async () => {
      for (const locale of LOCALES) {
        await setLocale(kuwait, locale);
        const page = await kuwait.newPage();
        await page.goto('/');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on Kuwait's nominations list and one nomination", async () => {
      const list = await getJson<{ items: NominationRow[] }>(kuwait, '/api/v1/nominations');
      const id = first(list.items).id;
      for (const locale of LOCALES) {
        await setLocale(kuwait, locale);
        const page = await kuwait.newPage();
        await page.goto('/nominations');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.goto(`/nominations/${id}`);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on Kuwait's people list and one person", async () => {
      const people = await getJson<{ items: { id: string }[] }>(kuwait, '/api/v1/participants');
      const id = first(people.items).id;
      for (const locale of LOCALES) {
        await setLocale(kuwait, locale);
        const page = await kuwait.newPage();
        await page.goto('/people');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.goto(`/people/${id}`);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it('on the nominate page of an open session, with people and their eligibility shown', async () => {
      for (const locale of LOCALES) {
        await setLocale(kuwait, locale);
        const page = await kuwait.newPage();
        await page.goto(`/sessions/${openCode}/nominate`);
        await page.getByRole('radio').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on the registrar's selection board and logistics sheet", async () => {
      for (const locale of LOCALES) {
        await setLocale(registrar, locale);
        const page = await registrar.newPage();
        await page.goto(`/sessions/${openCode}/selection`);
        await page.getByRole('checkbox').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.goto(`/sessions/${openCode}/logistics`);
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it('on a selection board whose automatic promotion is paused, saying so', async () => {
      // The demo centre pauses promotion on the session where it keeps a waitlist.
      const portal = await getJson<{ openSessions: { code: string }[] }>(
        kuwait,
        '/api/v1/portal/nation',
      );
      let pausedCode: string | null = null;
      for (const { code } of portal.openSessions) {
        const board = await getJson<{ promotionPaused: boolean }>(
          registrar,
          `/api/v1/sessions/${code}/selection-board`,
        );
        if (board.promotionPaused) pausedCode = code;
      }
      expect(pausedCode).not.toBeNull();
      for (const locale of LOCALES) {
        await setLocale(registrar, locale);
        const page = await registrar.newPage();
        await page.goto(`/sessions/${pausedCode}/selection`);
        await page.getByText(text[locale].nominations.board.promotionPaused).waitFor();
        await page
          .getByRole('button', { name: text[locale].nominations.board.promotionResume })
          .waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on the administrator's templates and outbox", async () => {
      for (const locale of LOCALES) {
        await setLocale(admin, locale);
        const page = await admin.newPage();
        await page.goto('/messages/templates');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.goto('/messages/outbox');
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it('on the notifications menu, opened', async () => {
      for (const locale of LOCALES) {
        await setLocale(kuwait, locale);
        const page = await kuwait.newPage();
        await page.goto('/');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await page.getByRole('button', { name: bellName(locale) }).click();
        await page.getByRole('menu').waitFor();
        await page.getByText(text[locale].notifications.title, { exact: true }).waitFor();
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on the registrar's Centre today", async () => {
      for (const locale of LOCALES) {
        await setLocale(registrar, locale);
        const page = await registrar.newPage();
        await page.goto('/');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });

    it("on the nominator's My proposals", async () => {
      for (const locale of LOCALES) {
        await setLocale(nominator, locale);
        const page = await nominator.newPage();
        await page.goto('/');
        await page.getByRole('table').first().waitFor();
        await settled(page, locale);
        await expectAccessible(page);
        await page.close();
      }
    });
  });

  it("never shows Qatar's nominations to Kuwait's national point of contact", async () => {
    const qatari = await getJson<{ items: NominationRow[] }>(
      qatar,
      '/api/v1/nominations?limit=100',
    );
    expect(qatari.items.length).toBeGreaterThan(0);
    expect(new Set(qatari.items.map((n) => n.nationCode))).toEqual(new Set(['QAT']));
    const own = await getJson<{ items: NominationRow[] }>(kuwait, '/api/v1/nominations?limit=100');
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((n) => n.nationCode))).toEqual(new Set(['KWT']));

    await setLocale(kuwait, 'en');
    const page = await kuwait.newPage();
    await page.goto('/nominations');
    const rows = page.getByRole('table').last().locator('tbody tr');
    await rows.first().waitFor();
    // Every page of the list, so a Qatari row could not hide behind "Load more".
    const more = page.getByRole('button', { name: text.en.common.loadMore });
    while (await more.isVisible()) {
      const before = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    const shown = await rows.allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row).not.toMatch(/\bQAT\b/);
    const qatariNames = new Set(qatari.items.map((n) => n.participantName.latin));
    for (const name of qatariNames) expect(shown.join('\n')).not.toContain(name);

    const target = first(qatari.items);
    await page.goto(`/nominations/${target.id}`);
    await page.getByRole('alert').filter({ hasText: text.en.errors.notFound }).waitFor();
    expect(await page.getByText(target.participantName.latin).count()).toBe(0);
    await page.close();
  });
});

// The README's pictures, taken with the demo centre on demand: RABITA_SCREENSHOTS=1.
if (process.env.RABITA_SCREENSHOTS === '1') {
  const shots = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../docs/screenshots',
  );

  describe('README screenshots', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser.close());

    async function shoot(page: Page, name: string) {
      // The pointer would otherwise leave a hover highlight on whatever it last touched.
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(shots, name), fullPage: true });
    }

    it('takes the selection board, My nation, nominate and people pictures', async () => {
      const kuwait = await signedIn(browser, 'npoc.kwt@rabita.example');
      const portal = await getJson<{ openSessions: { code: string }[] }>(
        kuwait,
        '/api/v1/portal/nation',
      );
      const openCode = first(portal.openSessions).code;

      const registrar = await signedIn(browser, 'registrar@rabita.example');
      await setLocale(registrar, 'en');
      const board = await registrar.newPage();
      await board.goto(`/sessions/${openCode}/selection`);
      await board.getByRole('checkbox').first().waitFor();
      await settled(board, 'en');
      await shoot(board, 'selection-board.png');

      await setLocale(kuwait, 'ar');
      const page = await kuwait.newPage();
      await page.goto('/');
      await page.getByRole('table').first().waitFor();
      await settled(page, 'ar');
      await shoot(page, 'my-nation-ar.png');

      await page.goto(`/sessions/${openCode}/nominate`);
      await page.getByRole('radio').first().waitFor();
      const searched = page.waitForResponse(
        (r) => r.url().includes('/api/v1/participants') && r.url().includes('q='),
      );
      await page.getByRole('textbox', { name: text.ar.nominations.searchPerson }).fill('Al');
      await searched;
      await page.getByRole('radio').first().waitFor();
      await settled(page, 'ar');
      await shoot(page, 'nominate-ar.png');

      await page.goto('/people');
      await page.getByRole('table').first().waitFor();
      await settled(page, 'ar');
      await shoot(page, 'people-ar.png');
    });
  });
}
