import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, dateIn } from '../../src/domain/venue-calendar.js';
import lettersAr from '../../src/web/i18n/parts/visaLetters/ar.json' with { type: 'json' };
import lettersEn from '../../src/web/i18n/parts/visaLetters/en.json' with { type: 'json' };
import { api, nominateAndSelect } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';
import { readMailbox } from './support/mailbox.js';

const ACTIVITY = 'VISA-E2E';
const SESSION = 'VISA-E2E-A';
const PERSON = {
  given: 'Khalid',
  family: 'Al-Misnad',
  givenArabic: 'خالد',
  familyArabic: 'المسند',
};
const NAME = `${PERSON.given} ${PERSON.family}`;
const PASSPORT = 'Q00123456';
const en = lettersEn.visaLetters;
const ar = lettersAr.visaLetters;
const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

describe('visa invitation letters in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let qatar: BrowserContext;
  let kuwait: BrowserContext;
  let letterId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const signedIn = async (email: string) => {
      const context = await newContext(browser);
      await signInByApi(context, email);
      return context;
    };
    [registrar, qatar, kuwait] = await Promise.all([
      signedIn('registrar@rabita.example'),
      signedIn('npoc.qat@rabita.example'),
      signedIn('npoc.kwt@rabita.example'),
    ]);
    await setLocale(registrar, 'en');
    await setLocale(qatar, 'ar');
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
      title: { en: 'Port security', ar: 'أمن الموانئ' },
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
      quotas: [{ nationCode: 'QAT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    const person = await api<{ id: string }>(qatar.request, 'POST', '/api/v1/participants', {
      nationCode: 'QAT',
      givenNamesLatin: PERSON.given,
      familyNameLatin: PERSON.family,
      givenNamesArabic: PERSON.givenArabic,
      familyNameArabic: PERSON.familyArabic,
      rankCode: 'OF-3',
      rankTitle: 'Major',
      confirmNotDuplicate: true,
    });
    const nominationId = await nominateAndSelect(
      qatar.request,
      registrar.request,
      { sessionCode: SESSION, participantId: person.id },
      'Accepted for the port security course.',
    );
    await api(qatar.request, 'PUT', `/api/v1/nominations/${nominationId}/logistics`, {
      visaLetterRequested: 'yes',
      passportNumber: PASSPORT,
    });
  });

  afterAll(async () => {
    if (qatar) await setLocale(qatar, 'en').catch(() => {});
    await browser?.close();
  });

  it('lets the registrar issue the letter, which goes to Qatar by e-mail', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}/visa-letters`);
    await page.getByRole('heading', { name: fill(en.title, { code: SESSION }) }).waitFor();
    await page.getByRole('button', { name: fill(en.issueFor, { name: NAME }) }).click();
    await page.getByText(en.outcome.issued).waitFor();
    await page.getByText(en.issued, { exact: true }).waitFor();
    await expectAccessible(page);
    await page.close();
    const list = await api<{ rows: { letter: { id: string } | null }[] }>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}/visa-letters`,
    );
    letterId = list.rows[0]?.letter?.id ?? '';
    expect(letterId).toMatch(/^[\w-]{22}$/);
    await expect
      .poll(
        () =>
          readMailbox(inject('mailDir')).find(
            (mail) => mail.to.includes('npoc.qat@rabita.example') && mail.text.includes(letterId),
          ),
        { timeout: 60_000, interval: 500 },
      )
      .toBeDefined();
  });

  it("lets Qatar's NPOC read and download the letter in Arabic, on a phone too", async () => {
    const page = await qatar.newPage();
    await page.goto(`/sessions/${SESSION}/visa-letters`);
    await page.getByRole('heading', { name: fill(ar.title, { code: SESSION }) }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const link = page.getByRole('link', { name: fill(ar.downloadFor, { name: NAME }) });
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = await file.path();
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
    expect(text).toContain('رسالة دعوة لغرض الحصول على تأشيرة');
    expect(text).toContain('KHALID AL-MISNAD');
    expect(text).toContain(PASSPORT);
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'visa-letters-ar-390.png'), fullPage: true });
    await page.close();
  });

  it("keeps the letter from Kuwait's NPOC, also by its direct link", async () => {
    const response = await kuwait.request.get(`/api/v1/visa-letters/${letterId}.pdf`);
    expect(response.status()).toBe(404);
  });

  it('shows a consulate what the letter prints, without signing in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/verify/letter/${letterId}`);
    await page.getByText(en.valid).waitFor();
    await page.getByText(PASSPORT).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(shots, 'visa-letter-verify-en.png'), fullPage: true });
    await context.close();
  });
});
