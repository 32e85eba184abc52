import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AttendanceRoster } from '../../src/contract/attendance.js';
import { addDays, dateIn, workingDaysBetween } from '../../src/domain/venue-calendar.js';
import attendanceEn from '../../src/web/i18n/parts/attendance/en.json' with { type: 'json' };
import certificatesEn from '../../src/web/i18n/parts/certificates/en.json' with { type: 'json' };
import homeAr from '../../src/web/i18n/parts/home/ar.json' with { type: 'json' };
import resultsEn from '../../src/web/i18n/parts/results/en.json' with { type: 'json' };
import surveysAr from '../../src/web/i18n/parts/surveys/ar.json' with { type: 'json' };
import { api, nominateAndSelect, runSession } from './support/api.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  setLocale,
  signInByApi,
} from './support/browser.js';
import { readMailbox } from './support/mailbox.js';

const ACTIVITY = 'DLV-E2E';
const SESSION = 'DLV-E2E-A';
const PERSON = {
  given: 'Salem',
  family: 'AL-AZMI',
  givenArabic: 'سالم',
  familyArabic: 'العازمي',
  email: 'salem.alazmi@kwt.example',
};
const NAME = `${PERSON.given} ${PERSON.family}`;
const PASSWORD = 'a sentence only he knows by heart';
const COMMENT = 'التمارين الميدانية ممتازة، نحتاج يومًا ثالثًا للتدريب العملي ٣';
const REVOKE_REASON = 'Issued in error: the attendance sheet was corrected.';

/**
 * Level-1 invitations go out only from the survey scheduler, which runs when the server starts
 * and then every ten minutes; nothing sends them sooner. The survey step waits for that tick.
 */

const attendance = attendanceEn.attendance;
const results = resultsEn.results;
const certificates = certificatesEn.certificates;
const surveysInArabic = surveysAr.surveys;

/** A day's tab as the roster labels it ("Sun 7 Mar"), from the same formatter. */
function tabName(day: string): RegExp {
  const label = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
  return new RegExp(`^${label}`);
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

interface Venue {
  timeZone: string;
  workingDays: number[];
  holidays: { date: string }[];
}
type MySurvey = { id: string; sessionCode: string; level: number };
type SessionCertificates = {
  rows: { nominationId: string; certificate: { id: string; revokedAt: string | null } | null }[];
};

describe('delivering a course in the browser, from the roster to a verified certificate', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let kuwait: BrowserContext;
  let director: BrowserContext;
  let participant: BrowserContext;
  let days: [string, string];
  let certificateId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const signedIn = async (email: string) => {
      const context = await newContext(browser);
      await signInByApi(context, email);
      return context;
    };
    [registrar, kuwait, director] = await Promise.all([
      signedIn('registrar@rabita.example'),
      signedIn('npoc.kwt@rabita.example'),
      signedIn('director@rabita.example'),
    ]);
    await setLocale(registrar, 'en');
    await setLocale(director, 'en');
    const directorId = (
      await api<{ user: { id: string } }>(director.request, 'GET', '/api/v1/auth/me')
    ).user.id;

    // The last two working days at the Kuwait centre that are over: a level-1 survey goes out
    // only once the session's last day has ended in the venue's time zone.
    const venue = await api<Venue>(registrar.request, 'GET', '/api/v1/venues/KWI-NIRC');
    const today = dateIn(new Date(), venue.timeZone);
    const over = workingDaysBetween(
      addDays(today, -14),
      addDays(today, -1),
      venue.workingDays,
      venue.holidays,
    );
    const [d1, d2] = over.slice(-2);
    if (!d1 || !d2) throw new Error('no two working days in the last fortnight');
    days = [d1, d2];

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
      title: { en: 'Maritime search and rescue', ar: 'البحث والإنقاذ البحري' },
      disciplineCode: model.disciplineCode,
      providerCode: model.providerCode,
      delivery: 'residential',
      durationDays: 2,
      evaluationLevels: [1],
      status: 'active',
    });
    await api(registrar.request, 'PUT', `/api/v1/activities/${ACTIVITY}/surveys/1`, {
      templateCode: 'L1-STANDARD',
    });

    // Planned ahead with its window open, so Kuwait can nominate; then moved to the days it ran.
    const later = addDays(today, 40);
    await api(registrar.request, 'POST', '/api/v1/sessions', {
      code: SESSION,
      activityCode: ACTIVITY,
      startDate: later,
      endDate: addDays(later, 1),
      venueCode: 'KWI-NIRC',
      capacity: 4,
      nominationOpens: addDays(today, -1),
      nominationCloses: addDays(today, 20),
      quotas: [{ nationCode: 'KWT', seats: 2 }],
      directorId,
      // The demo's director may already run a session on those days; the registrar keeps them.
      confirmStaffConflicts: true,
    });
    await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
      to: 'announced',
    });

    // A new officer with an e-mail: being selected brings him an invitation to open an account.
    const person = await api<{ id: string }>(kuwait.request, 'POST', '/api/v1/participants', {
      nationCode: 'KWT',
      givenNamesLatin: PERSON.given,
      familyNameLatin: PERSON.family,
      givenNamesArabic: PERSON.givenArabic,
      familyNameArabic: PERSON.familyArabic,
      rankCode: 'OF-3',
      rankTitle: 'Major',
      email: PERSON.email,
      confirmNotDuplicate: true,
    });
    await nominateAndSelect(
      kuwait.request,
      registrar.request,
      { sessionCode: SESSION, participantId: person.id },
      'Accepted for the search and rescue course.',
    );
    await runSession(registrar.request, SESSION, d1, d2);
    const roster = await api<AttendanceRoster>(
      director.request,
      'GET',
      `/api/v1/sessions/${SESSION}/attendance`,
    );
    expect(roster.workingDays).toEqual(days);
    expect(roster.participants.map((p) => `${p.givenNamesLatin} ${p.familyNameLatin}`)).toEqual([
      NAME,
    ]);
  });

  afterAll(async () => {
    for (const context of [participant, director]) {
      if (context) await setLocale(context, 'en').catch(() => {});
    }
    await browser?.close();
  });

  const row = (page: Page) =>
    page.getByRole('group', { name: fill(attendance.markFor, { name: NAME }) });

  it('lets the selected officer open his account from the e-mail and sign in', async () => {
    let link: string | undefined;
    await expect
      .poll(
        () => {
          const invitation = readMailbox(inject('mailDir')).find(
            (mail) => mail.to.includes(PERSON.email) && /\/password\/[\w-]+/.test(mail.text),
          );
          link = invitation?.text.match(/https?:\/\/\S+\/password\/[\w-]+/)?.[0];
          return link;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeTruthy();
    participant = await newContext(browser);
    const page = await participant.newPage();
    await page.goto(new URL(link as string).pathname);
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByLabel(/^Repeat the password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('Your password is saved. Sign in with it now.').waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(PERSON.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(SESSION).first().waitFor();
    await page.close();
    await setLocale(participant, 'ar');
  });

  it('lets the course director mark both days, close the results and issue the certificate', async () => {
    const [d1, d2] = days;
    const page = await director.newPage();

    // The roster: present on both days.
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('link', { name: attendance.roster }).click();
    await page.waitForURL(`**/sessions/${SESSION}/attendance`);
    for (const day of [d1, d2]) {
      await page.getByRole('tab', { name: tabName(day) }).click();
      const present = row(page).getByRole('button', { name: attendance.status.present });
      await present.click();
      await expect.poll(() => present.getAttribute('aria-pressed')).toBe('true');
    }
    await page.getByText(attendance.allSent).waitFor();
    const marks = await api<AttendanceRoster>(
      registrar.request,
      'GET',
      `/api/v1/sessions/${SESSION}/attendance`,
    );
    expect(marks.marks.map((m) => [m.day, m.status]).sort()).toEqual([
      [d1, 'present'],
      [d2, 'present'],
    ]);

    // The results: the rule proposes "completed"; the director confirms it and closes.
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('link', { name: results.title, exact: true }).click();
    await page.waitForURL(`**/sessions/${SESSION}/results`);
    await page.getByText(/Present on 100% of 2 counted days/).waitFor();
    await page.getByText(fill(results.table.presentOf, { present: 2, days: 2 })).waitFor();
    await page.getByRole('button', { name: fill(results.confirmProposed, { count: 1 }) }).click();
    await page.getByText(fill(results.unconfirmedCount, { count: 0 })).waitFor();
    await page.getByRole('button', { name: results.closeResults }).click();
    const closing = page.getByRole('dialog', { name: results.closeTitle });
    await closing.getByRole('button', { name: results.closeResults }).click();
    await closing.waitFor({ state: 'detached' });
    await page.getByText(results.closedTitle, { exact: true }).waitFor();
    await expectAccessible(page);

    // The certificates: one click issues every completed participant's.
    await page.goto(`/sessions/${SESSION}`);
    await page.getByRole('link', { name: certificates.sessionButton, exact: true }).click();
    await page.waitForURL(`**/sessions/${SESSION}/certificates`);
    await page.getByRole('button', { name: fill(certificates.issueAll, { count: 1 }) }).click();
    await page
      .getByRole('row', { name: new RegExp(NAME) })
      .getByText(certificates.valid, { exact: true })
      .waitFor();
    await page
      .getByRole('link', { name: fill(certificates.downloadPdfFor, { name: NAME }) })
      .waitFor();
    await expectAccessible(page);
    await page.close();

    const list = await api<SessionCertificates>(
      director.request,
      'GET',
      `/api/v1/sessions/${SESSION}/certificates`,
    );
    const issued = list.rows[0]?.certificate;
    if (!issued) throw new Error('no certificate was issued');
    certificateId = issued.id;
  });

  it(
    'lets the participant answer the level-1 survey in Arabic and download his certificate',
    async () => {
      // The registrar marks the session completed: its level-1 survey goes out at once.
      await api(registrar.request, 'POST', `/api/v1/sessions/${SESSION}/transitions`, {
        to: 'completed',
      });
      let survey: MySurvey | undefined;
      await expect
        .poll(
          async () => {
            const mine = (await (
              await participant.request.get('/api/v1/me/surveys')
            ).json()) as MySurvey[];
            survey = mine.find((s) => s.sessionCode === SESSION && s.level === 1);
            return survey;
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBeTruthy();
      const invitation = survey as MySurvey;
      await expect
        .poll(
          () =>
            readMailbox(inject('mailDir')).some(
              (m) =>
                m.to.includes(PERSON.email) && m.text.includes(`/surveys/answer/${invitation.id}`),
            ),
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true);

      // My training, in Arabic: the survey waits there.
      const page = await participant.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'تدريبي' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page
        .getByRole('link', {
          name: fill(surveysInArabic.mine.answerLabel, {
            title: 'تقييم نهاية الدورة',
            code: SESSION,
          }),
        })
        .click();
      await page.waitForURL(`**/surveys/answer/${invitation.id}`);
      await page.getByRole('heading', { level: 1, name: 'تقييم نهاية الدورة' }).waitFor();
      await page
        .getByRole('radiogroup', { name: /بشكل عام/ })
        .getByRole('radio', { name: '5 · ممتاز' })
        .check();
      await page
        .getByRole('radiogroup', { name: /حققت الدورة أهدافها/ })
        .getByRole('radio', { name: '4 · جيد' })
        .check();
      await page.getByRole('radio', { name: 'مناسبة' }).check();
      await page.getByRole('checkbox', { name: 'التمارين الجماعية' }).check();
      await page.getByRole('textbox', { name: /ما الذي ينبغي أن نحسّنه/ }).fill(COMMENT);
      await expectAccessible(page);
      await page.getByRole('button', { name: surveysInArabic.answer.submit }).click();
      await page.getByText(surveysInArabic.answer.thanks).waitFor();

      // Back on My training: nothing left to answer, and the certificate is there.
      await page.getByRole('link', { name: surveysInArabic.answer.back }).click();
      await page.getByText(surveysInArabic.mine.empty).waitFor();
      const download = page.getByRole('link', {
        name: fill(homeAr.homes.training.downloadOf, { code: SESSION }),
      });
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      const saved = await file.path();
      expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const href = await download.getAttribute('href');
      expect(href).toBe(`/api/v1/certificates/${certificateId}.pdf`);
      const response = await participant.request.get(href as string);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expectAccessible(page);
      await page.close();

      const answers = (await (
        await registrar.request.get(`/api/v1/sessions/${SESSION}/surveys/1/results`)
      ).json()) as { questions: { id: string; texts: string[] | null }[] };
      expect(answers.questions.find((q) => q.id === 'comments')?.texts).toEqual([COMMENT]);
    },
    3 * 60_000,
  );

  it('shows the certificate valid on the public page, and not valid once revoked', async () => {
    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await page.goto(`/verify/${certificateId}`);
    await page.getByText(certificates.validExplain).waitFor();
    await page.getByText(NAME).first().waitFor();
    await expectAccessible(page);

    const desk = await registrar.newPage();
    await desk.goto(`/sessions/${SESSION}/certificates`);
    await desk.getByRole('button', { name: fill(certificates.revokeFor, { name: NAME }) }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill(REVOKE_REASON);
    await dialog.getByRole('button', { name: certificates.revoke }).click();
    await dialog.waitFor({ state: 'detached' });
    await desk
      .getByRole('row', { name: new RegExp(NAME) })
      .getByText(certificates.revoked, { exact: true })
      .waitFor();
    await desk.close();

    await page.reload();
    await page.getByText(certificates.revoked, { exact: true }).waitFor();
    await page.getByText(REVOKE_REASON).waitFor();
    expect(await page.getByText(certificates.validExplain).count()).toBe(0);
    await expectAccessible(page);

    // A forged number says "not valid" and nothing more.
    await page.goto('/verify/00000000-0000-4000-8000-000000000000');
    await page.getByText(certificates.notFoundExplain).waitFor();
    await expectAccessible(page);
    await visitor.close();
  });
});
