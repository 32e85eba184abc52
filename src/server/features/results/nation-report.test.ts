import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { pdfText } from '../../../../test/support/pdf.js';
import type { NationReportItem, SessionReport } from '../../../contract/results.js';
import { outboxMessages, sessionDelivery, users } from '../../db/schema/index.js';
import { gapsIn } from '../messages/message-gaps.js';
import { makePerson } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { sendReportsToNations } from './nation-report.js';
import { deliveredSession, markDays, seatedNomination } from './test-fixtures.js';

const REPORT = '/api/v1/sessions/NAT-27/nation-report';

describe('post-course report to nations', () => {
  let t: TestApp;
  let npocKwt: Browser;
  let npocQat: Browser;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-NAT', { title: { en: 'Crisis management', ar: 'إدارة الأزمات' } });
    sessionId = await deliveredSession(db, 'NAT-27', 'CT-NAT');
    const salem = await makePerson(db, 'KWT', {
      familyNameLatin: 'Al-Ali',
      givenNamesLatin: 'Salem',
    });
    const hamad = await makePerson(db, 'QAT', {
      familyNameLatin: 'Al-Qatarsecret',
      givenNamesLatin: 'Hamad',
    });
    const kwt = await seatedNomination(db, sessionId, salem, 'KWT');
    const qat = await seatedNomination(db, sessionId, hamad, 'QAT');
    await markDays(db, kwt, ['present', 'present', 'absent', 'present']);
    await markDays(db, qat, ['present', 'present', 'present', 'present']);
    // A session with Kuwaiti officers only.
    const kuwaitOnly = await deliveredSession(db, 'NAT-28', 'CT-NAT');
    await seatedNomination(db, kuwaitOnly, await makePerson(db, 'KWT'), 'KWT');
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    await db.update(users).set({ locale: 'ar' }).where(eq(users.id, npocQat.userId));
  });
  afterAll(() => t.close());

  const get = (who: Browser, url: string) => call(t.app, who, 'GET', url);

  it("gives an NPOC their own officers and the session's figures, naming nobody else", async () => {
    const response = await get(npocKwt, REPORT);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<SessionReport>();
    expect(report.scopedToNation).toBe('KWT');
    expect(report.participants.map((p) => p.name.latin)).toEqual(['AL-ALI, Salem']);
    expect(report.nations.map((n) => n.nationCode)).toEqual(['KWT']);
    expect(report.sessionWide?.totals.participants).toBe(2);
    expect(report.sessionWide?.nations).toBe(2);
    expect(report.sessionWide?.attendanceRate).toBe(87.5);
    expect(response.body).not.toContain('Qatarsecret');
    expect(response.body).not.toContain('QAT');
  });

  it('is 404 to an NPOC whose nation had nobody on the session, also for the PDF', async () => {
    const other = '/api/v1/sessions/NAT-28/nation-report';
    expect((await get(npocQat, other)).statusCode).toBe(404);
    expect((await get(npocQat, `${other}.pdf`)).statusCode).toBe(404);
    expect((await get(npocKwt, other)).statusCode).toBe(200);
  });

  it("prints the nation's report with the session-wide part in Arabic", async () => {
    const response = await get(npocQat, `${REPORT}.pdf?locale=ar`);
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('الدورة بأكملها');
    expect(text.toUpperCase()).toContain('AL-QATARSECRET');
    expect(text.toUpperCase()).not.toContain('AL-ALI');
    const audit = await t.db.pool.query(
      `select after from audit_log where action = 'data.exported' and entity_id = $1 and actor_id = $2`,
      [sessionId, npocQat.userId],
    );
    expect(audit.rows.map((r) => r.after.export)).toContain('nation-report');
  });

  it('e-mails each NPOC once per closing, in their language, and lists the report', async () => {
    const db = t.db.db;
    const closedAt = new Date('2027-03-12T10:00:00Z');
    // Not closed: nothing is sent.
    expect(
      await sendReportsToNations(db, 'job-0', { sessionId, closedAt: closedAt.toISOString() }),
    ).toBe(0);
    await db
      .insert(sessionDelivery)
      .values({ sessionId, resultsClosedAt: closedAt })
      .onConflictDoUpdate({
        target: sessionDelivery.sessionId,
        set: { resultsClosedAt: closedAt },
      });
    const payload = { sessionId, closedAt: closedAt.toISOString() };
    expect(await sendReportsToNations(db, 'job-1', payload)).toBe(2);
    expect(await sendReportsToNations(db, 'job-1', payload)).toBe(0);
    const mails = (await db.select().from(outboxMessages)).filter(
      (m) => m.event === 'nation-report',
    );
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(gapsIn({ subject: mail.subject, body: mail.body }, mail.locale as 'en')).toEqual([]);
      const main = mail.body.split('\n\n')[1] ?? '';
      expect(main.trim().length).toBeGreaterThan(40);
    }
    const arabic = mails.find((m) => m.locale === 'ar');
    expect(arabic?.body).toContain('من أصل 1 من ضباطكم');
    const english = mails.filter((m) => m.locale === 'en');
    expect(english.every((m) => !m.body.includes('Qatarsecret'))).toBe(true);
    const list = (await get(npocKwt, '/api/v1/me/nation-reports')).json<{
      items: NationReportItem[];
    }>();
    expect(list.items).toEqual([
      expect.objectContaining({ sessionCode: 'NAT-27', officers: 1, completed: 0 }),
    ]);
    const qatar = (await get(npocQat, '/api/v1/me/nation-reports')).json<{
      items: NationReportItem[];
    }>();
    expect(qatar.items.map((i) => [i.sessionCode, i.officers, i.completed])).toEqual([
      ['NAT-27', 1, 0],
    ]);
  });

  it('reports an event by attendance only, sent to its nations once it is marked completed', async () => {
    const db = t.db.db;
    await makeActivity(db, 'DLG-NAT', { title: { en: 'Gulf security dialogue' } });
    await t.db.pool.query(`update activities set type = 'dialogue-event' where code = 'DLG-NAT'`);
    const eventId = await deliveredSession(db, 'EVT-27', 'DLG-NAT');
    const nomination = await seatedNomination(db, eventId, await makePerson(db, 'KWT'), 'KWT');
    await markDays(db, nomination, ['present', 'absent', 'present', 'present']);
    const registrar = await signInAs(t, ['registrar']);
    const done = await call(t.app, registrar, 'POST', '/api/v1/sessions/EVT-27/transitions', {
      to: 'completed',
    });
    expect(done.statusCode, done.body).toBe(200);
    const [delivery] = await db
      .select()
      .from(sessionDelivery)
      .where(eq(sessionDelivery.sessionId, eventId));
    const closedAt = delivery?.resultsClosedAt?.toISOString() ?? '';
    expect(closedAt).not.toBe('');
    const { rows: jobs } = await t.db.pool.query(
      `select 1 from graphile_worker.jobs where key = $1`,
      [`report-to-nations:${eventId}`],
    );
    expect(jobs).toHaveLength(1);
    expect(await sendReportsToNations(db, 'job-evt', { sessionId: eventId, closedAt })).toBe(1);
    const mail = (await db.select().from(outboxMessages)).find(
      (m) => m.event === 'nation-report' && m.body.includes('EVT-27'),
    );
    expect(mail?.body).toContain('1 of your people took part; attendance 75%');
    expect(mail?.body).not.toContain('completed');

    const report = (
      await get(npocKwt, '/api/v1/sessions/EVT-27/nation-report')
    ).json<SessionReport>();
    expect(report).toMatchObject({
      resultsApply: false,
      closed: true,
      evaluation: { level2: null },
      sessionWide: { completionRate: null, attendanceRate: 75 },
    });
    expect(report.participants.map((p) => [p.status, p.proposed, p.postTestScore])).toEqual([
      [null, null, null],
    ]);
    const list = (await get(npocKwt, '/api/v1/me/nation-reports')).json<{
      items: NationReportItem[];
    }>();
    expect(list.items.map((i) => i.sessionCode)).toContain('EVT-27');
    expect((await get(npocQat, '/api/v1/sessions/EVT-27/nation-report')).statusCode).toBe(404);
    // The PDF says the same: attendance, and no completion anywhere.
    const pdf = await get(npocKwt, '/api/v1/sessions/EVT-27/nation-report.pdf');
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toMatch(/1 participants from 1 nations; attendance 75%/);
    expect(text).not.toMatch(/complet/i);
  });
});
