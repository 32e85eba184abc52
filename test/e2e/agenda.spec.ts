import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Agenda,
  LetterVerification,
  SessionLecturerLetters,
} from '../../src/contract/index.js';
import { addDays, dateIn } from '../../src/domain/venue-calendar.js';
import { api } from './support/api.js';
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
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
// A passport name holds letters only.
const lettersOnly = suffix.replace(/\d/g, (d) => 'ABCDEFGHIJ'.charAt(Number(d)));
const ACTIVITY = `AGENDA-E2E-${suffix}`;
const SESSION = `AGENDA-E2E-${suffix}-A`;
const ROOM = `Agenda hall ${suffix}`;
const SPEAKERS = [
  { nameLatin: `Amira Haddad ${suffix}`, nameArabic: 'أميرة حداد' },
  { nameLatin: `Jan Novak ${suffix}`, nameArabic: 'يان نوفاك' },
];
const TITLE = { en: 'Opening: the Gulf security picture', ar: 'الافتتاح: صورة الأمن في الخليج' };

describe('a session agenda in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let qatar: BrowserContext;
  let firstDay: string;
  const speakerIds: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const signedIn = async (email: string) => {
      const context = await newContext(browser);
      await signInByApi(context, email);
      return context;
    };
    [registrar, qatar] = await Promise.all([
      signedIn('registrar@rabita.example'),
      signedIn('npoc.qat@rabita.example'),
    ]);
    await setLocale(registrar, 'en');
    await setLocale(qatar, 'ar');
    const today = dateIn(new Date(), 'Asia/Kuwait');
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
      type: 'dialogue-event',
      title: { en: 'Gulf security dialogue', ar: 'حوار أمن الخليج' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 2,
      status: 'active',
    });
    firstDay = addDays(today, 75);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: firstDay,
      endDate: addDays(firstDay, 1),
      venueCode: 'KWI-NIRC',
      capacity: 6,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 30),
      quotas: [{ nationCode: 'QAT', seats: 2 }],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    // Qatar has a person selected on the session: its NPOC reads the published agenda.
    const person = await api<{ id: string }>(qatar.request, 'POST', '/api/v1/participants', {
      nationCode: 'QAT',
      givenNamesLatin: 'Hamad',
      familyNameLatin: `Al-Kuwari ${lettersOnly}`,
      rankCode: 'OF-3',
      rankTitle: 'Major',
      confirmNotDuplicate: true,
    });
    // Seats at a dialogue are by invitation: the centre invites him, Qatar accepts.
    const invited = await api<{ items: { nominationId: string }[] }>(
      registrar.request,
      'POST',
      `/api/v1/sessions/${SESSION}/invitations`,
      { invitees: [{ participantId: person.id, role: 'delegate' }], message: null },
    );
    const [invitation] = invited.items;
    if (!invitation) throw new Error('the invitation was not made');
    await api(qatar.request, 'POST', `/api/v1/invitations/${invitation.nominationId}/rsvp`, {
      answer: 'accept',
    });
    for (const speaker of SPEAKERS) {
      const made = await api<{ id: string }>(registrar.request, 'POST', '/api/v1/lecturers', {
        kind: 'external',
        ...speaker,
      });
      speakerIds.push(made.id);
    }
    await api(registrar.request, 'POST', '/api/v1/venues/KWI-NIRC/rooms', {
      name: ROOM,
      capacity: 40,
    });
  });

  afterAll(async () => {
    if (qatar) await setLocale(qatar, 'en').catch(() => {});
    await browser?.close();
  });

  it('the registrar builds and publishes an agenda; Qatar’s NPOC reads it in Arabic on a phone', async () => {
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    const section = page.getByRole('region', { name: 'Agenda' });
    await section.getByText('No items yet.').waitFor();
    await section.getByRole('button', { name: 'Add an item' }).click();
    const form = page.getByRole('dialog', { name: 'Add an item' });
    await form.getByLabel('Title (English)').fill(TITLE.en);
    await form.getByLabel('Title (Arabic)').fill(TITLE.ar);
    await form.getByLabel('Starts').fill(`${firstDay}T09:30`);
    await form.getByLabel('Ends').fill(`${firstDay}T11:00`);
    for (const speaker of SPEAKERS) {
      await form.getByRole('combobox', { name: 'Speakers' }).fill(suffix);
      await page.getByRole('option', { name: speaker.nameLatin }).click();
    }
    await page.keyboard.press('Escape');
    await form.getByRole('combobox', { name: 'Room', exact: true }).click();
    await page.getByRole('option', { name: ROOM }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await section.getByText(TITLE.en).waitFor();
    await expectAccessible(page);
    await section.getByRole('button', { name: 'Publish the agenda' }).click();
    await section.getByText('Published', { exact: true }).waitFor();
    const agenda = await api<Agenda>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}/agenda`,
    );
    expect(agenda.status).toBe('published');
    expect(agenda.items[0]?.speakers).toHaveLength(2);
    expect(agenda.items[0]?.room?.name).toBe(ROOM);
    expect(agenda.items[0]?.localStartsAt).toBe(`${firstDay}T09:30`);

    const phone = await qatar.newPage();
    await phone.setViewportSize({ width: 390, height: 800 });
    await phone.goto(`/sessions/${SESSION}`);
    const read = phone.getByRole('region', { name: 'جدول الأعمال' });
    await read.getByText(TITLE.ar).waitFor();
    await read.getByText(/أميرة حداد/).waitFor();
    await read.getByText(/09:30–11:00/).waitFor();
    expect(await phone.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await read.getByRole('button', { name: 'إضافة بند' }).count()).toBe(0);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(phone);
    await read.screenshot({ path: path.join(SCREENSHOTS, 'agenda-ar-390.png') });
  });

  it('e-mails a speaker’s invitation letter, and says why another’s was not sent', async () => {
    // Both have passport data; only the first has an e-mail in the registry.
    const [amira, jan] = SPEAKERS.map((speaker, i) => ({
      ...speaker,
      id: speakerIds[i] as string,
    }));
    if (!amira || !jan) throw new Error('the speakers were not made');
    await api(registrar.request, 'PATCH', `/api/v1/lecturers/${amira.id}`, {
      email: `amira.${suffix.toLowerCase()}@experts.example`,
      passportName: `AMIRA HADDAD ${lettersOnly}`,
      passportNumber: 'N1234567',
      nationalityCode: 'QAT',
    });
    await api(registrar.request, 'PATCH', `/api/v1/lecturers/${jan.id}`, {
      passportName: `JAN NOVAK ${lettersOnly}`,
      passportNumber: 'CZ998877',
      nationalityCode: 'KWT',
    });
    for (const lecturer of [amira, jan]) {
      await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/lecturers`, {
        lecturerId: lecturer.id,
        role: 'speaker',
        confirmConflicts: true,
      });
    }
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    const letters = page.getByRole('region', { name: "Lecturers' invitation letters" });
    await letters.getByRole('button', { name: `Issue the letter of ${amira.nameLatin}` }).click();
    // The address is isolated from the sentence around it (U+2068…U+2069), for Arabic.
    await letters.getByText(new RegExp(`E-mailed to .amira\\.${suffix.toLowerCase()}@`)).waitFor();
    await letters.getByRole('button', { name: `Issue the letter of ${jan.nameLatin}` }).click();
    await letters
      .getByRole('status')
      .getByText(/not sent: the lecturer registry has no e-mail for them/)
      .waitFor();
    await letters
      .getByText('Not sent: no e-mail on their record in the lecturer registry')
      .waitFor();
    await expectAccessible(page);

    // The same in Arabic, right to left, the address kept whole inside the sentence.
    await setLocale(registrar, 'ar');
    try {
      const arabic = await registrar.newPage();
      await arabic.goto(`/sessions/${SESSION}`);
      const section = arabic.getByRole('region', { name: 'رسائل دعوة المحاضرين' });
      await section.getByText('لم تُرسل: لا يوجد بريد إلكتروني في سجله في سجل المحاضرين').waitFor();
      await section
        .getByText(
          `أُرسلت بالبريد الإلكتروني إلى \u2068amira.${suffix.toLowerCase()}@experts.example\u2069`,
        )
        .waitFor();
      expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
      await expectAccessible(arabic);
    } finally {
      await setLocale(registrar, 'en');
    }

    // Taken off the session, her letter is revoked, not deleted: a consulate reads "revoked".
    const before = await api<SessionLecturerLetters>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}/lecturer-letters`,
    );
    const letterId = before.rows.find((r) => r.lecturerId === amira.id)?.letter?.id;
    expect(letterId).toBeTruthy();
    const again = await registrar.newPage();
    await again.goto(`/sessions/${SESSION}`);
    await again.getByRole('button', { name: `Take ${amira.nameLatin} off this session` }).click();
    await again.getByText(`${amira.nameLatin} is off the session`, { exact: false }).waitFor();
    await again
      .getByRole('region', { name: "Lecturers' invitation letters" })
      .getByRole('button', { name: `Issue the letter of ${amira.nameLatin}` })
      .waitFor({ state: 'detached' });
    const verified = await api<LetterVerification>(
      registrar.request,
      'GET',
      `/api/v1/verify/letters/${letterId}`,
    );
    expect(verified.status).toBe('revoked');
  });
});
