import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, dateIn } from '../../src/domain/venue-calendar.js';
import ar from '../../src/web/i18n/ar.json' with { type: 'json' };
import arMessages from '../../src/web/i18n/parts/messages/ar.json' with { type: 'json' };
import arNominations from '../../src/web/i18n/parts/nominations/ar.json' with { type: 'json' };
import { formatDateRange } from '../../src/web/lib/dates.js';
import { api, nominateAndSelect } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';
import { readMailbox } from './support/mailbox.js';

const ACTIVITY = 'CHG-E2E';
const SESSION = 'CHG-E2E-A';

/** The first day on or after `date` that falls on `weekday` (0 Sunday). */
function next(weekday: number, date: string): string {
  let day = date;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== weekday) day = addDays(day, 1);
  return day;
}

/**
 * The registrar moves and then cancels a session through its pages; Kuwait's NPOC, reading
 * Arabic, hears of each under the bell and by e-mail, and sees the nomination end as
 * "session cancelled".
 */
describe('changing and cancelling a session in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let kuwait: BrowserContext;
  let nominationId: string;
  const today = dateIn(new Date(), 'Asia/Kuwait');
  const start = next(0, addDays(today, 45));
  const moved = next(0, addDays(start, 14));

  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    kuwait = await newContext(browser);
    await signInByApi(kuwait, 'npoc.kwt@rabita.example');
    await setLocale(kuwait, 'ar');

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
      title: { en: 'Crisis communication', ar: 'التواصل في الأزمات' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 5,
      status: 'active',
    });
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: start,
      endDate: addDays(start, 4),
      venueCode: 'KWI-NIRC',
      capacity: 6,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 20),
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    const person = await api<{ id: string }>(kuwait.request, 'POST', '/api/v1/participants', {
      nationCode: 'KWT',
      givenNamesLatin: 'Bader',
      familyNameLatin: 'AL-RASHIDI',
      givenNamesArabic: 'بدر',
      familyNameArabic: 'الرشيدي',
      rankCode: 'OF-3',
      rankTitle: 'Major',
      confirmNotDuplicate: true,
    });
    nominationId = await nominateAndSelect(
      kuwait.request,
      registrar.request,
      { sessionCode: SESSION, participantId: person.id },
      'Accepted for the crisis communication course.',
    );
  });
  afterAll(() => browser.close());

  it('moves the session through its edit page, and refuses a Friday', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}/edit`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const friday = next(5, moved);
    await page.getByLabel(/^First day/).fill(friday);
    await page.getByLabel(/^Last day/).fill(addDays(friday, 6));
    await page.getByRole('button', { name: 'Save changes' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The session cannot move there' });
    await refused.waitFor();
    await refused.getByText('is not a working day at the venue').waitFor();
    await expectAccessible(page);

    await page.getByLabel(/^First day/).fill(moved);
    await page.getByLabel(/^Last day/).fill(addDays(moved, 4));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/sessions/${SESSION}$`));
    await page
      .getByText(formatDateRange(moved, addDays(moved, 4), 'en').gregorian)
      .first()
      .waitFor();
  });

  it('tells Kuwait in Arabic under the bell and by e-mail, with the calendar update', async () => {
    const page = await kuwait.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /الإشعارات|Notifications/ }).click();
    const changed = arMessages.notifications.kinds['session-changed'].split('{{')[0] ?? '';
    await page
      .getByRole('menuitem')
      .filter({ hasText: SESSION })
      .filter({ hasText: changed.trim() })
      .first()
      .waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ar']);
    await expect
      .poll(() =>
        readMailbox(inject('mailDir')).some(
          (m) => m.subject.startsWith(`تعديل على الدورة ${SESSION}`) && m.text.includes('←'),
        ),
      )
      .toBe(true);
  });

  it('cancels through the dialog; Kuwait sees the nomination end as "session cancelled"', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('button', { name: 'Cancel session' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel ${SESSION}` });
    await dialog.getByLabel(/^Reason for cancelling/).fill('The venue is closed for works.');
    await dialog.getByRole('button', { name: 'Cancel session' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('The venue is closed for works.').waitFor();

    const nomination = await kuwait.newPage();
    await nomination.goto(`/nominations/${nominationId}`);
    await nomination
      .getByText(arNominations.nominations.status['session-cancelled'], { exact: true })
      .first()
      .waitFor();
    await nomination.getByText(arNominations.nominations.event['session-cancel']).waitFor();
    await expectAccessible(nomination);
    const session = await kuwait.newPage();
    await session.goto(`/sessions/${SESSION}`);
    await session.getByText(ar.sessions.cancelledTitle).waitFor();
  });
});
