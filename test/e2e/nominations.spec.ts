import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../../src/web/i18n/ar.json' with { type: 'json' };
import nominationsAr from '../../src/web/i18n/parts/nominations/ar.json' with { type: 'json' };
import { api } from './support/api.js';
import { launchBrowser, newContext, setLocale, signInByApi } from './support/browser.js';
import { readMailbox } from './support/mailbox.js';

const ACTIVITY = 'CYB-E2E-LANG';
const SESSION = 'CYB-E2E-LANG-A';
const OVERLAPPING = 'CYB-E2E-LANG-B';
const KUWARI_EMAIL = 'khalid.alkuwari@qat.example';
const MARRI_EMAIL = 'jassim.almarri@qat.example';

function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

type Nomination = {
  id: string;
  status: string;
  participantId: string;
  participantName: { latin: string };
};

describe('nominations in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let qatar: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    qatar = await newContext(browser);
    await signInByApi(qatar, 'npoc.qat@rabita.example');
    await setLocale(qatar, 'ar');

    // A course that needs English 3222, and a session with one seat for Qatar and no pool, far
    // enough ahead that the demo's own nominations never overlap it.
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
      title: { en: 'Cyber incident handling (English 3222)', ar: 'التعامل مع الحوادث السيبرانية' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 5,
      prerequisites: { languages: [{ language: 'en', minimum: '3222' }] },
      status: 'active',
    });
    const start = isoDay(200);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: start,
      endDate: start,
      venueCode: 'KWI-NIRC',
      capacity: 2,
      nominationOpens: isoDay(-1),
      nominationCloses: isoDay(60),
      quotas: [
        { nationCode: 'QAT', seats: 1 },
        { nationCode: 'KWT', seats: 1 },
      ],
      joiningInstructions: { en: 'Report to the main gate at 07:30 in service dress.' },
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
  });
  afterAll(async () => {
    await setLocale(qatar, 'en');
    await browser.close();
  });

  it("takes Qatar's nominations in Arabic through selection, waitlist, withdrawal and promotion", async () => {
    const page = await qatar.newPage();

    // An officer who meets the English requirement: submitted at once.
    await page.goto(`/sessions/${SESSION}/nominate`);
    await page.getByLabel('البحث عن شخص').fill('Kuwari');
    await page.getByRole('radio', { name: /^AL-KUWARI,/i }).check();
    await page.getByText(/3332/).first().waitFor();
    await page.getByRole('button', { name: 'تقديم إلى المركز' }).click();
    await page.waitForURL(/\/nominations\/[0-9a-f-]{36}$/);
    const kuwariId = page.url().split('/').at(-1) as string;

    // An officer whose English is 2211, found by his name in Arabic script: the page says why.
    await page.goto(`/sessions/${SESSION}/nominate`);
    await page.getByLabel('البحث عن شخص').fill('المري');
    await page.getByRole('radio', { name: /AL-MARRI/i }).check();
    const reason = page.getByText(/2211.*3222|3222.*2211/).first();
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(/أدنى من المستوى المطلوب/);
    await page.getByRole('button', { name: 'حفظ كمسودة' }).click();
    await page.waitForURL(/\/nominations\/[0-9a-f-]{36}$/);
    const marriId = page.url().split('/').at(-1) as string;

    // The registrar accepts him in writing; Qatar submits him.
    await api(registrar.request, 'POST', `/api/v1/nominations/${marriId}/override`, {
      justification: 'The nation provides an interpreter for the whole course.',
    });
    await api(qatar.request, 'POST', `/api/v1/nominations/${marriId}/transitions`, {
      action: 'submit',
    });

    // The registrar selects one and waitlists the other on the selection board.
    const board = await registrar.newPage();
    await board.goto(`/sessions/${SESSION}/selection`);
    // Each bulk decision asks first, saying how many nominations from how many nations.
    await board.getByRole('checkbox', { name: /AL-KUWARI/ }).check();
    await board.getByRole('button', { name: 'Select', exact: true }).click();
    const selecting = board.getByRole('dialog', { name: 'Select the ticked nominations (1)?' });
    await selecting.getByText('Nominations: 1', { exact: true }).waitFor();
    await selecting.getByText('Nations: 1', { exact: true }).waitFor();
    await selecting.getByRole('button', { name: 'Select', exact: true }).click();
    await board.getByText("Seat from the nation's quota").waitFor();
    await board.getByRole('checkbox', { name: /AL-MARRI/ }).check();
    await board.getByRole('button', { name: 'Waitlist', exact: true }).click();
    await board
      .getByRole('dialog', { name: 'Waitlist the ticked nominations (1)?' })
      .getByRole('button', { name: 'Waitlist', exact: true })
      .click();
    await board.getByRole('heading', { name: 'Waitlist, in order (1)' }).waitFor();

    // Qatar withdraws the selected officer; the waitlisted one takes his seat at once.
    await page.goto(`/nominations/${kuwariId}`);
    await page.getByRole('button', { name: 'سحب' }).click();
    await page.getByLabel('السبب').fill('Operational commitment at home');
    await page.getByRole('dialog').getByRole('button', { name: 'سحب' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const promoted = await api<Nomination>(qatar.request, 'GET', `/api/v1/nominations/${marriId}`);
    expect(promoted.status).toBe('selected');
    await page.goto(`/nominations/${marriId}`);
    await page.getByText('مختار').first().waitFor();

    // His joining instructions reach him by e-mail, with the calendar invitation.
    const mailDir = inject('mailDir');
    await expect
      .poll(
        () =>
          readMailbox(mailDir).find(
            (mail) =>
              mail.to.includes(MARRI_EMAIL) &&
              mail.attachments.some(
                (a) => a.contentType.startsWith('text/calendar') && a.content.includes(SESSION),
              ),
          ),
        { timeout: 30_000, interval: 500 },
      )
      .toBeTruthy();
    // The first officer was told too, when he was selected.
    expect(readMailbox(mailDir).some((mail) => mail.to.includes(KUWARI_EMAIL))).toBe(true);
  });

  it('names the overlapping session when the registrar selects the same officer there, and takes a written override in Arabic', async () => {
    // A second session on the same day: the promoted officer is already selected on the first.
    const start = isoDay(200);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: OVERLAPPING,
      activityCode: ACTIVITY,
      startDate: start,
      endDate: start,
      venueCode: 'KWI-NIRC',
      capacity: 2,
      nominationOpens: isoDay(-1),
      nominationCloses: isoDay(60),
      quotas: [{ nationCode: 'QAT', seats: 1 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${OVERLAPPING}/transitions`, {
      to: 'announced',
    });
    const marri = (
      await api<{ items: Nomination[] }>(
        registrar.request,
        'GET',
        `/api/v1/nominations?sessionCode=${SESSION}&status=selected`,
      )
    ).items.find((n) => /AL-MARRI/i.test(n.participantName.latin));
    if (!marri) throw new Error('the promoted officer is not selected');
    // He fails the language rule (and is selected elsewhere): the registrar accepts that first.
    const draft = await api<Nomination>(qatar.request, 'POST', '/api/v1/nominations', {
      sessionCode: OVERLAPPING,
      participantId: marri.participantId,
    });
    await api(registrar.request, 'POST', `/api/v1/nominations/${draft.id}/override`, {
      justification: 'The nation provides an interpreter for the whole course.',
    });
    await api(qatar.request, 'POST', `/api/v1/nominations/${draft.id}/transitions`, {
      action: 'submit',
    });

    await setLocale(registrar, 'ar');
    const board = await registrar.newPage();
    await board.goto(`/sessions/${OVERLAPPING}/selection`);
    const t = nominationsAr.nominations;
    await board.getByRole('checkbox', { name: /AL-MARRI/ }).check();
    expect(await board.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await board
      .getByRole('group', { name: t.board.bulkLabel })
      .getByRole('button', { name: t.action.select })
      .click();
    await board
      .getByRole('dialog', { name: t.board.confirm.selectTitle.replace('{{count}}', '1') })
      .getByRole('button', { name: t.action.select, exact: true })
      .click();

    // Refused, naming the other session; the registrar writes why and selects anyway.
    const alert = board.getByRole('alert').filter({ hasText: t.selectionConflict.title });
    await alert.getByText(SESSION).first().waitFor();
    await alert.getByRole('button', { name: t.selectionConflict.confirm }).click();
    await alert.getByText(ar.validation.required).waitFor();
    const reason = 'يفتتح الدورة الثانية فقط ثم يعود إلى الأولى.';
    await alert.getByLabel(t.selectionConflict.reason).fill(reason);
    await alert.getByRole('button', { name: t.selectionConflict.confirm }).click();
    await alert.waitFor({ state: 'detached' });

    const selected = await api<Nomination & { timeline: { action: string; reason: string }[] }>(
      registrar.request,
      'GET',
      `/api/v1/nominations/${draft.id}`,
    );
    expect(selected.status).toBe('selected');
    expect(selected.timeline.at(-1)).toMatchObject({ action: 'select-over-conflict', reason });
    await setLocale(registrar, 'en');
  });

  it('lets the promoted officer open his account from the invitation and read his joining instructions', async () => {
    const mailDir = inject('mailDir');
    let link: string | undefined;
    await expect
      .poll(
        () => {
          const invitation = readMailbox(mailDir).find(
            (mail) => mail.to.includes(MARRI_EMAIL) && /\/password\/[\w-]+/.test(mail.text),
          );
          link = invitation?.text.match(/https?:\/\/\S+\/password\/[\w-]+/)?.[0];
          return link;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeTruthy();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(new URL(link as string).pathname);
    await page.getByLabel(/^New password/).fill('a long sentence to remember');
    await page.getByLabel(/^Repeat the password/).fill('a long sentence to remember');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('Your password is saved. Sign in with it now.').waitFor();

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(MARRI_EMAIL);
    await page.getByLabel(/^Password/).fill('a long sentence to remember');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(SESSION).first().waitFor();
    await page.getByText('Report to the main gate at 07:30 in service dress.').waitFor();
    await context.close();
  });
});
