import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nominationsEn from '../../src/web/i18n/parts/nominations/en.json' with { type: 'json' };
import { eligibilityOf } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const n = nominationsEn.nominations;

/** Presses Tab (only the keyboard) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  await target.first().waitFor();
  for (let i = 0; i < limit; i += 1) {
    if (await target.first().evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element's tag and text, to say where the focus landed. */
async function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => ({
    tag: document.activeElement?.tagName.toLowerCase() ?? '',
    text: document.activeElement?.textContent?.trim() ?? '',
  }));
}

async function csrf(context: BrowserContext): Promise<string> {
  return (await (await context.request.get('/api/v1/auth/me')).json()).csrfToken;
}

describe('keyboard only: nominate, then decide, with the focus where it should be', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an NPOC nominates and a registrar selects, never losing the focus', async () => {
    const npoc = await newContext(browser);
    await signInByApi(npoc, 'npoc.kwt@rabita.example');
    await setLocale(npoc, 'en');
    const portal = await (await npoc.request.get('/api/v1/portal/nation')).json();
    const code: string = portal.openSessions[0].code;
    // Someone of Kuwait this session may take who has no nomination for it yet.
    const people = await (await npoc.request.get('/api/v1/participants?limit=100')).json();
    const ids = people.items.map((p: { id: string }) => p.id);
    const checks = await eligibilityOf(npoc.request, code, ids);
    // A family name nobody else of Kuwait carries, so the search shows one person.
    const families = people.items.map((p: { familyNameLatin: string }) => p.familyNameLatin);
    const unique = (id: string) => {
      const family = people.items.find((p: { id: string }) => p.id === id)?.familyNameLatin;
      return families.filter((f: string) => f === family).length === 1;
    };
    const candidates = checks.filter(
      (c) => c.eligibility.eligible && c.existing === null && unique(c.participantId),
    );
    // Other specs add people of Kuwait (more than one page of them): the search by family name,
    // as the page runs it, must find this one person alone.
    let person: { id: string; familyNameLatin: string } | undefined;
    for (const candidate of candidates) {
      const one = people.items.find((p: { id: string }) => p.id === candidate.participantId);
      const found = await (
        await npoc.request.get(
          `/api/v1/participants?q=${encodeURIComponent(one.familyNameLatin)}&limit=5`,
        )
      ).json();
      if (found.items.length === 1 && found.items[0].id === one.id) {
        person = one;
        break;
      }
    }
    if (!person) throw new Error('nobody of Kuwait is free and eligible for the open session');
    expect(await csrf(npoc)).toBeTruthy();

    const page = await npoc.newPage();
    await page.goto(`/sessions/${code}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, page.getByRole('link', { name: n.nominate, exact: true }));
    await page.keyboard.press('Enter');
    // After a navigation the focus is on the new page's heading.
    await page.getByRole('heading', { level: 1, name: n.nominateTitle }).waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'h1', text: n.nominateTitle });

    await tabTo(page, page.getByRole('textbox', { name: n.searchPerson }));
    await page.keyboard.type(person.familyNameLatin);
    const radio = page.getByRole('radio', { name: new RegExp(person.familyNameLatin) });
    await expect.poll(() => radio.count()).toBe(1);
    // The search has answered and the person may be picked (their eligibility read).
    await expect.poll(() => page.getByRole('radio').count()).toBe(1);
    await expect.poll(() => radio.isEnabled()).toBe(true);
    await tabTo(page, radio);
    await page.keyboard.press('Space');
    expect(await radio.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: n.submit }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/nominations\/[0-9a-f-]{36}$/);
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe('h1');
    await npoc.close();

    const registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    const board = await registrar.newPage();
    await board.goto(`/sessions/${code}/selection`);
    await board.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(
      board,
      board.getByRole('checkbox', { name: new RegExp(person.familyNameLatin, 'i') }),
    );
    await board.keyboard.press('Space');
    const select = board.getByRole('group', { name: n.board.bulkLabel }).getByRole('button', {
      name: n.action.select,
    });
    await tabTo(board, select);
    await board.keyboard.press('Enter');
    const dialog = board.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(board);
    // Closed without deciding: back on the button that opened it.
    await board.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);

    await board.keyboard.press('Enter');
    await dialog.waitFor();
    // Cancel has the focus; the decision is one Tab further.
    await board.keyboard.press('Tab');
    expect(await focused(board)).toMatchObject({ tag: 'button', text: n.action.select });
    await board.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The result has the focus and is read out.
    const done = n.board.bulkDone.replace('{{ok}}', '1').replace('{{failed}}', '0');
    await expect.poll(() => focused(board)).toEqual({ tag: 'p', text: done });
    expect(await board.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    // Once: no toast repeats it.
    expect(await board.getByText(done).count()).toBe(1);
    await registrar.close();
  });
});
