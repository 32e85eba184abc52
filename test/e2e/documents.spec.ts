import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateIn } from '../../src/domain/venue-calendar.js';
import documentsAr from '../../src/web/i18n/parts/documents/ar.json' with { type: 'json' };
import documentsEn from '../../src/web/i18n/parts/documents/en.json' with { type: 'json' };
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const ACTIVITY = 'DOCS-E2E';
const SESSION = 'DOCS-E2E-A';
const en = documentsEn.documents;
const ar = documentsAr.documents;
const AGENDA = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('session documents in the browser', () => {
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
    await setLocale(kuwait, 'en');
    const venue = await api<{ timeZone: string }>(
      registrar.request,
      'GET',
      '/api/v1/venues/KWI-NIRC',
    );
    const today = dateIn(new Date(), venue.timeZone);
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
      title: { en: 'Harbour protection', ar: 'حماية الموانئ' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 2,
      status: 'active',
    });
    const later = addDays(today, 60);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: later,
      endDate: addDays(later, 1),
      venueCode: 'KWI-NIRC',
      capacity: 4,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 30),
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets the registrar upload an agenda for the nations, and Kuwait's NPOC download it", async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('heading', { name: en.title }).waitFor();
    await page.getByText(en.emptyManager).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'agenda.pdf',
      mimeType: 'application/pdf',
      buffer: AGENDA,
    });
    // The file's name is offered as the English title; the registrar writes it in full.
    const english = page.getByRole('textbox', { name: en.titleEn });
    expect(await english.inputValue()).toBe('agenda');
    await english.fill('Agenda, week one');
    await page.getByRole('textbox', { name: en.titleAr }).fill('جدول الأعمال، الأسبوع الأول');
    await page.getByRole('combobox', { name: en.kind }).click();
    await page.getByRole('option', { name: en.kinds.agenda, exact: true }).click();
    await page.getByRole('combobox', { name: en.audience }).click();
    await page.getByRole('option', { name: en.audiences.nations }).click();
    await page.getByRole('button', { name: en.upload }).click();
    await page.getByRole('link', { name: 'Agenda, week one' }).waitFor();
    await expectAccessible(page);
    await page.close();

    const npoc = await kuwait.newPage();
    await npoc.goto(`/sessions/${SESSION}`);
    const link = npoc.getByRole('link', { name: 'Agenda, week one' });
    await link.waitFor();
    expect(await npoc.getByRole('button', { name: en.upload }).count()).toBe(0);
    const [download] = await Promise.all([npoc.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('agenda.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(AGENDA)).toBe(true);
    await expectAccessible(npoc);
    await npoc.close();
  });

  it("deletes a document after the app's own confirmation, in Arabic", async () => {
    const page = await registrar.newPage();
    await setLocale(registrar, 'ar');
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('link', { name: 'جدول الأعمال، الأسبوع الأول' }).waitFor();
    await page.getByRole('button', { name: `${ar.delete} جدول الأعمال، الأسبوع الأول` }).click();
    const dialog = page.getByRole('dialog', { name: ar.deleteTitle });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: ar.delete, exact: true }).click();
    await page.getByText(ar.emptyManager).waitFor();
    await setLocale(registrar, 'en');
    await page.close();
  });
});
