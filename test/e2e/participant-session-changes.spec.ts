import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import messagesAr from '../../src/web/i18n/parts/messages/ar.json' with { type: 'json' };
import { api, nominateAndSelect } from './support/api.js';
import { launchBrowser, newContext, setLocale, signInByApi } from './support/browser.js';
import { type ReceivedMail, readMailbox } from './support/mailbox.js';

const SESSION = 'CEIP-E2E-MOVE-27';
const PERSON = {
  given: 'Salem',
  family: 'Al-Ajmi',
  givenArabic: 'سالم',
  familyArabic: 'العجمي',
  email: 'salem.alajmi@kwt.example',
};
const PASSWORD = 'a harbour light in the long night';
// Sundays to Thursdays, the venue's working week.
const FIRST = { start: '2027-10-03', end: '2027-10-07' };
const MOVED = { start: '2027-10-10', end: '2027-10-14' };

/** The first message to one address whose subject (and text) match, once the mailbox has it. */
async function mailTo(address: string, subject: RegExp, text = /./): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = readMailbox(inject('mailDir')).find(
      (mail) => mail.to.includes(address) && subject.test(mail.subject) && text.test(mail.text),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} matching ${subject}`);
    await delay(250);
  }
}

function calendarOf(mail: ReceivedMail): string {
  const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!ics) throw new Error(`no calendar attachment in "${mail.subject}"`);
  return ics.content.replace(/\r\n[ \t]/g, '');
}

describe('a session moved and then cancelled reaches its Arabic-speaking participant', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let participant: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    const kuwait = await newContext(browser);
    await signInByApi(kuwait, 'npoc.kwt@rabita.example');

    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: 'CEIP',
      startDate: FIRST.start,
      endDate: FIRST.end,
      venueCode: 'KWI-NIRC',
      capacity: 4,
      language: 'ar',
      nominationOpens: new Date().toISOString().slice(0, 10),
      nominationCloses: '2027-09-01',
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    const person = await api<{ id: string }>(kuwait.request, 'POST', '/api/v1/participants', {
      nationCode: 'KWT',
      givenNamesLatin: PERSON.given,
      familyNameLatin: PERSON.family,
      givenNamesArabic: PERSON.givenArabic,
      familyNameArabic: PERSON.familyArabic,
      rankCode: 'OF-2',
      rankTitle: 'Captain',
      email: PERSON.email,
      confirmNotDuplicate: true,
    });
    await nominateAndSelect(
      kuwait.request,
      registrar.request,
      { sessionCode: SESSION, participantId: person.id },
      'Accepted for the energy security course.',
    );
    await kuwait.close();

    // Selected, he is invited to open an account; he does, and reads Rabita in Arabic.
    // The account invitation, whichever of his e-mails arrives first.
    const invitation = await mailTo(PERSON.email, /.*/, /\/password\/[\w-]+/);
    const link = invitation.text.match(/https?:\/\/\S+\/password\/[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    participant = await newContext(browser);
    const page = await participant.newPage();
    await page.goto(new URL(link as string).pathname);
    await page.getByLabel(/^New password|^كلمة المرور الجديدة/).fill(PASSWORD);
    await page.getByLabel(/^Repeat the password|^أعد كتابة كلمة المرور/).fill(PASSWORD);
    await page.getByRole('button', { name: /Save the password|احفظ كلمة المرور/ }).click();
    await page
      .getByRole('link', { name: /Sign in|تسجيل الدخول/ })
      .first()
      .waitFor();
    await page.close();
    const signIn = await participant.request.post('/api/v1/auth/login', {
      data: { email: PERSON.email, password: PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    await setLocale(participant, 'ar');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('tells him of new dates in Arabic, by e-mail with the calendar entry updated and under the bell', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}/edit`);
    await page.getByLabel(/^First day/).fill(MOVED.start);
    await page.getByLabel(/^Last day/).fill(MOVED.end);
    await page.getByRole('button', { name: 'Save changes' }).click();
    // The session page shows the new days.
    await page.getByText('10 – 14 Oct 2027').first().waitFor();

    const mail = await mailTo(PERSON.email, new RegExp(`تعديل على الدورة ${SESSION}`));
    expect(mail.text).toMatch(/^السيد\/السيدة /);
    expect(mail.text).toContain(SESSION);
    const ics = calendarOf(mail);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('DTSTART;VALUE=DATE:20271010');
    expect(ics).toMatch(/SEQUENCE:[1-9]/);

    const home = await participant.newPage();
    await home.goto('/');
    // His account reads Arabic: the page turns right to left once it knows who he is.
    await home.waitForFunction(() => document.documentElement.dir === 'rtl');
    const [bellStart] = messagesAr.notifications.bellLabel.split('{{count}}');
    await home.getByRole('button', { name: new RegExp(`^${bellStart}`) }).click();
    await home
      .getByRole('menu')
      .getByText(new RegExp(`عُدّلت الدورة ${SESSION}`))
      .waitFor();
    await home.close();
    await page.close();
  });

  it('cancels it: the seat is freed, his nomination ends, and his calendar entry is withdrawn', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('button', { name: 'Cancel session' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel ${SESSION}` });
    await dialog
      .getByLabel(/^Reason for cancelling/)
      .fill('The visiting team cannot travel in October.');
    await dialog.getByRole('button', { name: 'Cancel session' }).click();
    await dialog.waitFor({ state: 'detached' });

    const session = await api<{ status: string; seats: { taken: number } }>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}`,
    );
    expect(session.status).toBe('cancelled');
    const nominations = await api<{ items: { status: string }[] }>(
      registrar.request,
      'GET',
      `/api/v1/nominations?sessionCode=${SESSION}`,
    );
    expect(nominations.items.map((n) => n.status)).toEqual(['session-cancelled']);

    const mail = await mailTo(PERSON.email, new RegExp(`إلغاء الدورة ${SESSION}`));
    const ics = calendarOf(mail);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    await page.close();
  });
});
