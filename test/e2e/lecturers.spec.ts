import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, SessionRoom } from '../../src/contract/index.js';
import { addDays } from '../../src/domain/venue-calendar.js';
import { api } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';

const today = new Date().toISOString().slice(0, 10);
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const FIRST = `LECT-E2E-${suffix}-A`;
const SECOND = `LECT-E2E-${suffix}-B`;
const NAME = `Dr Amira Haddad ${suffix}`;
const ROOM = `E2E hall ${suffix}`;

describe('lecturers and rooms in the browser', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await setLocale(registrar, 'en');
    // Two sessions a year ahead that share their last and first day.
    const start = addDays(today, 400);
    for (const [code, first] of [
      [FIRST, start],
      [SECOND, addDays(start, 4)],
    ] as const) {
      await api(registrar.request, 'POST', '/api/v1/sessions', {
        code,
        activityCode: 'CEIP',
        startDate: first,
        endDate: addDays(first, 4),
        venueCode: 'KWI-NIRC',
        capacity: 20,
        nominationOpens: today,
        nominationCloses: addDays(today, 30),
        quotas: [],
      });
    }
  });
  afterAll(async () => {
    await setLocale(registrar, 'en');
    await browser.close();
  });

  it('adds an outside lecturer, assigns them, books a room, and warns on an overlapping session', async () => {
    const page = await registrar.newPage();
    await page.goto('/lecturers');
    await page.getByRole('heading', { level: 1, name: 'Lecturers and speakers' }).waitFor();
    await page.getByRole('button', { name: 'Add a lecturer' }).click();
    const form = page.getByRole('dialog', { name: 'Add a lecturer' });
    await form.getByLabel(/^Name in Latin script/).fill(NAME);
    await form.getByLabel(/^Name in Arabic script/).fill('د. أميرة حداد');
    await form.getByLabel(/^Institution/).fill('JCBRN Defence COE');
    await form.getByLabel(/^E-mail/).fill(`haddad.${suffix.toLowerCase()}@coe.example`);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill(suffix);
    await page.getByText(NAME, { exact: true }).waitFor();
    await expectAccessible(page);

    // A room of the venue, from the venue's page.
    await page.goto('/venues/KWI-NIRC');
    await page.getByRole('button', { name: 'Add a room' }).click();
    const roomForm = page.getByRole('dialog', { name: 'Add a room' });
    await roomForm.getByLabel(/^Name/).fill(ROOM);
    await roomForm.getByLabel(/^Seats/).fill('12');
    await roomForm.getByRole('button', { name: 'Save' }).click();
    await roomForm.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: ROOM, exact: true }).waitFor();

    // The first session: the lecturer and the room.
    await page.goto(`/sessions/${FIRST}`);
    const lecturers = page.getByRole('region', { name: 'Lecturers' });
    await lecturers.getByText('No lecturer on this session yet.', { exact: false }).waitFor();
    await lecturers.getByRole('combobox', { name: 'Lecturer' }).fill(suffix);
    await page.getByRole('option', { name: new RegExp(NAME) }).click();
    await lecturers.getByRole('button', { name: 'Assign' }).click();
    await lecturers.getByText(NAME, { exact: true }).waitFor();
    const room = page.getByRole('region', { name: 'Room and interpretation' });
    await room.getByRole('combobox', { name: 'Room' }).click();
    await page.getByRole('option', { name: new RegExp(ROOM) }).click();
    await room.getByRole('button', { name: 'Book', exact: true }).click();
    await room.getByText(`Booked: ${ROOM} (12 seats).`).waitFor();
    await room.getByText("The room seats 8 fewer than the session's 20.").waitFor();
    await expectAccessible(page);

    // The second session shares a day: both the lecturer and the room warn, then are kept.
    await page.goto(`/sessions/${SECOND}`);
    const second = page.getByRole('region', { name: 'Lecturers' });
    await second.getByRole('combobox', { name: 'Lecturer' }).fill(suffix);
    await page.getByRole('option', { name: new RegExp(NAME) }).click();
    await second.getByRole('button', { name: 'Assign' }).click();
    const warning = second.getByRole('alert');
    await warning.getByText('This lecturer may not be free').waitFor();
    await warning.getByText(new RegExp(`Already Lecturer on .${FIRST}`)).waitFor();
    expect(
      await api<Assignment[]>(registrar.request, 'GET', `/api/v1/sessions/${SECOND}/lecturers`),
    ).toEqual([]);
    await expectAccessible(page);
    await warning.getByRole('button', { name: 'Assign anyway' }).click();
    await second.getByText('1 conflict').waitFor();

    const secondRoom = page.getByRole('region', { name: 'Room and interpretation' });
    await secondRoom.getByRole('combobox', { name: 'Room' }).click();
    await page.getByRole('option', { name: new RegExp(ROOM) }).click();
    await secondRoom.getByRole('button', { name: 'Book', exact: true }).click();
    await secondRoom.getByText('This room is taken on some of those days').waitFor();
    await secondRoom.getByRole('button', { name: 'Book anyway' }).click();
    await secondRoom.getByText('Shared with another session on some of these days').waitFor();
    const booked = await api<SessionRoom>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SECOND}/room`,
    );
    expect(booked.conflicts.map((c) => c.sessionCode)).toEqual([FIRST]);
  });

  it('shows the same in Arabic, right to left, and accessible', async () => {
    await setLocale(registrar, 'ar');
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SECOND}`);
    await page.getByRole('region', { name: 'المحاضرون' }).getByText('تعارض واحد').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await page.goto('/venues/KWI-NIRC');
    await page.getByRole('heading', { level: 2, name: 'تقويم المكان' }).waitFor();
    await expectAccessible(page);
  });
});
