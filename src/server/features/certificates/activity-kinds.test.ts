import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { expectProblem } from '../../../../test/support/problem.js';
import { ACTIVITY_TYPES } from '../../../contract/catalogue.js';
import type {
  IssueOutcome,
  SessionCertificates,
  Verification,
} from '../../../contract/certificates.js';
import type { SessionResults } from '../../../contract/results.js';
import { kindOf } from '../../../domain/activity-kinds.js';
import { activities, attendanceMarks, nominations } from '../../db/schema/index.js';
import { announcedSession, makeNomination } from '../logistics/test-data.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

const DIALOGUE = 'DLG-GULF-27';
const VISIT = 'EXP-VISIT-27';
const dir = mkdtempSync(path.join(tmpdir(), 'rabita-kinds-'));

/** pdftotext's lines, embedding marks dropped and spaces folded (as render.test.ts reads). */
const pdfLines = (pdf: Buffer) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
};

describe('activity kinds: a dialogue event and an expert visit', () => {
  let t: TestApp;
  let registrar: Browser;
  let salem: string;
  let absent: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'DLG-GULF', {
      title: { en: 'Gulf Security Dialogue', ar: 'حوار أمن الخليج' },
    });
    await makeActivity(db, 'EXP-VISIT', { title: { en: 'Cyber expert visit' } });
    await makeActivity(db, 'KIND-PROBE');
    await db
      .update(activities)
      .set({ type: 'dialogue-event' })
      .where(eq(activities.code, 'DLG-GULF'));
    await db
      .update(activities)
      .set({ type: 'expert-visit', evaluationLevels: [] })
      .where(eq(activities.code, 'EXP-VISIT'));
    const dialogueId = await announcedSession(db, DIALOGUE, 'DLG-GULF');
    const visitId = await announcedSession(db, VISIT, 'EXP-VISIT');
    salem = await makeNomination(db, dialogueId, 'KWT', {
      familyNameLatin: 'Al-Ali',
      givenNamesLatin: 'Salem',
      givenNamesArabic: 'سالم',
      familyNameArabic: 'العلي',
    });
    absent = await makeNomination(db, dialogueId, 'QAT', { familyNameLatin: 'Absent' });
    const visitor = await makeNomination(db, visitId, 'KWT', { familyNameLatin: 'Visitor' });
    await db
      .update(nominations)
      .set({ eventRole: 'head-of-delegation' })
      .where(eq(nominations.id, salem));
    // Salem was there on the first day (a Sunday, a working day in Kuwait); the other never was.
    await db.insert(attendanceMarks).values([
      { nominationId: salem, day: '2027-03-07', status: 'present', source: 'roster' },
      { nominationId: absent, day: '2027-03-07', status: 'absent', source: 'roster' },
      { nominationId: visitor, day: '2027-03-07', status: 'present', source: 'roster' },
    ]);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('computes activities.kind in SQL exactly as the domain table does, for every type', async () => {
    const db = t.db.db;
    for (const type of ACTIVITY_TYPES) {
      await db.update(activities).set({ type }).where(eq(activities.code, 'KIND-PROBE'));
      const [row] = await db
        .select({ kind: activities.kind })
        .from(activities)
        .where(eq(activities.code, 'KIND-PROBE'));
      expect([type, row?.kind]).toEqual([type, kindOf(type)]);
    }
  });

  it('shows the kind in the catalogue and on the session', async () => {
    const activity = await call(t.app, registrar, 'GET', '/api/v1/activities/DLG-GULF');
    expect(activity.json()).toMatchObject({ type: 'dialogue-event', kind: 'event' });
    const session = await call(t.app, registrar, 'GET', `/api/v1/sessions/${DIALOGUE}`);
    expect(session.json()).toMatchObject({ activityType: 'dialogue-event', activityKind: 'event' });
  });

  it('refuses results for a dialogue event (409 results_not_applicable), writing nothing', async () => {
    const read = await call(t.app, registrar, 'GET', `/api/v1/sessions/${DIALOGUE}/results`);
    expect(read.statusCode).toBe(200);
    expect(read.json<SessionResults>()).toMatchObject({
      activityKind: 'event',
      resultsApply: false,
    });
    const confirm = await call(t.app, registrar, 'PUT', `/api/v1/sessions/${DIALOGUE}/results`, {
      results: [{ nominationId: salem, status: 'completed', preTestScore: 40, postTestScore: 80 }],
    });
    expectProblem(confirm, 409, 'results_not_applicable');
    const rule = await call(t.app, registrar, 'PUT', `/api/v1/sessions/${DIALOGUE}/results/rule`, {
      completionPercent: 60,
    });
    expectProblem(rule, 409, 'results_not_applicable');
    const close = await call(
      t.app,
      registrar,
      'POST',
      `/api/v1/sessions/${DIALOGUE}/results/close`,
    );
    expectProblem(close, 409, 'results_not_applicable');
  });

  it('refuses a level-2 test on a dialogue event in the catalogue', async () => {
    const res = await call(t.app, registrar, 'PATCH', '/api/v1/activities/DLG-GULF', {
      evaluationLevels: [1, 2],
    });
    expectProblem(res, 400, 'validation_failed');
    expect(JSON.stringify(res.json())).toContain('level_not_for_kind');
  });

  it('issues certificates of attendance to those present, in English and Arabic', async () => {
    const list = await call(t.app, registrar, 'GET', `/api/v1/sessions/${DIALOGUE}/certificates`);
    const before = list.json<SessionCertificates>();
    expect(before).toMatchObject({
      award: 'attendance',
      activityType: 'dialogue-event',
      issuable: 1,
    });
    expect(before.rows.find((r) => r.nominationId === salem)).toMatchObject({
      role: 'head-of-delegation',
      qualifies: true,
    });

    const one = await call(t.app, registrar, 'POST', `/api/v1/nominations/${absent}/certificate`);
    expectProblem(one, 409, 'not_attended');

    const res = await call(t.app, registrar, 'POST', `/api/v1/sessions/${DIALOGUE}/certificates`);
    expect(res.statusCode).toBe(200);
    const outcome = res.json<IssueOutcome>();
    expect(outcome.notCompleted).toBe(1);
    expect(outcome.issued).toHaveLength(1);
    const [certificate] = outcome.issued;
    expect(certificate?.printed).toMatchObject({
      award: 'attendance',
      role: 'head-of-delegation',
      activity: { type: 'dialogue-event' },
    });

    const verified = await call(t.app, null, 'GET', `/api/v1/verify/${certificate?.id}`);
    expect(verified.json<Verification>()).toMatchObject({
      status: 'valid',
      certificate: { award: 'attendance' },
    });

    const pdf = await call(t.app, registrar, 'GET', `/api/v1/certificates/${certificate?.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const lines = pdfLines(pdf.rawPayload);
    expect(lines).toContain('Certificate of Attendance');
    expect(lines).toContain('attended the dialogue event as head of delegation');
    expect(lines).toContain('شهادة حضور');
    expect(lines).toContain('قد حضر فعالية الحوار بصفة رئيس الوفد');
    expect(lines.join('\n')).not.toContain('successfully completed');
    expect(lines.join('\n')).not.toContain('أتم بنجاح');
  });

  it('issues no certificate for an expert visit (409 no_certificate_for_kind)', async () => {
    const res = await call(t.app, registrar, 'POST', `/api/v1/sessions/${VISIT}/certificates`);
    expectProblem(res, 409, 'no_certificate_for_kind');
    const list = await call(t.app, registrar, 'GET', `/api/v1/sessions/${VISIT}/certificates`);
    expect(list.json<SessionCertificates>()).toMatchObject({ award: 'none', issuable: 0 });
  });
});
