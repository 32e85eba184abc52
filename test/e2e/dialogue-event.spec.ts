import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/contract/index.js';
import { addDays, dateIn, workingDaysBetween } from '../../src/domain/venue-calendar.js';
import appEn from '../../src/web/i18n/en.json' with { type: 'json' };
import invitationsAr from '../../src/web/i18n/parts/invitations/ar.json' with { type: 'json' };
import invitationsEn from '../../src/web/i18n/parts/invitations/en.json' with { type: 'json' };
import portalAr from '../../src/web/i18n/parts/portal/ar.json' with { type: 'json' };
import { api, runSession } from './support/api.js';
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
const ACTIVITY = `DLG-E2E-${suffix}`;
const SESSION = `DLG-E2E-${suffix}-A`;
// Passport names hold letters only: the run's suffix spelt in letters.
const letters = suffix.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? 'X');
const HEAD = { given: 'Hamad', family: `AL-THANI${letters}`, arabic: 'حمد آل ثاني' };
const VIP = { given: 'Khalid', family: `AL-KUWARI${letters}`, arabic: 'خالد الكواري' };
const en = invitationsEn.invitations;
const ar = invitationsAr.invitations;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

interface Venue {
  timeZone: string;
  workingDays: number[];
  holidays: { date: string }[];
}

describe('a dialogue event as the centre runs it', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let qatar: BrowserContext;
  const dir = mkdtempSync(path.join(tmpdir(), 'rabita-dialogue-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    registrar = await newContext(browser);
    qatar = await newContext(browser);
    await signInByApi(registrar, 'registrar@rabita.example');
    await signInByApi(qatar, 'npoc.qat@rabita.example');
    await setLocale(registrar, 'en');
    await setLocale(qatar, 'ar');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await setLocale(qatar, 'en').catch(() => {});
    await browser?.close();
  });

  it('sets up the event, invites a Qatari VIP delegation that accepts in Arabic, and certifies attendance', async () => {
    const venue = await api<Venue>(registrar.request, 'GET', '/api/v1/venues/KWI-NIRC');
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
      type: 'dialogue-event',
      title: { en: 'Gulf Security Dialogue', ar: 'حوار أمن الخليج' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 2,
      evaluationLevels: [1],
      status: 'active',
    });
    const later = addDays(today, 40);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: later,
      endDate: addDays(later, 1),
      venueCode: 'KWI-NIRC',
      capacity: 10,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 20),
      quotas: [],
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });
    // Two speakers, a room and interpretation, as the registrar books them.
    for (const name of [`Dr Amira Haddad ${suffix}`, `Gen. (ret.) Paul Martin ${suffix}`]) {
      const lecturer = await api<{ id: string }>(registrar.request, 'POST', '/api/v1/lecturers', {
        kind: 'external',
        nameLatin: name,
      });
      await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/lecturers`, {
        lecturerId: lecturer.id,
        role: 'speaker',
        confirmConflicts: true,
      });
    }
    const room = await api<{ id: string }>(
      registrar.request,
      'POST',
      '/api/v1/venues/KWI-NIRC/rooms',
      {
        name: `Dialogue hall ${suffix}`,
        capacity: 40,
      },
    );
    await api(registrar.request, 'PUT', `/api/v1/sessions/${SESSION}/room`, {
      roomId: room.id,
      confirmRoomConflict: true,
    });
    await api(registrar.request, 'PUT', `/api/v1/sessions/${SESSION}/interpretation`, {
      pairs: [{ from: 'en', to: 'ar', interpreters: 2 }],
    });
    // Qatar's two officials, as its NPOC records them.
    for (const person of [HEAD, VIP]) {
      const [given, ...family] = person.arabic.split(' ');
      await api(qatar.request, 'POST', '/api/v1/participants', {
        nationCode: 'QAT',
        givenNamesLatin: person.given,
        familyNameLatin: person.family,
        givenNamesArabic: given,
        familyNameArabic: family.join(' '),
        rankCode: 'OF-7',
        rankTitle: 'Major General',
        confirmNotDuplicate: true,
      });
    }

    // The registrar invites the delegation from the session's page.
    const page = await registrar.newPage();
    await page.goto(`/sessions/${SESSION}`);
    const panel = page.getByRole('region', { name: en.title });
    await panel.getByText(en.none).waitFor();
    for (const [person, role] of [
      [HEAD, en.roles['head-of-delegation']],
      [VIP, en.roles.vip],
    ] as const) {
      await panel.getByRole('textbox', { name: en.searchPerson }).fill(person.family);
      await panel.getByRole('combobox', { name: en.pickPerson }).click();
      await page.getByRole('option', { name: new RegExp(person.family) }).click();
      await panel.getByRole('combobox', { name: fill(en.roleOf, { name: person.family }) }).click();
      await page.getByRole('option', { name: role, exact: true }).click();
    }
    await panel.getByRole('button', { name: en.inviteDelegation }).click();
    await panel.getByText(en.state.pending).first().waitFor();
    await expectAccessible(page);
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'invited-people-en.png') });

    // Qatar's NPOC answers in Arabic, from the page its e-mail leads to.
    const arabic = await qatar.newPage();
    await arabic.goto('/invitations');
    await arabic.getByRole('heading', { level: 1, name: ar.pageTitle }).waitFor();
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(arabic);
    await arabic.screenshot({ path: path.join(SCREENSHOTS, 'invitations-ar.png') });
    for (const person of [HEAD, VIP]) {
      await arabic
        .getByRole('button', { name: fill(ar.acceptFor, { name: person.arabic }) })
        .click();
      await arabic
        .getByRole('button', { name: fill(ar.acceptFor, { name: person.arabic }) })
        .waitFor({ state: 'detached' });
    }
    const answered = await api<{ items: Invitation[] }>(
      registrar.request,
      'GET',
      `/api/v1/invitations?session=${SESSION}`,
    );
    expect(answered.items.map((i) => [i.role, i.rsvp])).toEqual([
      ['head-of-delegation', 'accepted'],
      ['vip', 'accepted'],
    ]);

    // The event takes place on the last two working days that are over; both attend.
    const [d1, d2] = workingDaysBetween(
      addDays(today, -14),
      addDays(today, -1),
      venue.workingDays,
      venue.holidays,
    ).slice(-2);
    if (!d1 || !d2) throw new Error('no two working days in the last fortnight');
    await runSession(registrar.request, SESSION, d1, d2);
    await api(registrar.request, 'PUT', `/api/v1/sessions/${SESSION}/attendance`, {
      marks: answered.items.flatMap((i) =>
        [d1, d2].map((day) => ({
          nominationId: i.nominationId,
          day,
          status: 'present',
          baseVersion: null,
        })),
      ),
    });
    const outcome = await api<{ issued: { id: string }[] }>(
      registrar.request,
      'POST',
      `/api/v1/sessions/${SESSION}/certificates`,
    );
    expect(outcome.issued).toHaveLength(2);
    const pdf = await registrar.request.get(`/api/v1/certificates/${outcome.issued[0]?.id}.pdf`);
    const file = path.join(dir, 'certificate.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .replace(/[\u202a-\u202e]/g, '')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Certificate of Attendance');
    expect(text).toMatch(
      /attended the dialogue event as (head of delegation|a distinguished guest)/,
    );
    expect(text).not.toContain('successfully completed');
    expect(text).not.toContain('أتم بنجاح');
  });

  it("keeps the demo's open dialogue to invitations: no nomination, counted for Qatar, withdrawn by the centre", async () => {
    const all = await api<{ items: Invitation[] }>(registrar.request, 'GET', '/api/v1/invitations');
    const now = new Date().toISOString().slice(0, 10);
    const pending = all.items.filter((i) => i.rsvp === 'pending' && i.startDate > now);
    const target = pending.find((i) => i.nationCode === 'QAT') ?? pending[0];
    if (!target) throw new Error('the demo has no invitation awaiting an answer');
    const code = target.sessionCode;

    // Qatar's NPOC, in Arabic: the nominate page says seats are by invitation, offers no form.
    const arabic = await qatar.newPage();
    await arabic.goto(`/sessions/${code}/nominate`);
    await arabic.getByText(ar.byInvitationExplain).waitFor();
    expect(await arabic.locator('form textarea').count()).toBe(0);
    await expectAccessible(arabic);
    // "My nation" shows the session by invitation instead of a Nominate button, and counts them.
    await arabic.goto('/');
    await arabic.getByRole('heading', { level: 2, name: portalAr.portal.invitations }).waitFor();
    const row = arabic.getByRole('row').filter({ hasText: code });
    await row.getByText(portalAr.portal.byInvitation).waitFor();
    // Its only link is the session itself: no Nominate.
    expect(await row.getByRole('link').count()).toBeLessThanOrEqual(2);
    expect(await row.getByRole('link', { name: portalAr.portal.nominate }).count()).toBe(0);
    await expectAccessible(arabic);
    await arabic.close();

    // The registrar withdraws the invitation from the session's page, after confirming why.
    const page = await registrar.newPage();
    await page.goto(`/sessions/${code}`);
    // Its life cycle speaks of invitations, not nominations.
    await page.getByText(appEn.sessionStatusByInvitation.announced, { exact: true }).waitFor();
    await page.getByRole('button', { name: appEn.transition.closeInvitations }).waitFor();
    await page.getByRole('heading', { level: 2, name: appEn.sessions.invitationWindow }).waitFor();
    expect(
      await page.getByRole('button', { name: appEn.transition.closeNominations }).count(),
    ).toBe(0);
    const panel = page.getByRole('region', { name: en.title });
    const name = target.participantName.latin;
    await panel.getByRole('button', { name: fill(en.withdrawFor, { name }) }).click();
    const dialog = page.getByRole('dialog', { name: fill(en.withdrawTitle, { name }) });
    await dialog.getByRole('textbox', { name: en.withdrawReason }).fill('The panel was dropped.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: en.withdrawConfirm }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: fill(en.withdrawFor, { name }) }).waitFor({
      state: 'detached',
    });
    const after = await api<{ items: Invitation[] }>(
      registrar.request,
      'GET',
      `/api/v1/invitations?session=${code}`,
    );
    expect(after.items.find((i) => i.nominationId === target.nominationId)?.rsvp).toBe('withdrawn');

    // The selection board names each person's role.
    await page.goto(`/sessions/${code}/selection`);
    await page.getByRole('columnheader', { name: en.role }).waitFor();
    await page
      .getByRole('cell', { name: new RegExp(en.roles['head-of-delegation']) })
      .first()
      .waitFor();
    await expectAccessible(page);
    await page.close();
  });
});
