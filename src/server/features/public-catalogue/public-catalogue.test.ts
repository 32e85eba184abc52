import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signInAs, type TestApp } from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Activity } from '../../../contract/catalogue.js';
import type { PublicCatalogue } from '../../../contract/public-catalogue.js';
import { trainingSessions } from '../../db/schema/index.js';
import { KUWAIT, makeActivity, seedSessionBasics } from '../sessions/test-data.js';

const ARABIC_TITLE = 'دورة التوعية بمكافحة الإرهاب';

describe('public catalogue', () => {
  let t: TestApp;

  async function session(activityId: string, code: string, startDate: string, status: string) {
    const endDate = startDate.replace(
      /-(\d\d)$/,
      (_, d: string) => `-${String(Number(d) + 4).padStart(2, '0')}`,
    );
    await t.db.db.insert(trainingSessions).values({
      code,
      activityId,
      startDate,
      endDate,
      venueCode: KUWAIT.code,
      capacity: 24,
      nominationOpens: '2027-01-01',
      nominationCloses: '2027-02-01',
      nominationDeadline: new Date('2027-02-01T20:59:59Z'),
      status,
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    const open = await makeActivity(t.db.db, 'CT-PUBLIC', {
      title: {
        en: 'Counter-terrorism awareness',
        fr: 'Sensibilisation au contre-terrorisme',
        ar: ARABIC_TITLE,
      },
    });
    const hidden = await makeActivity(t.db.db, 'CT-HIDDEN', { title: { en: 'Hidden course' } });
    await session(open, 'CT-PUBLIC-27-1', '2027-05-02', 'announced');
    await session(open, 'CT-PUBLIC-27-D', '2027-09-12', 'draft');
    await session(open, 'CT-PUBLIC-28-1', '2028-05-07', 'announced');
    await session(hidden, 'CT-HIDDEN-27-1', '2027-06-06', 'announced');
    // Marked public through the activity form's API; the other activity stays as it was.
    const admin = await signInAs(t, ['administrator']);
    const res = await call(t.app, admin, 'PATCH', '/api/v1/activities/CT-PUBLIC', {
      publicCatalogue: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Activity>().publicCatalogue).toBe(true);
  });
  afterAll(async () => t?.close());

  it('shows only public activities and their announced sessions of the year, without sign-in, as data and as a trilingual PDF', async () => {
    const res = await call(t.app, null, 'GET', '/api/v1/public-catalogue/2027');
    expect(res.statusCode, res.body).toBe(200);
    const catalogue = res.json<PublicCatalogue>();
    expect(catalogue.activities.map((a) => a.code)).toEqual(['CT-PUBLIC']);
    expect(catalogue.activities[0]?.sessions).toEqual([
      {
        code: 'CT-PUBLIC-27-1',
        startDate: '2027-05-02',
        endDate: '2027-05-06',
        language: 'en',
        venue: { name: KUWAIT.name, city: 'Kuwait City', countryCode: 'KWT' },
      },
    ]);
    expect(res.body).not.toContain('CT-HIDDEN');
    expect(res.body).not.toContain('CT-PUBLIC-27-D');
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/public-catalogue/1999'),
      400,
      'validation_failed',
    );

    const pdf = await call(t.app, null, 'GET', '/api/v1/public-catalogue/2027.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'catalogue-')), 'catalogue.pdf');
    writeFileSync(file, pdf.rawPayload);
    // pdftotext puts each right-to-left run back in logical order between embedding marks.
    const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .replace(/[\u202a-\u202e]/g, '')
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    const text = lines.join('\n');
    expect(lines).toContain('Training catalogue 2027');
    expect(lines).toContain('Catalogue des formations 2027');
    expect(lines).toContain('Counter-terrorism awareness');
    expect(lines).toContain('Sensibilisation au contre-terrorisme');
    // The Arabic title as one line, its words in reading order.
    expect(lines).toContain(ARABIC_TITLE);
    expect(text).toContain('How to apply');
    expect(text).toContain('المتطلبات المسبقة');
    expect(text).toContain('May 2 – 6, 2027');
    expect(text).toContain('المركز الإقليمي');
    expect(text).not.toContain('Hidden course');
    expect(text).not.toContain('September');
    expect(text).not.toContain('2028');
  });
});
